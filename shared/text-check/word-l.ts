/**
 * An l inside a word of letters, confirmed by the old text's own l (2026-12-07). Where the old text
 * shows this font's l but no 1 ("Only 7,98 €" → "Only 7,99 €"), byReference leaves the l to the flag
 * rules, which cannot tell URW Bookman's or P052's l (a wedge serif) from a 1: "1/l unclear". The
 * old l's very ink settles it when the rules did not veto, the glyph sits inside a word whose other
 * glyphs are all letters (no digit beside it, where a 1 belongs), and the line is known to be in the
 * old lettering ('same', not 'unknown'). A 1 drawn there ("On1y") has a flag or a digit's foot the
 * old l lacks, which the ink measure sees in the fonts whose rules are unsure.
 */
import type { Box, GlyphRef } from './glyph-check';
import { type GlyphReference, sameGlyph, sameLettering } from './reference-glyphs';
import type { Shape } from './word-segments';

/** Whether every other glyph of the word is a letter (and there is at least one). */
export function inLetterWord(box: Box, word: readonly GlyphRef[]): boolean {
  const rest = word.filter((o) => o.box !== box);
  return rest.length > 0 && rest.every((o) => /^\p{L}$/u.test(o.text));
}

/** Whether the glyph is the old text's l again, on a line in the old lettering. */
export function oldLAgain(
  g: Shape,
  box: Box,
  word: readonly GlyphRef[],
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference | undefined,
): boolean {
  if (!ref || g.cut || g.parts !== 1 || !inLetterWord(box, word)) return false;
  const ls = ref.glyphs.filter((r) => r.text === 'l' && r.scale === scale);
  if (!ls.length || sameLettering(line, shapes, scale, ref) !== 'same') return false;
  const mine = { ink: g.ink, iw: g.w, ih: g.h, scale };
  return ls.some((r) => sameGlyph(mine, r));
}
