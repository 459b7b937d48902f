/**
 * The pixels on either side of a model request: the region encoded at the request size (image and
 * mask), and the provider's image checked and scaled back to the region. Used by edits, outpaint
 * tiles and batches.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { maskWindow, type Window } from '../../../shared/pixels/box-filter';
import { MASK_ON } from '../../../shared/mask/threshold';
import type { Rect, RegionSource } from './region-pixels';
import { checkProviderImage, type Size } from './provider-image';

/**
 * A request image's JPEG settings: q92 with libjpeg's standard Huffman tables. Optimised tables (sharp's
 * default) take a second pass over the coefficients — 3–4× the encode time of a 3312×1104 request
 * here (58 against 16 ms) for a file 2 % smaller — on the path between Ctrl+Enter (or an earlier
 * tile's answer) and the request leaving.
 */
export const REQUEST_JPEG = { quality: 92, optimiseCoding: false } as const;

/**
 * The region's pixels as the model receives them, scaled to the request size and encoded: PNG when
 * `lossless` (the local engine, which fills from them), else JPEG q92 ({@link REQUEST_JPEG}; cloud models, which only need
 * them as context: 5–10× faster to encode; bilinear scaling is plenty for context). The mask is
 * scaled the same way by {@link scaleRequestMask}.
 */
export async function encodeRequestImage(
  regionPixels: Uint8Array | RegionSource,
  region: Rect,
  request: { width: number; height: number },
  lossless: boolean,
): Promise<Uint8Array> {
  const { width, height } = request;
  const src: RegionSource =
    regionPixels instanceof Uint8Array ? { rgba: regionPixels, width: region.width, height: region.height, x: 0, y: 0 } : regionPixels;
  let img = sharp(src.rgba, { raw: { width: src.width, height: src.height, channels: 4 } });
  // A crop of a larger image (the decoded original): libvips reads only the region's rows.
  if (src.width !== region.width || src.height !== region.height)
    img = img.extract({ left: src.x, top: src.y, width: region.width, height: region.height });
  // The alpha band is dropped, not flattened: pre-filled outpaint pixels keep their colour.
  img = img.removeAlpha();
  if (width !== region.width || height !== region.height)
    img = img.resize(width, height, { fit: 'fill', kernel: lossless ? 'lanczos3' : 'linear' });
  return new Uint8Array(await (lossless ? img.png({ compressionLevel: 1 }) : img.jpeg(REQUEST_JPEG)).toBuffer());
}

/**
 * Region px the offline engine's hole reaches past the mask: 0 when it fills the region at its own
 * size (every pixel it did not fill comes back as it was); when the region is scaled to the engine's
 * pixel budget, three request pixels (the reach of scaling the mask there and the answer back), so
 * no pixel of the mask is left to the scaled original.
 */
export function engineHoleMargin(covered: { width: number; height: number }, request: { width: number; height: number }): number {
  if (covered.width === request.width && covered.height === request.height) return 0;
  return Math.ceil(3 * Math.max(covered.width / request.width, covered.height / request.height, 1)) + 1;
}

/**
 * A region-sized binary mask scaled to the request size, binary again (≥ MASK_ON → 255). Only the
 * part of the request within reach of the mask's pixels is scaled (resize then extract: libvips
 * computes just those output pixels, the same values as a whole scale); the rest is 0, as the whole
 * scale of a mask that is 0 there gives.
 */
export async function scaleRequestMask(mask: Uint8Array, region: Rect, request: { width: number; height: number }): Promise<Uint8Array> {
  const { width, height } = request;
  const out = new Uint8Array(width * height);
  const win = maskWindow(mask, region.width, region.height, 0);
  if (!win) return out;
  if (width === region.width && height === region.height) {
    // The region planned at the request's size: the mask as it is, binary, within its window (no pool hop).
    for (let y = win.y0; y < win.y1; y++)
      for (let i = y * width + win.x0, e = y * width + win.x1; i < e; i++) if (mask[i] >= MASK_ON) out[i] = 255;
    return out;
  }
  let m = sharp(mask, { raw: { width: region.width, height: region.height, channels: 1 } });
  let part = { x0: 0, y0: 0, x1: width, y1: height };
  if (width !== region.width || height !== region.height) {
    m = m.resize(width, height, { fit: 'fill', kernel: 'linear' });
    part = requestWindow(win, region, request);
  } else part = win;
  const w = part.x1 - part.x0;
  const scaled = await m
    .extract({ left: part.x0, top: part.y0, width: w, height: part.y1 - part.y0 })
    .extractChannel(0)
    .raw()
    .toBuffer();
  for (let y = part.y0; y < part.y1; y++) {
    const s = (y - part.y0) * w;
    const d = y * width + part.x0;
    for (let x = 0; x < w; x++) if (scaled[s + x] >= MASK_ON) out[d + x] = 255;
  }
  return out;
}

/** Output pixels a resize can make non-zero from source pixels in `win`: its image, padded by the kernel's reach. */
function requestWindow(win: Window, region: Rect, request: { width: number; height: number }): Window {
  const sx = request.width / region.width;
  const sy = request.height / region.height;
  // Linear interpolation reads one source pixel either side: that many output pixels times the
  // enlargement, under one when shrinking (libvips' shrink + reduce for large reductions stays
  // within it too). Two source pixels' worth plus 2 px of margin (tested against the whole scale).
  const padX = Math.ceil(2 * Math.max(1, sx)) + 2;
  const padY = Math.ceil(2 * Math.max(1, sy)) + 2;
  return {
    x0: Math.max(0, Math.floor(win.x0 * sx) - padX),
    y0: Math.max(0, Math.floor(win.y0 * sy) - padY),
    x1: Math.min(request.width, Math.ceil(win.x1 * sx) + padX),
    y1: Math.min(request.height, Math.ceil(win.y1 * sy) + padY),
  };
}

/**
 * The provider's image checked against the request (see provider-image.ts), then scaled to the
 * region. With `window` (the part of the region the patch reads, `generatedWindow`) only that part
 * is scaled — libvips computes the output pixels asked for, the same values as a full scale — and
 * the rest of the returned region-sized buffer stays 0. With `frame` (a request padded past the
 * photo's edges, shared/geometry/region-pad.ts) the answer covers the frame: it is scaled to the
 * frame and the region's part cut out, so the padding never reaches the patch.
 */
export async function scaleToRegion(
  bytes: Uint8Array,
  region: Rect,
  modelName: string,
  requested: Size,
  window?: Window | null,
  frame?: Rect,
): Promise<Uint8Array> {
  const got = await checkProviderImage(bytes, requested, modelName);
  const { width: W, height: H } = region;
  const covered = frame ?? region;
  const ox = frame ? region.x - frame.x : 0;
  const oy = frame ? region.y - frame.y : 0;
  const part = window && (window.x1 - window.x0 < W || window.y1 - window.y0 < H) ? window : null;
  try {
    let img = sharp(bytes, { limitInputPixels: got.width * got.height }).ensureAlpha();
    // A region planned at its request's size (shared/geometry/region.ts) takes the answer as it is.
    if (got.width !== covered.width || got.height !== covered.height)
      img = img.resize(covered.width, covered.height, { fit: 'fill', kernel: 'lanczos3' });
    const cut = part ?? (frame ? { x0: 0, y0: 0, x1: W, y1: H } : null);
    if (cut) img = img.extract({ left: ox + cut.x0, top: oy + cut.y0, width: cut.x1 - cut.x0, height: cut.y1 - cut.y0 });
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
