/**
 * The pixels on either side of a model request: the region encoded at the request size (image and
 * mask), and the provider's image checked and scaled back to the region. Used by edits, outpaint
 * tiles and batches.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Window } from '../../../shared/pixels/box-filter';
import { MASK_ON } from '../../../shared/mask/threshold';
import type { Rect } from './region-pixels';
import { checkProviderImage, type Size } from './provider-image';

/**
 * The region as the model receives it: the pixels scaled to the request size (PNG for the local
 * engine, which fills from them; JPEG q92 for cloud models, which only need them as context and
 * encode 5–10× faster; bilinear scaling is plenty for context), and the binary mask scaled the same way.
 */
export async function encodeRequest(
  regionPixels: Uint8Array,
  mask: Uint8Array,
  region: Rect,
  request: { width: number; height: number },
  lossless: boolean,
): Promise<{ requestImage: Uint8Array; requestMask: Uint8Array }> {
  // Both pipelines run at once on libvips' thread pool.
  const [requestImage, requestMask] = await Promise.all([
    encodeRequestImage(regionPixels, region, request, lossless),
    scaleRequestMask(mask, region, request),
  ]);
  return { requestImage, requestMask };
}

/** The region's pixels scaled to the request size and encoded (PNG when `lossless`, else JPEG q92). */
export async function encodeRequestImage(
  regionPixels: Uint8Array,
  region: Rect,
  request: { width: number; height: number },
  lossless: boolean,
): Promise<Uint8Array> {
  const { width, height } = request;
  // The alpha band is dropped, not flattened: pre-filled outpaint pixels keep their colour.
  let img = sharp(regionPixels, { raw: { width: region.width, height: region.height, channels: 4 } }).removeAlpha();
  if (width !== region.width || height !== region.height)
    img = img.resize(width, height, { fit: 'fill', kernel: lossless ? 'lanczos3' : 'linear' });
  return new Uint8Array(await (lossless ? img.png({ compressionLevel: 1 }) : img.jpeg({ quality: 92 })).toBuffer());
}

/** A region-sized binary mask scaled to the request size, binary again (≥ MASK_ON → 255). */
export async function scaleRequestMask(mask: Uint8Array, region: Rect, request: { width: number; height: number }): Promise<Uint8Array> {
  const { width, height } = request;
  let m = sharp(mask, { raw: { width: region.width, height: region.height, channels: 1 } });
  if (width !== region.width || height !== region.height) m = m.resize(width, height, { fit: 'fill', kernel: 'linear' });
  const scaled = await m.extractChannel(0).raw().toBuffer();
  const requestMask = new Uint8Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) requestMask[i] = scaled[i] >= MASK_ON ? 255 : 0;
  return requestMask;
}

/**
 * The provider's image checked against the request (see provider-image.ts), then scaled to the
 * region. With `window` (the part of the region the patch reads, `generatedWindow`) only that part
 * is scaled — libvips computes the output pixels asked for, the same values as a full scale — and
 * the rest of the returned region-sized buffer stays 0.
 */
export async function scaleToRegion(
  bytes: Uint8Array,
  region: Rect,
  modelName: string,
  requested: Size,
  window?: Window | null,
): Promise<Uint8Array> {
  const got = await checkProviderImage(bytes, requested, modelName);
  const { width: W, height: H } = region;
  const part = window && (window.x1 - window.x0 < W || window.y1 - window.y0 < H) ? window : null;
  try {
    let img = sharp(bytes, { limitInputPixels: got.width * got.height })
      .ensureAlpha()
      .resize(W, H, { fit: 'fill', kernel: 'lanczos3' });
    if (part) img = img.extract({ left: part.x0, top: part.y0, width: part.x1 - part.x0, height: part.y1 - part.y0 });
    const buf = await img.raw().toBuffer();
    if (!part) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const out = new Uint8Array(W * H * 4);
    const row = (part.x1 - part.x0) * 4;
    for (let y = part.y0; y < part.y1; y++) out.set(buf.subarray((y - part.y0) * row, (y - part.y0 + 1) * row), (y * W + part.x0) * 4);
    return out;
  } catch (e) {
    throw new AppError({ kind: 'server', message: `${modelName} returned an image Maskwork could not decode.` }, { cause: e });
  }
}
