/** Ink in a glyph's centre: a dotted or slashed zero's mark (glyph-check.ts). */
import { type Box, type GlyphRef, type GreyImage, shapeOf } from './glyph-check';

/** Share of ink in the middle fifth (each way) of the glyph at `box`. */
export function centreOf(img: GreyImage, box: Box, line: readonly GlyphRef[]): number {
  const g = shapeOf(img, box, line);
  return centreInk(g.ink, g.w, g.h);
}

export function centreInk(ink: Uint8Array, w: number, h: number): number {
  const x0 = Math.floor(w * 0.4);
  const x1 = Math.max(x0 + 1, Math.ceil(w * 0.6));
  const y0 = Math.floor(h * 0.4);
  const y1 = Math.max(y0 + 1, Math.ceil(h * 0.6));
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) n += ink[y * w + x];
  return n / ((x1 - x0) * (y1 - y0));
}
