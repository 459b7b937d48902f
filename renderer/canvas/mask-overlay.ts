/**
 * Draws a tiled mask as a coloured overlay. Tile bitmaps are cached by tile identity: tiles are
 * immutable and shared between mask versions, so after a stroke only the touched tiles are rebuilt
 * and undo/redo reuse the cache. Only tiles inside the visible rect are drawn.
 */
import { TILE_SIZE, type TiledMask } from '../../shared/mask';

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
   * @param visible the visible part of the document, in document px (for culling)
   */
  paint(
    ctx: CanvasRenderingContext2D,
    mask: TiledMask,
    opacity: number,
    visible: { x: number; y: number; width: number; height: number },
    scale: number,
  ): void {
    ctx.save();
    ctx.globalAlpha = opacity;
    ctx.imageSmoothingEnabled = scale < 1;
    ctx.fillStyle = `rgb(${this.color[0]},${this.color[1]},${this.color[2]})`;
    const tx0 = Math.max(0, Math.floor(visible.x / TILE_SIZE));
    const ty0 = Math.max(0, Math.floor(visible.y / TILE_SIZE));
    const tx1 = Math.min(mask.cols - 1, Math.floor((visible.x + visible.width) / TILE_SIZE));
    const ty1 = Math.min(mask.rows - 1, Math.floor((visible.y + visible.height) / TILE_SIZE));
    for (let ty = ty0; ty <= ty1; ty++) {
      for (let tx = tx0; tx <= tx1; tx++) {
        const tile = mask.tiles[ty * mask.cols + tx];
        if (tile === 0) continue;
        const x = tx * TILE_SIZE;
        const y = ty * TILE_SIZE;
        const w = Math.min(TILE_SIZE, mask.width - x);
        const h = Math.min(TILE_SIZE, mask.height - y);
        if (tile === 255) ctx.fillRect(x, y, w, h);
        else ctx.drawImage(this.tileCanvas(tile), 0, 0, w, h, x, y, w, h);
      }
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
