/**
 * Draws a tiled mask as a coloured overlay. Tile bitmaps are cached by tile identity: tiles are
 * immutable and shared between mask versions, so after a stroke only the touched tiles are rebuilt
 * and undo/redo reuse the cache. Only tiles inside the visible rect are drawn.
 *
 * The cache is bounded: the tiles the last paint drew plus {@link SPARE_TILE_CANVASES} others, least
 * recently drawn dropped first. (Keyed weakly by tile, every mask the undo history keeps alive kept
 * its 256 KB canvases alive too: ~3 MB per rectangle mask, a hundred edits deep.)
 */
import { invertMask, TILE_SIZE, type TiledMask } from '../../../shared/mask';
import { getMask } from '../../commands/blob-store';

type Rgb = readonly [number, number, number];

/** Tile canvases kept beyond those the last paint drew (a recent undo or pan redraws from them). */
export const SPARE_TILE_CANVASES = 32;

let liveCanvases = 0;

/** Tile canvases held by every painter (bench accounting). */
export function overlayTileCanvases(): number {
  return liveCanvases;
}

const hiddenParts = new Map<string, TiledMask>();

/**
 * Where a layer mask hides its layer (255 − value), for the overlay while that mask is painted. Masks
 * are immutable, so it is computed once per mask id (the last few kept: the current one and undo's).
 */
export function hiddenPart(maskId: string): TiledMask {
  let m = hiddenParts.get(maskId);
  if (m) return m;
  m = invertMask(getMask(maskId));
  hiddenParts.set(maskId, m);
  for (const k of hiddenParts.keys()) {
    if (hiddenParts.size <= 4) break;
    hiddenParts.delete(k);
  }
  return m;
}

export class MaskOverlayPainter {
  /** Most recently drawn last. */
  private cache = new Map<Uint8Array, HTMLCanvasElement>();
  private color: Rgb = [255, 0, 0];

  setColor(color: Rgb): void {
    if (color[0] !== this.color[0] || color[1] !== this.color[1] || color[2] !== this.color[2]) {
      this.color = color;
      this.trim(0);
    }
  }

  /** Tile canvases held (tests). */
  get cachedTiles(): number {
    return this.cache.size;
  }

  /** Drops the least recently drawn canvases beyond `keep`, releasing their pixels at once. */
  private trim(keep: number): void {
    for (const [tile, c] of this.cache) {
      if (this.cache.size <= keep) break;
      this.cache.delete(tile);
      c.width = 0;
      c.height = 0;
      liveCanvases--;
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
    let drawn = 0;
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
        if (X1 > X0) {
          ctx.drawImage(this.tileCanvas(tile), 0, 0, w, h, X0, Y0, X1 - X0, Y1 - Y0);
          drawn++;
        }
      }
      flush(tx1 + 1);
    }
    ctx.restore();
    this.trim(drawn + SPARE_TILE_CANVASES);
  }

  private tileCanvas(tile: Uint8Array): HTMLCanvasElement {
    let c = this.cache.get(tile);
    if (c) {
      this.cache.delete(tile);
      this.cache.set(tile, c);
      return c;
    }
    c = document.createElement('canvas');
    liveCanvases++;
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
