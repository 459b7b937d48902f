/**
 * A streamed partial preview made ready to draw over its region: decoded, scaled up to the region's
 * size and cut out by the mask there (its values as alpha), so only what the edit may change shows
 * the model's work in progress. Browser only (ImageBitmap, OffscreenCanvas).
 */
import type { Rect } from '../../shared/geometry/rect';
import { readMaskRegion } from '../../shared/mask';
import { getMask } from './blob-store';
import { useEditor } from './store/store';

export async function composePartial(bytes: Uint8Array, region: Rect, mask: Uint8Array | null): Promise<ImageBitmap | null> {
  const { width, height } = region;
  if (!mask || mask.length !== width * height) return null;
  const src = await createImageBitmap(new Blob([bytes as BlobPart]));
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(src, 0, 0, width, height);
    const alpha = new ImageData(width, height);
    const px = new Uint32Array(alpha.data.buffer);
    for (let i = 0; i < mask.length; i++) if (mask[i]) px[i] = (mask[i] << 24) >>> 0; // RGBA little-endian: alpha in the top byte
    const cut = new OffscreenCanvas(width, height);
    cut.getContext('2d')!.putImageData(alpha, 0, 0);
    ctx.globalCompositeOperation = 'destination-in';
    ctx.drawImage(cut, 0, 0);
    return canvas.transferToImageBitmap();
  } finally {
    src.close();
  }
}

/** {@link composePartial} cut out by the open document's mask. */
export function composeWithDocMask(bytes: Uint8Array, region: Rect): Promise<ImageBitmap | null> {
  const doc = useEditor.getState().doc;
  return composePartial(bytes, region, doc ? readMaskRegion(getMask(doc.maskId), region) : null);
}
