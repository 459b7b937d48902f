/**
 * Does a stem read as "1" take up a digit's cell? Fonts whose 1 has no flag (URW Gothic, Bookman
 * at small sizes) draw it like an l or a capital I, so its ink cannot tell them apart. Its spacing
 * can: nearly every proportional font sets digits on one advance (tabular figures), so a 1 sits as
 * far from a neighbouring digit as two other digits of the line sit from each other, while an l or
 * an I has a narrow advance of its own and sits ~25 % closer. In a monospaced font every glyph has
 * the digit's advance, so the rule needs proof that the font is proportional: a pair of neighbours
 * on the line (a letter or punctuation with anything) spaced clearly unlike two digits.
 */
import type { Box } from './glyph-check';
import type { Shape } from './word-segments';

/** How far (fraction of the digit pitch) the 1's pitch to a neighbouring digit may differ. */
export const CELL_TOLERANCE = 0.1;
/** A pair of neighbours this far off the digit pitch proves a proportional font. */
export const PROPORTIONAL_OFF = 0.2;

interface Cell {
  text: string;
  box: Box;
  centre: number;
  x0: number;
  x1: number;
  h: number;
}

const isDigit = (t: string) => /^\d$/.test(t);
const isRefDigit = (t: string) => /^[02-9]$/.test(t);

/**
 * `line`: the glyphs of the line; `shapes`: their shapes matched by order (with left edges). The
 * glyph `glyphBox` is accepted as a 1 when every neighbouring digit sits one digit pitch away
 * (within CELL_TOLERANCE), the pitch being the median over neighbouring digits of the line other
 * than 1s, and some other pair of neighbours proves the font proportional. False when the line
 * does not give that evidence.
 */
export function fillsDigitCell(
  glyphBox: Box,
  line: readonly { text: string; box: Box }[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
): boolean {
  if (shapes?.get(glyphBox)?.x === undefined) return false;
  const cells: Cell[] = [];
  // Words that could not be matched by order have no shapes and are left out (whole words: the
  // gap rule below never pairs glyphs across them).
  for (const o of line) {
    const s = shapes.get(o.box);
    if (s?.x === undefined) continue;
    cells.push({ text: o.text, box: o.box, centre: s.x + s.w / 2, x0: s.x, x1: s.x + s.w, h: s.h });
  }
  cells.sort((a, b) => a.centre - b.centre);
  // Neighbours set as letters of one word: the ink gap between them is less than their height.
  const pairs: [Cell, Cell][] = [];
  for (let i = 1; i < cells.length; i++) {
    const [a, b] = [cells[i - 1], cells[i]];
    if (b.x0 - a.x1 < 0.6 * Math.max(a.h, b.h)) pairs.push([a, b]);
  }
  const pitch = (p: [Cell, Cell]) => p[1].centre - p[0].centre;
  const refs = pairs
    .filter(([a, b]) => a.box !== glyphBox && b.box !== glyphBox && isRefDigit(a.text) && isRefDigit(b.text))
    .map(pitch)
    .sort((x, y) => x - y);
  if (!refs.length) return false;
  const digitPitch = refs[Math.floor(refs.length / 2)];
  if (!(digitPitch > 0)) return false;
  const mine = pairs.filter(([a, b]) => (a.box === glyphBox && isDigit(b.text)) || (b.box === glyphBox && isDigit(a.text)));
  if (!mine.length) return false;
  if (!mine.every((p) => Math.abs(pitch(p) - digitPitch) <= CELL_TOLERANCE * digitPitch)) return false;
  // Proof of a proportional font: neighbours other than digits spaced clearly unlike digits.
  return pairs.some(
    ([a, b]) =>
      a.box !== glyphBox &&
      b.box !== glyphBox &&
      !(isDigit(a.text) && isDigit(b.text)) &&
      Math.abs(pitch([a, b]) - digitPitch) > PROPORTIONAL_OFF * digitPitch,
  );
}
