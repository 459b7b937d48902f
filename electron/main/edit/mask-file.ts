/**
 * Reads a mask file (white, luminance > 127, = change) through main's bounded reader, checks it
 * matches the image size, and returns the PNG of its bounding box as the app's renderer would send it.
 */
import { basename } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../../shared/errors';
import { maskBBox } from './mask-input';
import { readRegularFile } from '../services/file-identity';
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS } from '../services/image-limits';

interface Size {
  width: number;
  height: number;
}

/**
 * `size`: the image's (upright) size, or a promise of it — the mask is read and decoded meanwhile
 * (the CLI opens the image alongside), and checked against it once known.
 */
export async function readMaskFile(
  path: string,
  size: Size | Promise<Size>,
): Promise<{ png: Uint8Array; rect: { x: number; y: number; width: number; height: number } }> {
  const { bytes } = await readRegularFile(path, MAX_FILE_BYTES);
  const known = 'width' in size ? size : null;
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    const meta = await sharp(bytes).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const [mw, mh] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
    if (known && mw && mh && (mw !== known.width || mh !== known.height)) throw sizeMismatch(mw, mh, known.width, known.height);
    if (!mw || !mh || mw * mh > MAX_IMAGE_PIXELS) throw new Error('no readable size, or larger than any image');
    let decoder = sharp(bytes, { limitInputPixels: mw * mh + 1 });
    if ((meta.orientation ?? 1) > 1) decoder = decoder.autoOrient();
    // A grey mask is thresholded by libvips without any colour conversion (b-w keeps it one band);
    // a colour or alpha one is decoded plainly and thresholded in one pass (thresholdMask): libvips'
    // flatten → greyscale → threshold converts every pixel through linear light, 2–3× the CPU.
    decoded = await (meta.channels === 1 ? decoder.toColourspace('b-w').threshold(128) : decoder)
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError({ kind: 'bad-image', message: `The mask ${basename(path)} could not be read as an image.` }, { cause: e });
  }
  const { width, height } = await size;
  const { data, info } = decoded;
  if (info.width !== width || info.height !== height) throw sizeMismatch(info.width, info.height, width, height);
  const px = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const bin = info.channels === 1 ? px : thresholdMask(px, info.channels);
  const rect = maskBBox(bin, { x: 0, y: 0, width, height });
  if (!rect)
    throw new AppError({
      kind: 'invalid-request',
      message: 'The mask is empty (no pixel brighter than 127): nothing to change.',
      rule: 'mask',
    });
  const png = await sharp(Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength), { raw: { width, height, channels: 1 } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png()
    .toBuffer();
  return { png: new Uint8Array(png), rect };
}

/** A mask of another size than its image, with both sizes (a batch says what to do with them). */
export class MaskSizeError extends AppError {
  constructor(
    readonly mask: { width: number; height: number },
    readonly image: { width: number; height: number },
  ) {
    super({
      kind: 'invalid-request',
      message: `The mask is ${mask.width}×${mask.height} but the image is ${image.width}×${image.height}; they must be the same size.`,
      rule: 'mask size',
    });
  }
}

/** Why a mask cannot be used on an image: its size (`rule: 'mask size'`). */
export function sizeMismatch(mw: number, mh: number, width: number, height: number): AppError {
  return new MaskSizeError({ width: mw, height: mh }, { width, height });
}

/** sRGB byte → linear light, and the linear luminance of sRGB 127.5 (the "> 127" threshold). */
const LINEAR = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const LINEAR_MID = ((127.5 / 255 + 0.055) / 1.055) ** 2.4;

/**
 * 255 where the mask is white (luminance > 127 after flattening any alpha onto black), else 0.
 * Grey pixels (one channel, or R = G = B) compare their value; coloured ones their Rec. 709
 * luminance in linear light, as libvips' greyscale conversion does.
 */
export function thresholdMask(px: Uint8Array, channels: number): Uint8Array {
  const n = px.length / channels;
  const out = new Uint8Array(n);
  if (channels === 1) {
    for (let i = 0; i < n; i++) if (px[i] > 127) out[i] = 255;
    return out;
  }
  const alpha = channels === 2 || channels === 4;
  const colour = channels >= 3;
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const a = alpha ? px[p + channels - 1] : 255;
    if (a === 0) continue;
    // Flattened onto black as libvips does it (each channel × alpha, in sRGB bytes).
    const k = a / 255;
    const r = Math.round(px[p] * k);
    let lit: boolean;
    if (!colour) lit = r > 127;
    else {
      const g = Math.round(px[p + 1] * k);
      const b = Math.round(px[p + 2] * k);
      lit = r === g && r === b ? r > 127 : 0.2126 * LINEAR[r] + 0.7152 * LINEAR[g] + 0.0722 * LINEAR[b] >= LINEAR_MID;
    }
    if (lit) out[i] = 255;
  }
  return out;
}
