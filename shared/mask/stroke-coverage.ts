/**
 * A brush stroke's coverage built up one segment at a time, for live painting: each pointer move
 * stamps only its new segment (work ≈ diameter × segment length) into tiles allocated the first
 * time the stroke touches them, keeping the maximum per pixel. Since a stroke's coverage is
 * `falloff(distance to the polyline)` and the falloff only decreases, the maximum over its segments
 * is the whole stroke's coverage: the same values `rasterizeStroke` gives for the polyline (its
 * lookup table and rounding), without allocating anything per move.
 */
import { brushProfile, type BrushOptions, type StrokePoint } from './brush-profile';
import { TILE_AREA, TILE_SIZE, type Rect } from './tiled-mask';

const LUT_SCALE = 16;

export class StrokeCoverage {
  readonly width: number;
  readonly height: number;
  private readonly cols: number;
  private readonly tiles: (Uint8Array | null)[];
  private readonly lut: Float32Array;
  private readonly R: number;
  private readonly R2: number;
  private readonly inner2: number;
  private readonly radius: number;

  /** A stroke on a `width`×`height` surface (pixels outside it are clipped). */
  constructor(width: number, height: number, brush: BrushOptions) {
    this.width = width;
    this.height = height;
    this.cols = Math.ceil(width / TILE_SIZE);
    this.tiles = new Array<Uint8Array | null>(this.cols * Math.ceil(height / TILE_SIZE)).fill(null);
    const profile = brushProfile(brush);
    this.radius = Math.max(0, brush.size) / 2;
    this.R = profile.outer;
    this.R2 = this.R * this.R;
    this.inner2 = profile.inner > 0 ? profile.inner * profile.inner : -1;
    this.lut = new Float32Array(Math.ceil(this.R * LUT_SCALE) + 2);
    for (let i = 0; i < this.lut.length; i++) this.lut[i] = profile.at(i / LUT_SCALE) * 255;
  }

  /** Coverage 0..255 at pixel (x, y); 0 outside the surface or where the stroke never reached. */
  value(x: number, y: number): number {
    if (!(x >= 0 && y >= 0 && x < this.width && y < this.height)) return 0;
    const tile = this.tiles[((y / TILE_SIZE) | 0) * this.cols + ((x / TILE_SIZE) | 0)];
    return tile ? tile[(y % TILE_SIZE) * TILE_SIZE + (x % TILE_SIZE)] : 0;
  }

  /**
   * Stamps the segment a→b (one disc when a = b). Returns the rectangle (clipped to the surface)
   * whose values may have changed, or null when the segment misses the surface.
   */
  addSegment(a: StrokePoint, b: StrokePoint): Rect | null {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y) || !Number.isFinite(b.x) || !Number.isFinite(b.y)) return null;
    if (!(this.radius > 0)) return null;
    const r = this.radius;
    const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r - 1));
    const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r - 1));
    const x1 = Math.min(this.width, Math.ceil(Math.max(a.x, b.x) + r + 1));
    const y1 = Math.min(this.height, Math.ceil(Math.max(a.y, b.y) + r + 1));
    if (x1 <= x0 || y1 <= y0) return null;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    const ux = len > 0 ? dx / len : 0;
    const uy = len > 0 ? dy / len : 0;
    const { R2, inner2, lut, tiles, cols } = this;
    for (let y = y0; y < y1; y++) {
      const ey = y + 0.5 - a.y;
      const trow = ((y / TILE_SIZE) | 0) * cols;
      const ly = (y % TILE_SIZE) * TILE_SIZE;
      for (let x = x0; x < x1; x++) {
        const ex = x + 0.5 - a.x;
        let t = ex * ux + ey * uy;
        if (t < 0) t = 0;
        else if (t > len) t = len;
        const px = ex - t * ux;
        const py = ey - t * uy;
        const d2 = px * px + py * py;
        if (d2 >= R2) continue;
        let v: number;
        if (d2 <= inner2) v = 255;
        else {
          const f = Math.sqrt(d2) * LUT_SCALE;
          const i = f | 0;
          const l0 = lut[i];
          v = Math.round(l0 + (lut[i + 1] - l0) * (f - i));
          if (v === 0) continue;
        }
        const ti = trow + ((x / TILE_SIZE) | 0);
        let tile = tiles[ti];
        if (!tile) tile = tiles[ti] = new Uint8Array(TILE_AREA);
        const k = ly + (x % TILE_SIZE);
        if (v > tile[k]) tile[k] = v;
      }
    }
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }
}
