/**
 * What the stage draws for a patch layer with a layer mask: a layer-sized canvas holding the patch
 * bitmap with its alpha multiplied by the mask (`destination-in`). One canvas per masked layer, kept
 * between renders; when the mask changes (a stroke, undo), only the tiles whose object changed are
 * redrawn (masks share untouched tiles), and while a stroke is live only the rectangle each pointer
 * move touched. Opacity is the Konva node's, so it costs nothing here.
 */
import { dirtyTileIndices, readMaskRegion, tileRect, type Rect, type TiledMask } from '../../../shared/mask';

interface Entry {
  bmp: ImageBitmap | HTMLCanvasElement;
  mask: TiledMask;
  canvas: HTMLCanvasElement;
}

const entries = new Map<string, Entry>();
let scratch: HTMLCanvasElement | null = null;

/** A canvas whose alpha is `values` (w×h), for `destination-in`. */
function alphaCanvas(values: Uint8Array, w: number, h: number): HTMLCanvasElement {
  scratch ??= document.createElement('canvas');
  if (scratch.width < w) scratch.width = w;
  if (scratch.height < h) scratch.height = h;
  const ctx = scratch.getContext('2d', { willReadFrequently: false })!;
  const img = ctx.createImageData(w, h);
  const d = img.data;
  for (let i = 0, q = 3; i < values.length; i++, q += 4) d[q] = values[i];
  ctx.putImageData(img, 0, 0);
  return scratch;
}

/** Redraws `r` (layer px) of the layer's canvas from its bitmap and the mask values of `r`. */
function drawRect(e: Entry, r: Rect, values: Uint8Array): void {
  const ctx = e.canvas.getContext('2d')!;
  ctx.save();
  ctx.globalCompositeOperation = 'copy';
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
  ctx.drawImage(e.bmp, r.x, r.y, r.width, r.height, r.x, r.y, r.width, r.height);
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(alphaCanvas(values, r.width, r.height), 0, 0, r.width, r.height, r.x, r.y, r.width, r.height);
  ctx.restore();
}

function drawTiles(e: Entry, mask: TiledMask, tiles: number[]): void {
  for (const i of tiles) {
    const r = tileRect(mask, i);
    drawRect(e, r, readMaskRegion(mask, r));
  }
}

/**
 * The canvas to draw for layer `layerId` (its bitmap under `mask`), brought up to date: built once,
 * then only the changed tiles when the mask changes.
 */
export function maskedLayerCanvas(layerId: string, bmp: ImageBitmap | HTMLCanvasElement, mask: TiledMask): HTMLCanvasElement {
  let e = entries.get(layerId);
  if (!e || e.bmp !== bmp || e.canvas.width !== mask.width || e.canvas.height !== mask.height) {
    const canvas = e?.canvas ?? document.createElement('canvas');
    canvas.width = mask.width;
    canvas.height = mask.height;
    e = { bmp, mask, canvas };
    entries.set(layerId, e);
    drawTiles(
      e,
      mask,
      mask.tiles.map((_, i) => i),
    );
    return canvas;
  }
  if (e.mask !== mask) {
    drawTiles(e, mask, dirtyTileIndices(e.mask, mask));
    e.mask = mask;
  }
  return e.canvas;
}

/**
 * While a stroke is live: shows `values` (mask values of `r`, layer px) on the layer's canvas without
 * a new mask. The entry keeps its committed mask, so the next render after the commit (or cancel)
 * redraws those tiles exactly from the mask it gets.
 */
export function showLiveMask(layerId: string, r: Rect, values: Uint8Array): boolean {
  const e = entries.get(layerId);
  if (!e) return false;
  drawRect(e, r, values);
  return true;
}

/** After a live stroke was cancelled: redraws `r` from the committed mask. */
export function restoreRect(layerId: string, r: Rect): void {
  const e = entries.get(layerId);
  if (e) drawRect(e, r, readMaskRegion(e.mask, r));
}

/** Drops the canvases of layers the document no longer has. */
export function pruneLayerCanvases(keep: ReadonlySet<string>): void {
  for (const id of entries.keys()) if (!keep.has(id)) entries.delete(id);
}
