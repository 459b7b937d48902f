/**
 * What an outpaint candidate's patch needs that does not depend on the tiles' answers: its alpha (the
 * same for every candidate: 20 MB for an 8:1 canvas of 1600 px), its hole, the opaque rect and the
 * pieces of it the renderer is sent. Worked out while the model works, and each candidate's buffer for
 * those pixels is allocated and faulted in then too (prefault.ts): after the last tile, a fresh 65 MB
 * buffer cost ≈ 170 ms of page faults before the renderer could be sent anything.
 */
import type { Rect, Size } from '../../../shared/geometry/rect';
import { outpaintAlpha, outpaintHole } from '../../../shared/pixels/outpaint-masks';
import { nonZeroBounds } from '../../../shared/pixels/alpha-bounds';
import { cropRgba, packPieces, piecesAround, piecesBytes } from '../../../shared/ipc/patch-pixels';

export interface PatchShape {
  /** The patch's alpha per canvas pixel (read only: shared by the candidates). */
  alpha: Uint8Array;
  /** Where `alpha` is 0 as a whole (the original's middle), or null. */
  hole: Rect | null;
  /** Where `alpha` is non-zero, or null when nowhere. */
  opaque: Rect | null;
  /** The rect the renderer is sent (`opaque`, or a 1×1 placeholder). */
  rect: Rect;
  /** The parts of `rect` around the hole, or null when the rect is sent whole. */
  pieces: Rect[] | null;
  /** The bytes of the renderer's copy, or 0 when the patch itself is sent (the rect is the whole canvas). */
  copyBytes: number;
}

export function patchShape(canvas: Size, original: Rect, featherPx: number): PatchShape {
  const alpha = outpaintAlpha(canvas, original, featherPx);
  const hole = outpaintHole(canvas, original, featherPx);
  const opaque = nonZeroBounds(alpha, canvas.width, canvas.height);
  const rect = opaque ?? { x: 0, y: 0, width: 1, height: 1 };
  const around = piecesAround(rect, hole);
  const pieces = around.length === 1 && around[0] === rect ? null : around;
  const whole = !pieces && rect.x === 0 && rect.y === 0 && rect.width === canvas.width && rect.height === canvas.height;
  return { alpha, hole, opaque, rect, pieces, copyBytes: whole ? 0 : pieces ? piecesBytes(pieces) : rect.width * rect.height * 4 };
}

/** The renderer's pixels of a built patch (`width` wide), copied into `into` when given (`copyBytes` long). */
export function patchPixels(
  patch: Uint8Array,
  width: number,
  shape: PatchShape,
  into?: Uint8Array,
): { rect: Rect; rgba: Uint8Array; pieces?: Rect[] } {
  const { rect, pieces } = shape;
  return pieces ? { rect, rgba: packPieces(patch, width, pieces, into), pieces } : { rect, rgba: cropRgba(patch, width, rect, into) };
}
