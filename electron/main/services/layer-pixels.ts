/**
 * Layer opacity and layer masks in main: the pixels a patch contributes once its layer mask and
 * opacity are applied (shared/pixels/layer-alpha.ts), for the region sent to a model and merge down
 * (export applies the same rule in export/composite-raw.ts). A mask asset is a grey PNG (R = value) of the patch's size; anything else is refused.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { applyLayerAlpha, overStraight, type LayerAlpha } from '../../../shared/pixels/layer-alpha';
import type { AssetStore } from './asset-store';
import { MAX_IMAGE_PIXELS } from './image-limits';

/** A patch as the renderer places it, with its layer properties. */
export interface PlacedPatch {
  assetId: string;
  x: number;
  y: number;
  opacity?: number;
  maskAssetId?: string;
}

/** The layer mask values (width×height) of `maskAssetId`, or null without one. */
export async function loadLayerMask(
  store: AssetStore,
  maskAssetId: string | undefined,
  width: number,
  height: number,
): Promise<Uint8Array | null> {
  if (!maskAssetId) return null;
  const { data, info } = await sharp(await store.get(maskAssetId), { limitInputPixels: MAX_IMAGE_PIXELS })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) {
    throw new AppError({
      kind: 'invalid-request',
      message: `A layer mask is ${info.width}×${info.height} but its layer is ${width}×${height}.`,
    });
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Opacity and mask of a placed patch of the given size. */
export async function layerAlphaOf(store: AssetStore, p: PlacedPatch, width: number, height: number): Promise<LayerAlpha> {
  return { opacity: p.opacity ?? 1, mask: await loadLayerMask(store, p.maskAssetId, width, height) };
}

/** Copies `src` (w×h RGBA) into `dst` (dw wide) at dx,dy. */
function place(dst: Uint8Array, dw: number, src: Uint8Array, w: number, h: number, dx: number, dy: number): void {
  for (let y = 0; y < h; y++) dst.set(src.subarray(y * w * 4, (y + 1) * w * 4), ((dy + y) * dw + dx) * 4);
}

export interface DecodedPatch {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Merge down in pixels: both patches with their alpha applied, `upper` over `lower`, on the rectangle
 * covering both. Returns the merged RGBA and its placement.
 */
export function mergePatches(
  lower: { p: PlacedPatch; img: DecodedPatch; alpha: LayerAlpha },
  upper: { p: PlacedPatch; img: DecodedPatch; alpha: LayerAlpha },
): { x: number; y: number; width: number; height: number; rgba: Uint8Array } {
  const x = Math.min(lower.p.x, upper.p.x);
  const y = Math.min(lower.p.y, upper.p.y);
  const width = Math.max(lower.p.x + lower.img.width, upper.p.x + upper.img.width) - x;
  const height = Math.max(lower.p.y + lower.img.height, upper.p.y + upper.img.height) - y;
  const canvas = (part: typeof lower) => {
    const out = new Uint8Array(width * height * 4);
    const rgba = applyLayerAlpha(part.img.rgba, part.img.width, part.img.height, part.alpha);
    place(out, width, rgba, part.img.width, part.img.height, part.p.x - x, part.p.y - y);
    return out;
  };
  return { x, y, width, height, rgba: overStraight(canvas(lower), canvas(upper)) };
}
