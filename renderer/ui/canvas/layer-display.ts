/**
 * What the stage draws for a patch layer with a layer mask: a layer-sized canvas holding the patch
 * bitmap with its alpha multiplied by the mask (`destination-in`). One canvas per masked layer, kept
 * between renders; when the mask changes (a stroke, undo), only the tiles whose object changed are
 * redrawn (masks share untouched tiles), and while a stroke is live only the rectangle each pointer
 * move touched. Opacity is the Konva node's, so it costs nothing here.
 */
import { dirtyTileIndices, readMaskRegion, tileRect, type Rect, type TiledMask } from '../../../shared/mask';
import { bitmapCrop } from '../../commands/blob-store';

interface Entry {
  bmp: ImageBitmap | HTMLCanvasElement;
  mask: TiledMask;
  canvas: HTMLCanvasElement;
}

const entries = new Map<string, Entry>();
let scratch: HTMLCanvasElement | null = null;
/** Reused between draws (grown, never shrunk): a live stroke allocates nothing per pointer move. */
let alphaData: ImageData | null = null;

/** Writes alpha values into `data` (RGBA, `stride` pixels per row) for the w×h rectangle at its top left. */
export type AlphaFill = (data: Uint8ClampedArray, stride: number) => void;

/** The scratch canvas with the w×h alpha that `fill` writes at its top left, for `destination-in`. */
function alphaCanvas(fill: AlphaFill, w: number, h: number): HTMLCanvasElement {
  scratch ??= document.createElement('canvas');
  if (scratch.width < w || scratch.height < h) {
    scratch.width = Math.max(scratch.width, w);
    scratch.height = Math.max(scratch.height, h);
  }
  if (!alphaData || alphaData.width < w || alphaData.height < h) {
    alphaData = new ImageData(Math.max(w, alphaData?.width ?? 0), Math.max(h, alphaData?.height ?? 0));
  }
  fill(alphaData.data, alphaData.width);
  scratch.getContext('2d')!.putImageData(alphaData, 0, 0, 0, 0, w, h);
  return scratch;
}

/** Fills the alpha of a region from mask values (`values`: w per row). */
function fromValues(values: Uint8Array, w: number): AlphaFill {
  return (data, stride) => {
    for (let i = 0, y = 0; i < values.length; y++) {
      for (let q = y * stride * 4 + 3, x = 0; x < w; x++, q += 4) data[q] = values[i++];
    }
  };
}

/** Redraws `r` (layer px) of the layer's canvas from its bitmap and the mask alpha `fill` writes for `r`. */
function drawRect(e: Entry, r: Rect, fill: AlphaFill): void {
  const ctx = e.canvas.getContext('2d')!;
  ctx.save();
  ctx.globalCompositeOperation = 'copy';
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
  ctx.drawImage(e.bmp, r.x, r.y, r.width, r.height, r.x, r.y, r.width, r.height);
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(alphaCanvas(fill, r.width, r.height), 0, 0, r.width, r.height, r.x, r.y, r.width, r.height);
  ctx.restore();
}

function drawTiles(e: Entry, mask: TiledMask, tiles: number[]): void {
  for (const i of tiles) {
    const r = tileRect(mask, i);
    drawRect(e, r, fromValues(readMaskRegion(mask, r), r.width));
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
 * While a stroke is live: shows the mask alpha that `fill` writes for `r` (layer px) on the layer's
 * canvas without a new mask. The entry keeps its committed mask, so the next render after the
 * commit (or cancel) redraws those tiles exactly from the mask it gets.
 */
export function showLiveMask(layerId: string, r: Rect, fill: AlphaFill): boolean {
  const e = entries.get(layerId);
  if (!e) return false;
  drawRect(e, r, fill);
  return true;
}

/** After a live stroke was cancelled: redraws `r` from the committed mask. */
export function restoreRect(layerId: string, r: Rect): void {
  const e = entries.get(layerId);
  if (e) drawRect(e, r, fromValues(readMaskRegion(e.mask, r), r.width));
}

/** Drops the canvases of layers the document no longer has. */
export function pruneLayerCanvases(keep: ReadonlySet<string>): void {
  for (const id of entries.keys()) if (!keep.has(id)) entries.delete(id);
}

/** Full-size sources of cropped patch bitmaps, for layer masks (which work in layer px): made once per bitmap. */
const fullSize = new WeakMap<ImageBitmap, HTMLCanvasElement>();

export function uncropped(assetId: string, bmp: ImageBitmap): ImageBitmap | HTMLCanvasElement {
  const crop = bitmapCrop(assetId);
  if (!crop) return bmp;
  let c = fullSize.get(bmp);
  if (!c) {
    c = document.createElement('canvas');
    c.width = crop.fullWidth;
    c.height = crop.fullHeight;
    c.getContext('2d')!.drawImage(bmp, crop.x, crop.y);
    fullSize.set(bmp, c);
  }
  return c;
}
