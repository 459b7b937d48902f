/**
 * A requested lowercase o told from a 0 or an O by its height: an o is x-height, a 0 or an O is as
 * tall as the capitals and digits. "Clearly shorter than the word's tallest glyph" (under 0.8 of
 * it) holds for most fonts, but geometric fonts with a tall x-height reach past it — URW Gothic Demi
 * Oblique's o is 0.805 of its capitals and ascenders at 56 px — and there the width rules decided
 * alone, which a round o cannot pass in a line they take for monospaced ("Dock 17": D, o, c, k
 * spaced evenly): "O/0 unclear" on a right line. An o as tall as another x-height letter of its word
 * (c, e, m, n, …: the same height to a source pixel) and under 0.9 of the tallest is the x-height
 * ring; a 0 or an O drawn for it reaches the capitals' height (≥ 0.87 of the tallest even where
 * ascenders rise well above the capitals, as in old-style serif fonts).
 */
import type { Box } from './glyph-check';
import type { Shape } from './word-segments';

/** Under this share of the word's tallest glyph an o needs no other evidence. */
export const CLEARLY_SHORT = 0.8;
/** Under this share, an o as tall as another x-height letter of its word is one. */
export const X_HEIGHT_SHORT = 0.9;
/** x-height letters other than o (no ascender, descender or dot). */
const X_LETTERS = /^[acemnrsuvwxz]$/;

/**
 * True when the glyph `g` (a requested lowercase o) is an x-height letter: under CLEARLY_SHORT of
 * `tallest`, or under X_HEIGHT_SHORT of it and within a source pixel (`scale` read pixels) or 5 % of
 * the height of another x-height letter of its word whose shape was found by order.
 */
export function xHeightO(
  g: Pick<Shape, 'h'>,
  tallest: number,
  word: readonly { text: string; box: Box }[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
): boolean {
  if (g.h < CLEARLY_SHORT * tallest) return true;
  if (g.h >= X_HEIGHT_SHORT * tallest) return false;
  return word.some((o) => {
    const s = X_LETTERS.test(o.text) ? shapes?.get(o.box) : undefined;
    return s?.x !== undefined && !s.cut && s.parts > 0 && Math.abs(s.h - g.h) <= Math.max(scale, 0.05 * g.h);
  });
}
