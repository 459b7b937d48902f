/** Decodes the mask the renderer sent (PNG of a rect, value in the red channel) and cuts it to a region. */
import sharp, { type OutputInfo } from 'sharp';
import { inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { decodeGreyPng } from '../../../shared/pixels/grey-png';
import type { Rect } from './region-pixels';

export async function decodeMaskRect(png: Uint8Array, rect: Rect): Promise<Uint8Array> {
  // The renderer's own PNGs (8-bit grey) are read here directly: one inflate, no libvips round trip.
  if (png.length >= 24 && png[12] === 0x49 && png[13] === 0x48 && png[14] === 0x44 && png[15] === 0x52) {
    const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const [w, h] = [v.getUint32(16), v.getUint32(20)];
    if (w !== rect.width || h !== rect.height) throw sizeMismatch(w, h, rect);
    let grey: ReturnType<typeof decodeGreyPng>;
    try {
      grey = decodeGreyPng(png, (b, max) => new Uint8Array(inflateSync(b, { maxOutputLength: max })));
    } catch (e) {
      throw new AppError({ kind: 'invalid-request', message: 'The mask could not be read (damaged PNG).', rule: 'mask' }, { cause: e });
    }
    if (grey) return grey.values;
  }
  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
  } catch (e) {
    throw new AppError({ kind: 'invalid-request', message: 'The mask could not be read (not a PNG).', rule: 'mask' }, { cause: e });
  }
  if (info.width !== rect.width || info.height !== rect.height) throw sizeMismatch(info.width, info.height, rect);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function sizeMismatch(width: number, height: number, rect: Rect): AppError {
  return new AppError({
    kind: 'invalid-request',
    message: `The mask is ${width}×${height} but its rect is ${rect.width}×${rect.height}.`,
    rule: 'mask',
  });
}

/**
 * Tight bounding box (document px) of values ≥ 128, or null. The first and last marked rows are found
 * four bytes at a time (a byte is ≥ 128 exactly when its top bit is set); between them each row is
 * scanned only outside the columns already known to be inside, so a small mask on a 24 MP photo
 * costs a few milliseconds.
 */
export function maskBBox(values: Uint8Array, rect: Rect): Rect | null {
  const { width, height } = rect;
  const n = width * height;
  const first = firstMarked(values, n);
  if (first < 0) return null;
  const last = lastMarked(values, n);
  const y0 = Math.floor(first / width);
  const y1 = Math.floor(last / width);
  let x0 = first - y0 * width;
  let x1 = last - y1 * width;
  if (x0 > x1) [x0, x1] = [x1, x0];
  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    for (let x = 0; x < x0; x++) {
      if (values[row + x] >= 128) {
        x0 = x;
        break;
      }
    }
    for (let x = width - 1; x > x1; x--) {
      if (values[row + x] >= 128) {
        x1 = x;
        break;
      }
    }
  }
  return { x: rect.x + x0, y: rect.y + y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

const TOP_BITS = 0x80808080;

/** Index of the first value ≥ 128 in values[0 … n), or −1. */
function firstMarked(values: Uint8Array, n: number): number {
  let i = 0;
  while (i < n && (values.byteOffset + i) % 4) if (values[i++] >= 128) return i - 1;
  const words = new Uint32Array(values.buffer, values.byteOffset + i, (n - i) >> 2);
  for (let w = 0; w < words.length; w++) {
    if (words[w] & TOP_BITS) {
      for (let k = i + w * 4; ; k++) if (values[k] >= 128) return k;
    }
  }
  for (let k = i + words.length * 4; k < n; k++) if (values[k] >= 128) return k;
  return -1;
}

/** Index of the last value ≥ 128 in values[0 … n), or −1. */
function lastMarked(values: Uint8Array, n: number): number {
  // Words cover [s0, e): s0 the first 4-aligned index, e the last 4-aligned end at or below n.
  const s0 = Math.min(n, (4 - (values.byteOffset % 4)) % 4);
  const e = Math.max(s0, n - ((values.byteOffset + n) % 4));
  for (let k = n - 1; k >= e; k--) if (values[k] >= 128) return k;
  const words = new Uint32Array(values.buffer, values.byteOffset + s0, (e - s0) >> 2);
  for (let w = words.length - 1; w >= 0; w--) {
    if (words[w] & TOP_BITS) {
      for (let k = s0 + w * 4 + 3; ; k--) if (values[k] >= 128) return k;
    }
  }
  for (let k = s0 - 1; k >= 0; k--) if (values[k] >= 128) return k;
  return -1;
}

/** The mask values inside `region` (zeros where the mask rect does not reach). */
export function cutMask(values: Uint8Array, rect: Rect, region: Rect): Uint8Array {
  const out = new Uint8Array(region.width * region.height);
  const x0 = Math.max(rect.x, region.x);
  const x1 = Math.min(rect.x + rect.width, region.x + region.width);
  const y0 = Math.max(rect.y, region.y);
  const y1 = Math.min(rect.y + rect.height, region.y + region.height);
  for (let y = y0; y < y1; y++) {
    const s = (y - rect.y) * rect.width + (x0 - rect.x);
    out.set(values.subarray(s, s + (x1 - x0)), (y - region.y) * region.width + (x0 - region.x));
  }
  return out;
}
