/**
 * Encodes a rect of the mask as a greyscale PNG (value = grey level) for sending to main as encoded
 * bytes (never base64, never raw megabytes): the PNG is assembled around the browser's native zlib
 * (`CompressionStream`), with no canvas and no RGBA copy in between.
 */
import { readMaskRegion, type Rect, type TiledMask } from '../../shared/mask';
import { greyPng } from '../../shared/pixels/grey-png';

export async function encodeMaskPng(mask: TiledMask, rect: Rect): Promise<Uint8Array> {
  return greyPng(readMaskRegion(mask, rect), rect.width, rect.height, browserZlib);
}

async function browserZlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
