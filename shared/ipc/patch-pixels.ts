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
  /**
   * Row-major RGBA (sRGB, straight alpha) of `rect`: exactly width × height × 4 bytes; with `pieces`,
   * each piece's rows in turn (their areas × 4 bytes).
   */
  rgba: Uint8Array;
  /**
   * The only parts of `rect` that are not transparent, as rects in the same frame (each inside
   * `rect`): an outpaint's patch is the frame around the original, and its transparent middle —
   * most of the rect — is not sent.
   */
  pieces?: Rect[];
}

const side = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(1, 'must be ≥ 1'), v.maxValue(100_000, 'must be ≤ 100000'));
const offset = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must be ≥ 0'), v.maxValue(100_000, 'must be ≤ 100000'));

const rectSchema = v.strictObject({ x: offset, y: offset, width: side, height: side });
const patchPixelsSchema = v.strictObject({
  rect: rectSchema,
  rgba: v.instance(Uint8Array, 'expected bytes (Uint8Array)'),
  pieces: v.optional(v.pipe(v.array(rectSchema), v.minLength(1, 'must not be empty'), v.maxLength(16, 'at most 16 pieces'))),
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
  if (p.pieces) {
    let want = 0;
    for (const q of p.pieces) {
      if (q.x < rect.x || q.y < rect.y || q.x + q.width > rect.x + rect.width || q.y + q.height > rect.y + rect.height)
        throw new ValidationError('pixels.pieces', 'must lie inside pixels.rect');
      want += q.width * q.height * 4;
    }
    if (rgba.byteLength !== want) throw new ValidationError('pixels.rgba', `must be exactly ${want} bytes (the pieces' areas × 4)`);
    return p;
  }
  const want = rect.width * rect.height * 4;
  if (rgba.byteLength !== want) throw new ValidationError('pixels.rgba', `must be exactly ${want} bytes (${rect.width}×${rect.height}×4)`);
  return p;
}

/** The `rect` part of a `width`-wide RGBA buffer, as a new tightly packed buffer. */
export function cropRgba(rgba: Uint8Array, width: number, rect: Rect, into?: Uint8Array): Uint8Array {
  if (!into && rect.x === 0 && rect.width === width && rect.y === 0 && rgba.byteLength === width * rect.height * 4) return rgba;
  const out = into ?? new Uint8Array(rect.width * rect.height * 4);
  if (out.length !== rect.width * rect.height * 4) throw new RangeError('cropRgba: the output does not match the rect');
  const rowBytes = rect.width * 4;
  for (let y = 0; y < rect.height; y++) {
    const from = ((rect.y + y) * width + rect.x) * 4;
    out.set(rgba.subarray(from, from + rowBytes), y * rowBytes);
  }
  return out;
}

/**
 * `rect` without `hole` (both in one frame): up to four rects — the rows above and below the hole at
 * the rect's full width, then the parts left and right of it beside the hole. `[rect]` when the hole
 * does not cut into it; none when it covers it.
 */
export function piecesAround(rect: Rect, hole: Rect | null): Rect[] {
  const x0 = Math.max(rect.x, hole?.x ?? 0);
  const y0 = Math.max(rect.y, hole?.y ?? 0);
  const x1 = Math.min(rect.x + rect.width, hole ? hole.x + hole.width : 0);
  const y1 = Math.min(rect.y + rect.height, hole ? hole.y + hole.height : 0);
  if (!hole || x1 <= x0 || y1 <= y0) return [rect];
  const rx1 = rect.x + rect.width;
  const ry1 = rect.y + rect.height;
  const out: Rect[] = [
    { x: rect.x, y: rect.y, width: rect.width, height: y0 - rect.y },
    { x: rect.x, y: y1, width: rect.width, height: ry1 - y1 },
    { x: rect.x, y: y0, width: x0 - rect.x, height: y1 - y0 },
    { x: x1, y: y0, width: rx1 - x1, height: y1 - y0 },
  ];
  return out.filter((q) => q.width > 0 && q.height > 0);
}

/** The bytes of `pieces` packed ({@link packPieces}). */
export function piecesBytes(pieces: readonly Rect[]): number {
  let total = 0;
  for (const q of pieces) total += q.width * q.height * 4;
  return total;
}

/** The `pieces` of a `width`-wide RGBA buffer packed one after the other, each row-major (see PatchPixels). */
export function packPieces(rgba: Uint8Array, width: number, pieces: readonly Rect[], into?: Uint8Array): Uint8Array {
  const total = piecesBytes(pieces);
  const out = into ?? new Uint8Array(total);
  if (out.length !== total) throw new RangeError('packPieces: the output does not match the pieces');
  let at = 0;
  for (const q of pieces) {
    const rowBytes = q.width * 4;
    for (let y = 0; y < q.height; y++, at += rowBytes) {
      const from = ((q.y + y) * width + q.x) * 4;
      out.set(rgba.subarray(from, from + rowBytes), at);
    }
  }
  return out;
}
