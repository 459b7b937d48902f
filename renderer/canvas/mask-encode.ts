/**
 * Encodes a rect of the mask as a greyscale-looking PNG (RGB = value, opaque) with the browser's
 * native encoder, for sending to main as encoded bytes (never base64, never raw megabytes).
 */
import { readMaskRegion, type Rect, type TiledMask } from '../../shared/mask';

export async function encodeMaskPng(mask: TiledMask, rect: Rect): Promise<Uint8Array> {
  const values = readMaskRegion(mask, rect);
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(rect.width, rect.height);
  const d = img.data;
  for (let i = 0, p = 0; i < values.length; i++, p += 4) {
    const v = values[i];
    d[p] = v;
    d[p + 1] = v;
    d[p + 2] = v;
    d[p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
