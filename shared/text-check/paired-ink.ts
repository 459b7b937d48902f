/**
 * Whether the ink paired with a glyph read as 1, l, I, 0, O or o can be that glyph at all. The word's
 * glyphs are paired with the OCR's symbols by order (word-segments.ts): when the OCR boxes one symbol
 * over several letters ("Norrn 2" read "Norm 2", its r boxed over the whole "rrn") the count can still
 * come out even, and a letter is then measured on its neighbour's ink — the 2 beside the word was
 * checked as the m (m-check.ts, `pairedWithM`). The 1/l and O/0 rules measure a flag, a foot, a width
 * or a dot on that ink and would confirm the neighbour's shape just as readily, so before they run:
 *
 * - ink found by order must overlap the boxes of the symbol or of its neighbours in the word. The
 *   LSTM's boxes can sit a whole letter off while the order is right (CMU Serif 20 px "Hall": the
 *   first l boxed over the a, its ink under the second l's box; DejaVu Sans Bold "ORGANIC": the I
 *   boxed over the N), so only ink beyond the neighbours' boxes — the 2 of the next word paired
 *   with the m of "Norm" — is taken for another glyph's;
 * - a 1, l, I, 0 or O spans the full height of its word's tallest letters: paired ink under
 *   FULL_HEIGHT of the word's tallest glyph (wordTallest) is a fragment or a smaller letter. (A
 *   lowercase o is x-height; it is held only to the box.)
 *
 * Either failing makes the glyph "unsure" — never right, never wrong: the ink says nothing of it.
 */
import type { Box } from './glyph-check';
import type { Shape } from './word-segments';

/** Share of the word's tallest symbol box a full-height glyph's ink reaches (as the O/0 rule's fragment gate). */
export const FULL_HEIGHT = 0.6;

/**
 * Ink found by order (`x` set) that lies wholly left or right of the boxes of the symbol and of the
 * symbols beside it in its word (by their boxes' centres).
 */
export function besideBox(g: { x?: number; w: number }, box: Box, word: readonly { box: Box }[] = []): boolean {
  if (g.x === undefined) return false;
  const order = [...word.map((o) => o.box).filter((b) => b !== box), box].sort((a, b) => a.x0 + a.x1 - (b.x0 + b.x1));
  const k = order.indexOf(box);
  const reach = [order[k - 1], box, order[k + 1]].filter((b): b is Box => b !== undefined);
  const x0 = Math.min(...reach.map((b) => b.x0));
  const x1 = Math.max(...reach.map((b) => b.x1));
  return g.x >= x1 || g.x + g.w <= x0;
}

/**
 * The height of the word's tallest glyph: its ink, where the word's glyphs were found by order (the
 * glyph's own shape has a left edge), else the OCR's symbol boxes. The LSTM's boxes are rough: Nimbus
 * Sans 32 px "Only", red on white, got an n box twice the line's height, so the O's full-height ink
 * measured under 0.6 of the "tallest" and was taken for a fragment ("O/0 unclear" on a right line).
 */
export function wordTallest(
  g: { x?: number; h: number },
  word: readonly { box: Box }[],
  shapes: ReadonlyMap<Box, Pick<Shape, 'h' | 'x'>> | undefined,
): number {
  const inks = word.map((o) => shapes?.get(o.box)).filter((s) => s?.x !== undefined);
  if (g.x !== undefined && inks.length === word.length) return Math.max(g.h, ...inks.map((s) => s!.h));
  return Math.max(g.h, ...word.map((o) => o.box.y1 - o.box.y0));
}

/**
 * Whether the ink `g` can be the glyph of `box` in `word`: not beside its and its neighbours' boxes
 * (besideBox), and when `fullHeight` at least FULL_HEIGHT of `tallest` (wordTallest).
 */
export function inkFitsGlyph(
  g: { x?: number; w: number; h: number },
  box: Box,
  word: readonly { box: Box }[],
  tallest: number,
  fullHeight: boolean,
): boolean {
  return !besideBox(g, box, word) && (!fullHeight || g.h >= FULL_HEIGHT * tallest);
}
