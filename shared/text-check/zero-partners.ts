/**
 * O or 0, told by the same font's other round glyphs on the line. A zero is narrower than the
 * font's capital O and about as wide as its lowercase o; the capital O is much wider than both.
 * Glyph proportions alone cannot settle it for every font (italic zeros sheared upright measure
 * between the bands for 0 and O; Bookman's zero is nearly round), but a partner of known identity
 * on the same line can: the OCR read the whole line as the requested text, so a glyph read as the
 * letter O (or as a zero) elsewhere on the line was requested as one, and its width is this font's
 * width for it.
 *
 * Widths measured on the dev fonts and two probe fonts (URW Bookman Demi, URW Gothic Demi; 20–96
 * px, two colour schemes), ink width of the glyph over the partner's:
 * - 0 over capital O: 0.61–0.86 (monospaced fonts 0.94–1.00); O over O ≈ 1 ± 0.05;
 * - O over 0: 1.15–1.65 (monospaced 1.00–1.06); 0 over 0 ≈ 1;
 * - 0 over lowercase o: 0.83–1.14; O over o 1.22–1.50 in proportional fonts but 1.00–1.11 in
 *   monospaced ones, so a lowercase partner counts only with proof of a proportional font: the
 *   centre-to-centre pitch of neighbouring letters varies by ≥ 12 % of the line's height (0.14 and
 *   more in the proportional dev fonts, 0.06 at most in DejaVu Sans Mono, whose every glyph sits in
 *   one cell).
 *
 * The partner only ever confirms: it turns an unsure or a shape veto into "right" when the widths
 * say so, and says nothing otherwise. Partners must agree with each other (a line whose zeros and
 * O's were swapped somewhere gives partners of two widths, hence no evidence), and a lowercase o
 * must look like one (about as wide as tall: at 20 px a touching "oo" can be cut in the wrong place).
 */
import type { Box, GlyphRef } from './glyph-check';
import type { Shape } from './word-segments';

/** 0 over the line's capital O at most this: a zero. */
export const ZERO_UNDER_CAPITAL = 0.88;
/** O over the line's zeros at least this: a letter O. */
export const CAPITAL_OVER_ZERO = 1.12;
/** 0 over the line's lowercase o at most this (with proof of a proportional font): a zero. */
export const ZERO_OVER_LOWER = 1.1;
/** Range of the letter pitches (fraction of the line's height) that proves a proportional font. */
export const PROPORTIONAL_PITCH_RANGE = 0.12;

interface Placed {
  text: string;
  box: Box;
  word?: number;
  s: Shape & { x: number };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const agree = (v: number[]) => Math.max(...v) <= Math.min(...v) * 1.1;

/**
 * True when partners on the line prove the glyph (`g`, the symbol `glyphBox`) is what was asked:
 * `zero` true for a requested 0, false for a requested capital O. Only glyphs matched by order
 * (with a left edge in `shapes`) count.
 */
export function provedByPartners(
  g: Shape,
  glyphBox: Box,
  zero: boolean,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
): boolean {
  // Widths are the evidence: a glyph cut from ink it shared with a neighbour has the cut's width.
  if (!shapes || g.x === undefined || g.cut) return false;
  const placed: Placed[] = [];
  for (const o of line) {
    const s = shapes.get(o.box);
    if (s?.x !== undefined && s.parts > 0 && !s.cut) placed.push({ text: o.text, box: o.box, word: o.word, s: s as Shape & { x: number } });
  }
  const others = placed.filter((p) => p.box !== glyphBox);
  const sameHeight = (p: Placed) => p.s.h >= 0.9 * g.h && p.s.h <= 1.12 * g.h;
  if (!zero) {
    const zeros = others.filter((p) => p.text === '0' && sameHeight(p)).map((p) => p.s.w);
    return zeros.length > 0 && agree(zeros) && g.w >= CAPITAL_OVER_ZERO * median(zeros);
  }
  const letters = others.filter((p) => p.text === 'O' || p.text === 'o');
  const capitals = letters.filter(sameHeight).map((p) => p.s.w);
  if (capitals.length && agree(capitals) && g.w <= ZERO_UNDER_CAPITAL * median(capitals)) return true;
  const lower = letters.filter((p) => p.s.h <= 0.85 * g.h && p.s.w >= 0.75 * p.s.h && p.s.w <= 1.2 * p.s.h).map((p) => p.s.w);
  return lower.length > 0 && agree(lower) && g.w <= ZERO_OVER_LOWER * median(lower) && proportional(placed, g.h);
}

/** Neighbouring letters (not digits or punctuation) of one word whose centre pitches vary widely. */
function proportional(placed: Placed[], height: number): boolean {
  const sorted = [...placed].sort((a, b) => a.s.x - b.s.x);
  const pitches: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.word === undefined || a.word !== b.word || !/^\p{L}$/u.test(a.text) || !/^\p{L}$/u.test(b.text)) continue;
    pitches.push(b.s.x + b.s.w / 2 - (a.s.x + a.s.w / 2));
  }
  return pitches.length >= 2 && Math.max(...pitches) - Math.min(...pitches) >= PROPORTIONAL_PITCH_RANGE * height;
}
