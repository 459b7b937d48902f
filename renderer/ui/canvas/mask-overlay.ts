/**
 * Draws a tiled mask as a coloured overlay. Tile bitmaps are cached by tile identity: tiles are
 * immutable and shared between mask versions, so after a stroke only the touched tiles are rebuilt
 * and undo/redo reuse the cache. Only tiles inside the visible rect are drawn.
 */
import { TILE_SIZE, type TiledMask } from '../../../shared/mask';

type Rgb = readonly [number, number, number];

export class MaskOverlayPainter {
  private cache = new WeakMap<Uint8Array, HTMLCanvasElement>();
  private color: Rgb = [255, 0, 0];

  setColor(color: Rgb): void {
    if (color[0] !== this.color[0] || color[1] !== this.color[1] || color[2] !== this.color[2]) {
      this.color = color;
      this.cache = new WeakMap();
    }
  }

  /**
   * Paints into a context already transformed to document coordinates.
   * Tiles are drawn in device pixels with edges rounded to whole pixels, so neighbouring tiles meet
   * exactly: no anti-aliased edge is drawn twice (a darker line) or half-covered (a lighter line),
   * and tile bitmaps are never sampled past their edge.
   * @param visible the visible part of the document, in document px (for culling)
   */
  paint(
    ctx: CanvasRenderingContext2D,
    mask: TiledMask,
    opacity: number,
    visible: { x: number; y: number; width: number; height: number },
    scale: number,
  ): void {
    const m = ctx.getTransform();
    const sx = (x: number) => Math.round(m.a * x + m.e);
    const sy = (y: number) => Math.round(m.d * y + m.f);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = opacity;
    ctx.imageSmoothingEnabled = scale < 1;
    ctx.imageSmoothingQuality = 'medium';
    ctx.fillStyle = `rgb(${this.color[0]},${this.color[1]},${this.color[2]})`;
    const tx0 = Math.max(0, Math.floor(visible.x / TILE_SIZE));
    const ty0 = Math.max(0, Math.floor(visible.y / TILE_SIZE));
    const tx1 = Math.min(mask.cols - 1, Math.floor((visible.x + visible.width) / TILE_SIZE));
    const ty1 = Math.min(mask.rows - 1, Math.floor((visible.y + visible.height) / TILE_SIZE));
    for (let ty = ty0; ty <= ty1; ty++) {
      const y = ty * TILE_SIZE;
      const h = Math.min(TILE_SIZE, mask.height - y);
      const Y0 = sy(y);
      const Y1 = sy(y + h);
      if (Y1 <= Y0) continue;
      // Runs of full tiles become one rect: fewer draw calls, and no edges inside the run at all.
      let run = -1;
      const flush = (end: number) => {
        if (run < 0) return;
        const X0 = sx(run * TILE_SIZE);
        const X1 = sx(Math.min(mask.width, end * TILE_SIZE));
        if (X1 > X0) ctx.fillRect(X0, Y0, X1 - X0, Y1 - Y0);
        run = -1;
      };
      for (let tx = tx0; tx <= tx1; tx++) {
        const tile = mask.tiles[ty * mask.cols + tx];
        if (tile === 255) {
          if (run < 0) run = tx;
          continue;
        }
        flush(tx);
        if (tile === 0) continue;
        const x = tx * TILE_SIZE;
        const w = Math.min(TILE_SIZE, mask.width - x);
        const X0 = sx(x);
        const X1 = sx(x + w);
        if (X1 > X0) ctx.drawImage(this.tileCanvas(tile), 0, 0, w, h, X0, Y0, X1 - X0, Y1 - Y0);
      }
      flush(tx1 + 1);
    }
    ctx.restore();
  }

  private tileCanvas(tile: Uint8Array): HTMLCanvasElement {
    let c = this.cache.get(tile);
    if (c) return c;
    c = document.createElement('canvas');
    c.width = TILE_SIZE;
    c.height = TILE_SIZE;
    const ctx = c.getContext('2d')!;
    const img = ctx.createImageData(TILE_SIZE, TILE_SIZE);
    const d = img.data;
    const [r, g, b] = this.color;
    for (let i = 0, p = 0; i < tile.length; i++, p += 4) {
      const a = tile[i];
      if (a === 0) continue;
      d[p] = r;
      d[p + 1] = g;
      d[p + 2] = b;
      d[p + 3] = a;
    }
    ctx.putImageData(img, 0, 0);
    this.cache.set(tile, c);
    return c;
  }
}
