/**
 * The export composite as raw pixels at the document's depth (8 or 16 bits per channel), computed in
 * TypeScript: libvips' composite converts a 16-bit base to 8-bit sRGB first, so it cannot be used for
 * 16-bit documents. The original is decoded upright at its own depth; patches (8-bit RGBA PNGs) are
 * blended "over" it in floating point only inside their rectangles, so every pixel under patch
 * alpha 0 is the original's value, bit for bit, at 16 bits too.
 */
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { AppError } from '../../../shared/errors';
import { MAX_IMAGE_PIXELS } from '../services/image-limits';

export type Depth = 8 | 16;

export interface RawImage {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA); 1 only for a PSD layer mask plane. */
  channels: 1 | 3 | 4;
  depth: Depth;
  /** Interleaved samples, row-major: Uint8Array for 8 bits, Uint16Array for 16 bits. */
  data: Uint8Array | Uint16Array;
}

export interface RawPatch {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Straight (not premultiplied) 8-bit RGBA. */
  rgba: Uint8Array;
}

/** The original's bit depth as Maskwork keeps it: 16 when libvips decodes it as 16-bit samples. */
export function depthOf(meta: Metadata): Depth {
  return meta.depth === 'ushort' || meta.depth === 'short' ? 16 : 8;
}

/**
 * Decodes the original upright as RGB(A) at `depth`, its samples as they are (no colour conversion:
 * the ICC profile is kept and attached to the export). A CMYK original is converted to sRGB with its
 * own profile (`cmyk`).
 */
export async function decodeUpright(bytes: Uint8Array, depth: Depth, cmyk = false): Promise<RawImage> {
  let p = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();
  if (!cmyk) p = p.keepIccProfile();
  p = depth === 16 ? p.toColourspace('rgb16') : p.toColourspace('srgb');
  const { data, info } = await p.raw({ depth: depth === 16 ? 'ushort' : 'uchar' }).toBuffer({ resolveWithObject: true });
  const channels = info.channels === 4 ? 4 : 3;
  if (info.channels !== channels)
    throw new AppError({ kind: 'internal', message: `Unexpected ${info.channels} channels in the original.` });
  const samples =
    depth === 16
      ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { width: info.width, height: info.height, channels, depth, data: samples };
}

/**
 * Decodes a patch PNG as straight 8-bit RGBA, its samples as they are: a patch is stored in the
 * original's colour space and carries its profile (edit/colour-space.ts), so converting it to sRGB
 * here would put sRGB values over the original's own (a Display P3 photo's patch would shift).
 */
export async function decodePatch(bytes: Uint8Array, x: number, y: number): Promise<RawPatch> {
  const { data, info } = await sharp(bytes)
    .keepIccProfile()
    .ensureAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { x, y, width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** A layer mask PNG as one grey byte per pixel; it must be the layer's size. */
export async function decodeLayerMask(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const { data, info } = await sharp(bytes).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) {
    throw new AppError({ kind: 'invalid-request', message: `A layer mask is ${info.width}×${info.height}, its layer ${width}×${height}.` });
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The patch with alpha × mask × opacity (the document's order: layer pixels × layer mask × opacity). */
export function withMaskAndOpacity(p: RawPatch, mask: Uint8Array | undefined, opacity: number): RawPatch {
  if (!mask && opacity >= 1) return p;
  const rgba = p.rgba.slice();
  for (let i = 0, a = 3; i < p.width * p.height; i++, a += 4) {
    rgba[a] = Math.round((rgba[a] * (mask ? mask[i] : 255) * opacity) / 255);
  }
  return { ...p, rgba };
}

/** `img` placed at (left, top) on a transparent canvas (adds alpha); the same image when nothing is added. */
export function extendCanvas(img: RawImage, width: number, height: number, left: number, top: number): RawImage {
  if (width === img.width && height === img.height && left === 0 && top === 0) return img;
  const out = img.depth === 16 ? new Uint16Array(width * height * 4) : new Uint8Array(width * height * 4);
  const opaque = img.depth === 16 ? 65535 : 255;
  const c = img.channels;
  for (let y = 0; y < img.height; y++) {
    let s = y * img.width * c;
    let d = ((y + top) * width + left) * 4;
    for (let x = 0; x < img.width; x++, s += c, d += 4) {
      out[d] = img.data[s];
      out[d + 1] = img.data[s + 1];
      out[d + 2] = img.data[s + 2];
      out[d + 3] = c === 4 ? img.data[s + 3] : opaque;
    }
  }
  return { width, height, channels: 4, depth: img.depth, data: out };
}

/** Whether every alpha sample of interleaved RGBA `data` (8 or 16 bits) is opaque. */
export function alphaAllOpaque(data: Uint8Array | Uint16Array): boolean {
  const opaque = data instanceof Uint16Array ? 65535 : 255;
  for (let a = 3; a < data.length; a += 4) if (data[a] !== opaque) return false;
  return true;
}

/** RGBA rows without their alpha (RGB). */
export function withoutAlpha<T extends Uint8Array | Uint16Array>(data: T): T {
  const n = data.length >> 2;
  const out = (data instanceof Uint16Array ? new Uint16Array(n * 3) : new Uint8Array(n * 3)) as T;
  for (let i = 0, s = 0, d = 0; i < n; i++, s += 4, d += 3) {
    out[d] = data[s];
    out[d + 1] = data[s + 1];
    out[d + 2] = data[s + 2];
  }
  return out;
}

/**
 * An extended canvas is RGBA so that its new area can be transparent; once kept layers cover all
 * of it, it is as opaque as the original, and a file with an alpha channel that is 255 everywhere
 * opens in Photoshop as a transparent layer rather than a Background. Such an image loses its alpha.
 */
export function opaqueAsRgb(img: RawImage): RawImage {
  if (img.channels !== 4 || !alphaAllOpaque(img.data)) return img;
  return { ...img, channels: 3, data: withoutAlpha(img.data) };
}

/** The same pixels with an opaque alpha channel added (RGBA stays as it is). */
export function withAlpha(img: RawImage): RawImage {
  if (img.channels === 4) return img;
  const n = img.width * img.height;
  const out = img.depth === 16 ? new Uint16Array(n * 4) : new Uint8Array(n * 4);
  const opaque = img.depth === 16 ? 65535 : 255;
  for (let i = 0, s = 0, d = 0; i < n; i++, s += 3, d += 4) {
    out[d] = img.data[s];
    out[d + 1] = img.data[s + 1];
    out[d + 2] = img.data[s + 2];
    out[d + 3] = opaque;
  }
  return { ...img, channels: 4, data: out };
}

/**
 * Blends `patch` over `img` in place (Porter-Duff "over", straight alpha, float). Pixels where the
 * patch's alpha is 0 are not written at all. An opaque base stays opaque.
 */
export function compositeOver(img: RawImage, patch: RawPatch): void {
  const scale = img.depth === 16 ? 257 : 1;
  const max = img.depth === 16 ? 65535 : 255;
  const c = img.channels;
  const x0 = Math.max(0, patch.x);
  const y0 = Math.max(0, patch.y);
  const x1 = Math.min(img.width, patch.x + patch.width);
  const y1 = Math.min(img.height, patch.y + patch.height);
  const d = img.data;
  const p = patch.rgba;
  for (let y = y0; y < y1; y++) {
    let pi = ((y - patch.y) * patch.width + (x0 - patch.x)) * 4;
    let di = (y * img.width + x0) * c;
    for (let x = x0; x < x1; x++, pi += 4, di += c) {
      const a8 = p[pi + 3];
      if (a8 === 0) continue;
      const a = a8 / 255;
      if (c === 3 || d[di + 3] === max) {
        if (a8 === 255) {
          d[di] = p[pi] * scale;
          d[di + 1] = p[pi + 1] * scale;
          d[di + 2] = p[pi + 2] * scale;
        } else {
          const k = 1 - a;
          d[di] = Math.round(p[pi] * scale * a + d[di] * k);
          d[di + 1] = Math.round(p[pi + 1] * scale * a + d[di + 1] * k);
          d[di + 2] = Math.round(p[pi + 2] * scale * a + d[di + 2] * k);
        }
        continue;
      }
      const b = d[di + 3] / max;
      const outA = a + b * (1 - a);
      const kb = (b * (1 - a)) / outA;
      const ka = a / outA;
      d[di] = Math.round(p[pi] * scale * ka + d[di] * kb);
      d[di + 1] = Math.round(p[pi + 1] * scale * ka + d[di + 1] * kb);
      d[di + 2] = Math.round(p[pi + 2] * scale * ka + d[di + 2] * kb);
      d[di + 3] = Math.round(outA * max);
    }
  }
}

/** A copy of `img` with every patch blended over it, in order. */
export function flatten(img: RawImage, patches: readonly RawPatch[]): RawImage {
  const copy: RawImage = { ...img, data: img.data.slice() };
  for (const p of patches) compositeOver(copy, p);
  return copy;
}

/** Raw pixels → a sharp pipeline that keeps the depth (sharp takes the sample type from the typed array). */
export function sharpOfRaw(img: RawImage): Sharp {
  const p = sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels }, limitInputPixels: MAX_IMAGE_PIXELS });
  return img.depth === 16 ? p.toColourspace('rgb16') : p;
}
