/** Decodes the mask the renderer sent (PNG of a rect, value in the red channel) and cuts it to a region. */
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Rect } from './region-pixels';

export async function decodeMaskRect(png: Uint8Array, rect: Rect): Promise<Uint8Array> {
  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
  } catch (e) {
    throw new AppError({ kind: 'invalid-request', message: 'The mask could not be read (not a PNG).', rule: 'mask' }, { cause: e });
  }
  if (info.width !== rect.width || info.height !== rect.height) {
    throw new AppError({
      kind: 'invalid-request',
      message: `The mask is ${info.width}×${info.height} but its rect is ${rect.width}×${rect.height}.`,
      rule: 'mask',
    });
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Tight bounding box (document px) of values ≥ 128, or null. */
export function maskBBox(values: Uint8Array, rect: Rect): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < rect.height; y++) {
    const row = y * rect.width;
    for (let x = 0; x < rect.width; x++) {
      if (values[row + x] >= 128) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  return { x: rect.x + x0, y: rect.y + y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
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
