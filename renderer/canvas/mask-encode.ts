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

/**
 * Decodes a mask PNG written by {@link encodeMaskPng} back to values (R channel), `width*height`
 * row-major. No colour conversion or premultiplication, so the values are exactly the encoded ones.
 */
export async function decodeMaskPng(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  try {
    if (bmp.width !== width || bmp.height !== height)
      throw new Error(`mask PNG is ${bmp.width}×${bmp.height}, expected ${width}×${height}`);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, width, height).data;
    const out = new Uint8Array(width * height);
    for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = d[p];
    return out;
  } finally {
    bmp.close();
  }
}
