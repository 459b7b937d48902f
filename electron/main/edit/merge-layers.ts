/**
 * Merge down in main: two patches (each with its opacity and layer mask) become one patch asset in
 * the photo's colour space, decoded and encoded the way edit results are (sRGB working pixels,
 * the original's profile embedded), so the merged layer looks like the two did.
 */
import { AppError } from '../../../shared/errors';
import type { AssetStore } from '../services/asset-store';
import { layerAlphaOf, mergePatches, type PlacedPatch } from '../services/layer-pixels';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { decodeRgba } from './region-pixels';

/** Largest merged patch (pixels): the same bound as an opened image's side area. */
const MAX_MERGED_PIXELS = 150e6;

export async function mergeLayers(
  store: AssetStore,
  original: string,
  lower: PlacedPatch,
  upper: PlacedPatch,
): Promise<{ assetId: string; png: Uint8Array; x: number; y: number; width: number; height: number }> {
  const load = async (p: PlacedPatch) => {
    const img = await decodeRgba(store, p.assetId);
    return { p, img, alpha: await layerAlphaOf(store, p, img.width, img.height) };
  };
  const [lo, up] = [await load(lower), await load(upper)];
  const w = Math.max(lower.x + lo.img.width, upper.x + up.img.width) - Math.min(lower.x, upper.x);
  const h = Math.max(lower.y + lo.img.height, upper.y + up.img.height) - Math.min(lower.y, upper.y);
  if (w * h > MAX_MERGED_PIXELS) {
    throw new AppError({
      kind: 'too-large',
      message: `The merged layer would be ${w}×${h}, above the ${MAX_MERGED_PIXELS / 1e6} MP limit.`,
    });
  }
  const merged = mergePatches(lo, up);
  const png = await encodePatchPng(merged.rgba, merged.width, merged.height, await sourceIccPath(store, original));
  const assetId = await store.put(png, 'patch');
  return { assetId, png, x: merged.x, y: merged.y, width: merged.width, height: merged.height };
}

/**
 * The original as a patch (Ctrl+J on the original's row, Photoshop's Layer via Copy): its pixels as
 * every edit reads them (decoded upright, sRGB working pixels), encoded with its profile as merged
 * layers are, so the copy over the original looks as the original does.
 */
export async function originalAsPatch(
  store: AssetStore,
  original: string,
): Promise<{ assetId: string; png: Uint8Array; width: number; height: number }> {
  const img = await decodeRgba(store, original, true);
  if (img.width * img.height > MAX_MERGED_PIXELS) {
    throw new AppError({
      kind: 'too-large',
      message: `A copy of the original would be ${img.width}×${img.height}, above the ${MAX_MERGED_PIXELS / 1e6} MP limit of a layer.`,
    });
  }
  const png = await encodePatchPng(img.rgba, img.width, img.height, await sourceIccPath(store, original));
  const assetId = await store.put(png, 'patch');
  return { assetId, png, width: img.width, height: img.height };
}
