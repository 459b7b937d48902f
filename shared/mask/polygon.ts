/**
 * Polygon (lasso) rasterisation with the non-zero winding rule, by scanline with an active edge
 * list. Document pixels; pixel `(x, y)` has its centre at `(x + 0.5, y + 0.5)`.
 */
import { boundingIntRect, intersectRects } from '../geometry/rect';
import type { Coverage, Rect } from './tiled-mask';

/** A polygon vertex in document pixels. */
export interface PolygonPoint {
  x: number;
  y: number;
}

/** Options for {@link rasterizePolygon}. */
export interface PolygonOptions {
  /**
   * Anti-alias the edges (4 vertical sub-scanlines per pixel row with exact horizontal
   * coverage). Default `true`. Without it a pixel is 255 iff its centre is inside.
   */
  antialias?: boolean;
  /** Optional clip rect (document pixels, e.g. the document) to bound the coverage patch. */
  clip?: Rect;
}

interface Edge {
  yMin: number;
  yMax: number;
  /** x at yMin. */
  x0: number;
  /** dx/dy. */
  slope: number;
  /** +1 for downward edges, -1 for upward ones. */
  dir: number;
}

const SUBSAMPLES = 4;

function buildEdges(points: readonly PolygonPoint[]): Edge[] {
  const edges: Edge[] = [];
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    if (a.y === b.y) continue; // horizontal edges never cross a scanline
    const down = b.y > a.y;
    const top = down ? a : b;
    const bot = down ? b : a;
    edges.push({
      yMin: top.y,
      yMax: bot.y,
      x0: top.x,
      slope: (bot.x - top.x) / (bot.y - top.y),
      dir: down ? 1 : -1,
    });
  }
  edges.sort((e, f) => e.yMin - f.yMin);
  return edges;
}

/**
 * Scanline walker: call `spans(y, emit)` with increasing `y`; it reports every x-interval
 * `[xa, xb)` inside the polygon (non-zero winding) on the horizontal line at `y`.
 */
function createScanner(edges: Edge[]) {
  let next = 0;
  let active: Edge[] = [];
  const xs: number[] = [];
  const dirs: number[] = [];
  return (y: number, emit: (xa: number, xb: number) => void): void => {
    while (next < edges.length && edges[next].yMin <= y) active.push(edges[next++]);
    active = active.filter((e) => e.yMax > y);
    // Half-open rule: an edge crosses line y if yMin ≤ y < yMax.
    xs.length = 0;
    dirs.length = 0;
    for (const e of active) {
      if (e.yMin > y) continue;
      const x = e.x0 + (y - e.yMin) * e.slope;
      // Insertion sort: crossing counts are small.
      let j = xs.length;
      xs.push(x);
      dirs.push(e.dir);
      while (j > 0 && xs[j - 1] > x) {
        xs[j] = xs[j - 1];
        dirs[j] = dirs[j - 1];
        j--;
      }
      xs[j] = x;
      dirs[j] = e.dir;
    }
    let winding = 0;
    let start = 0;
    for (let i = 0; i < xs.length; i++) {
      const before = winding;
      winding += dirs[i];
      if (before === 0 && winding !== 0) start = xs[i];
      else if (before !== 0 && winding === 0 && xs[i] > start) emit(start, xs[i]);
    }
  };
}

/**
 * Rasterises a closed polygon (the last point connects back to the first) into a coverage patch
 * using the non-zero winding rule. The patch rect is the integer bounding box of the points
 * (document pixels), intersected with `options.clip` if given. Fewer than 3 points, or a
 * degenerate box, give an empty patch.
 */
export function rasterizePolygon(points: readonly PolygonPoint[], options: PolygonOptions = {}): Coverage {
  const antialias = options.antialias ?? true;
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const empty: Coverage = { rect: { x: 0, y: 0, width: 0, height: 0 }, data: new Uint8Array(0) };
  if (pts.length < 3) return empty;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of pts) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  let rect: Rect | null = boundingIntRect(minX, minY, maxX, maxY);
  if (options.clip) rect = intersectRects(rect, options.clip);
  if (!rect || rect.width <= 0 || rect.height <= 0) return empty;
  const { x: rx, y: ry, width: rw, height: rh } = rect;
  const data = new Uint8Array(rw * rh);
  const scan = createScanner(buildEdges(pts));

  if (!antialias) {
    for (let row = 0; row < rh; row++) {
      const o = row * rw;
      scan(ry + row + 0.5, (xa, xb) => {
        // Pixels whose centre lies in [xa, xb).
        const i0 = Math.max(0, Math.ceil(xa - 0.5) - rx);
        const i1 = Math.min(rw, Math.ceil(xb - 0.5) - rx);
        if (i1 > i0) data.fill(255, o + i0, o + i1);
      });
    }
    return { rect, data };
  }

  // Anti-aliased: per row, accumulate exact horizontal span coverage of each sub-scanline.
  // `direct[i]` collects partial-pixel coverage, `diff` is a difference array for full pixels.
  const direct = new Float32Array(rw);
  const diff = new Float32Array(rw + 1);
  const wgt = 1 / SUBSAMPLES;
  const addSpan = (xa: number, xb: number): void => {
    const a = Math.max(xa - rx, 0);
    const b = Math.min(xb - rx, rw);
    if (b <= a) return;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    if (ia === ib) {
      direct[ia] += (b - a) * wgt;
      return;
    }
    direct[ia] += (ia + 1 - a) * wgt;
    diff[ia + 1] += wgt;
    diff[ib] -= wgt;
    if (ib < rw) direct[ib] += (b - ib) * wgt;
  };
  for (let row = 0; row < rh; row++) {
    direct.fill(0);
    diff.fill(0);
    for (let s = 0; s < SUBSAMPLES; s++) scan(ry + row + (s + 0.5) / SUBSAMPLES, addSpan);
    const o = row * rw;
    let run = 0;
    for (let i = 0; i < rw; i++) {
      run += diff[i];
      const v = (run + direct[i]) * 255;
      data[o + i] = v >= 255 ? 255 : v <= 0 ? 0 : Math.round(v);
    }
  }
  return { rect, data };
}
