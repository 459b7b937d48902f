/**
 * One font draws one 1: two glyphs of a line read as "1" should be equally wide. When they are
 * not, one of them is another character the OCR took for a 1 — P052 Bold at 20 px draws its l with
 * a short flag, and "Size l1" read as "Size 11" shows a "1" 12 px wide beside one 18 px wide (in
 * the image read, twice the source size). Which of the two is the impostor the widths do not say,
 * so both are left unsure.
 *
 * Measured through the check's pipeline (54 Debian fonts and styles, 20–96 px, three colour
 * schemes, "Sl1 21" and "Hall 1"): two real 1s of one line differ in ink width by at most 1 px of
 * the image read (≤ 11 %); an l and a 1 of one line by 17–79 % in most proportional fonts (C059,
 * DejaVu, Liberation, Nimbus Sans, P052, URW Gothic), by less in monospaced ones (≤ 11 %) and in a
 * few serif fonts at some sizes (Nimbus Roman, Bookman: 0 %) — there the rule finds nothing and
 * the glyph rules decide alone. Only 1s: two l's of one line are bare stems a few pixels wide
 * ("Hello" at 20 px differs by a pixel of rendering), and serifed or italic "ll" is often segmented
 * unevenly (up to 70 %).
 */
import type { Box } from './glyph-check';
import type { Shape } from './word-segments';

/** Widths differing by more than this fraction of the wider one… */
export const WIDTH_OFF = 0.16;
/** …and by at least this many source pixels (a real 1 and 1 differ by ≤ 1 px of the image read). */
export const WIDTH_OFF_PX = 2;

/**
 * True when another glyph of the line read as "1" has a clearly different ink width than the 1 at
 * `glyphBox`. Glyphs cut from ink they shared with a neighbour, or without a shape matched by
 * order, are no evidence. `scale`: pixels of the image read per source pixel (2 for small text).
 */
export function partnerDiffers(
  glyphBox: Box,
  line: readonly { text: string; box: Box }[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale = 1,
): boolean {
  const mine = shapes?.get(glyphBox);
  if (!mine || mine.x === undefined || mine.cut || mine.parts === 0) return false;
  return line.some((o) => {
    if (o.box === glyphBox || o.text !== '1') return false;
    const s = shapes?.get(o.box);
    if (!s || s.x === undefined || s.cut || s.parts === 0) return false;
    const off = Math.abs(s.w - mine.w);
    return off >= WIDTH_OFF_PX * scale && off > WIDTH_OFF * Math.max(s.w, mine.w);
  });
}
