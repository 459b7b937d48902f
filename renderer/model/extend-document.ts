/**
 * Canvas extension as pure functions: the document after an extension (canvas size, the original
 * and every patch layer moved by the same offset) and the mask for it (the new area plus a narrow
 * overlap band into the old canvas on the extended sides only, keeping any existing mask shifted).
 * The command in canvas-commands.ts routes them into ONE history step.
 */
import { applyCoverage, createFullMask, frameMask, isMaskEmpty, maskToArray, type TiledMask } from '../../shared/mask';
import type { DocState } from './document-types';
import type { Point, Size } from '../../shared/geometry/rect';

export const DEFAULT_BAND_PX = 32;
export const MAX_BAND_PX = 256;

/** Why `newCanvas` with the original at `originalAt` is not a pure growth of `doc`'s canvas, or null. */
export function extensionProblem(doc: DocState, newCanvas: Size, originalAt: Point): string | null {
  const whole = [newCanvas.width, newCanvas.height, originalAt.x, originalAt.y].every(Number.isInteger);
  if (!whole) return 'The extension must be whole pixels.';
  const dx = originalAt.x - doc.original.x;
  const dy = originalAt.y - doc.original.y;
  if (dx < 0 || dy < 0) return 'The canvas can only grow: the original cannot move left or up.';
  if (newCanvas.width < doc.canvas.width + dx || newCanvas.height < doc.canvas.height + dy) {
    return 'The canvas can only grow: the new canvas must contain the current one.';
  }
  if (newCanvas.width === doc.canvas.width && newCanvas.height === doc.canvas.height) return 'The canvas is unchanged.';
  return null;
}

/**
 * The document with the new canvas, the original at `originalAt`, every layer shifted by the same
 * offset, and `maskId`. The versions move with them (their region and the layers they restore): a
 * version kept before the extension restores its layers over the same part of the photo, and its
 * thumbnail shows that part (they kept the old canvas's coordinates, so Restore put the layers as far
 * off the photo as the canvas grew on the left or top).
 */
export function extendDocument(doc: DocState, newCanvas: Size, originalAt: Point, maskId: string): DocState {
  const dx = originalAt.x - doc.original.x;
  const dy = originalAt.y - doc.original.y;
  const move = <T extends { x: number; y: number }>(r: T): T => ({ ...r, x: r.x + dx, y: r.y + dy });
  return {
    ...doc,
    canvas: { width: newCanvas.width, height: newCanvas.height },
    original: { ...doc.original, x: originalAt.x, y: originalAt.y },
    layers: doc.layers.map(move),
    versions: doc.versions.map((v) => ({
      ...v,
      region: move(v.region),
      ...(v.layersAfter ? { layersAfter: v.layersAfter.map(move) } : {}),
    })),
    maskId,
  };
}

/**
 * The mask of an extended canvas: 255 over the new area and over a band of `bandPx` into the old
 * canvas along every side that grew; the old mask's values shifted by `offset` everywhere else
 * (combined with the band by "add", so nothing already masked is lost).
 * @param old the current mask (old canvas size)
 * @param offset where the old canvas's top-left lands in the new one
 */
export function extensionMask(old: TiledMask, newCanvas: Size, offset: Point, bandPx: number): TiledMask {
  const band = Math.max(0, Math.round(bandPx));
  const oldW = old.width;
  const oldH = old.height;
  const grewLeft = offset.x > 0;
  const grewTop = offset.y > 0;
  const grewRight = newCanvas.width > offset.x + oldW;
  const grewBottom = newCanvas.height > offset.y + oldH;
  // The part of the old canvas that stays unmasked (before the old mask is added back).
  const x0 = offset.x + (grewLeft ? band : 0);
  const y0 = offset.y + (grewTop ? band : 0);
  const x1 = offset.x + oldW - (grewRight ? band : 0);
  const y1 = offset.y + oldH - (grewBottom ? band : 0);
  let mask =
    x1 > x0 && y1 > y0
      ? frameMask(newCanvas.width, newCanvas.height, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 })
      : createFullMask(newCanvas.width, newCanvas.height);
  if (!isMaskEmpty(old) && oldW > 0 && oldH > 0) {
    mask = applyCoverage(mask, { rect: { x: offset.x, y: offset.y, width: oldW, height: oldH }, data: maskToArray(old) }, 'add', 1);
  }
  return mask;
}

/** The band value the inputs accept. */
export function clampBand(px: number): number {
  return Math.min(MAX_BAND_PX, Math.max(0, Math.round(Number.isFinite(px) ? px : DEFAULT_BAND_PX)));
}
