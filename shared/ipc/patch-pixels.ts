/**
 * A candidate's patch as raw pixels (issue 16): the RGBA of its non-transparent part, sent from main
 * to the renderer instead of the patch PNG, so neither side PNG-encodes or decodes on the way to the
 * screen (main writes the PNG asset behind). Electron's IPC, the dev host and the e2e harness carry
 * the bytes as binary. The renderer validates what it receives before building an ImageData from it.
 */
import * as v from 'valibot';
import type { Rect } from '../geometry/rect';
import { ValidationError, parse } from './schema';

export interface PatchPixels {
  /** Where the pixels sit, relative to the candidate's region (the patch's alpha bounds). */
  rect: Rect;
  /** Row-major RGBA (sRGB, straight alpha) of `rect`: exactly width × height × 4 bytes. */
  rgba: Uint8Array;
}

const side = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(1, 'must be ≥ 1'), v.maxValue(100_000, 'must be ≤ 100000'));
const offset = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must be ≥ 0'), v.maxValue(100_000, 'must be ≤ 100000'));

const patchPixelsSchema = v.strictObject({
  rect: v.strictObject({ x: offset, y: offset, width: side, height: side }),
  rgba: v.instance(Uint8Array, 'expected bytes (Uint8Array)'),
});

/**
 * `value` as PatchPixels of a patch of size `region`, or a ValidationError: the rect must lie inside
 * the region and the bytes must be exactly its width × height × 4 (no more is ever accepted).
 */
export function checkPatchPixels(value: unknown, region: { width: number; height: number }): PatchPixels {
  const p = parse(patchPixelsSchema, value);
  const { rect, rgba } = p;
  if (rect.x + rect.width > region.width || rect.y + rect.height > region.height)
    throw new ValidationError('pixels.rect', `must lie inside the ${region.width}×${region.height} patch`);
  const want = rect.width * rect.height * 4;
  if (rgba.byteLength !== want) throw new ValidationError('pixels.rgba', `must be exactly ${want} bytes (${rect.width}×${rect.height}×4)`);
  return p;
}

/** The `rect` part of a `width`-wide RGBA buffer, as a new tightly packed buffer. */
export function cropRgba(rgba: Uint8Array, width: number, rect: Rect): Uint8Array {
  if (rect.x === 0 && rect.width === width && rect.y === 0 && rgba.byteLength === width * rect.height * 4) return rgba;
  const out = new Uint8Array(rect.width * rect.height * 4);
  const rowBytes = rect.width * 4;
  for (let y = 0; y < rect.height; y++) {
    const from = ((rect.y + y) * width + rect.x) * 4;
    out.set(rgba.subarray(from, from + rowBytes), y * rowBytes);
  }
  return out;
}
