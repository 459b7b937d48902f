/**
 * O or 0 told by the font's own glyphs: the old text under the mask. Changing "V1.0" to "V2.0" on a
 * box leaves, in the area read before the edit, this very font's zero at this very size; a model that
 * keeps the lettering draws the new zero the same. Width rules against the line's other digits hold
 * only for the fonts they were measured on (each new set of font families found a font whose O is as
 * narrow as its digits: docs/text-check.md), while the old text's own 0 and O need no such rule.
 *
 * The reference is used only when the candidate is evidently in the same lettering: the glyph is as
 * tall as the old zeros/Os (read at the same scale), and every other character the old and new lines
 * share (V, S, A, %, $ …, not the confusable ones) is the same size to a pixel with much the same ink.
 * Then a glyph with the very ink of an old glyph of the asked kind is confirmed, one with the ink of
 * the other kind is vetoed, and one the size of no old glyph of the asked kind (an O drawn for a
 * zero is wider than the font's zeros) is never right; a glyph the asked kind's size but of other
 * ink (a monospaced O beside the font's dotted zero) is left to the width rules, as is every glyph
 * without a reference (no 0 or O in the old text, other lettering or size).
 */
import type { Box, GlyphRef, GreyImage } from './glyph-check';
import type { Shape } from './word-segments';

/** A glyph of the old text, in source pixels (the area as the photo has it, before any upscale). */
export interface RefGlyph {
  text: string;
  w: number;
  h: number;
  /** The binarised glyph in its tight box, in the pixels of the image it was read from. */
  ink: Uint8Array;
  iw: number;
  ih: number;
  /** Pixels of that image per source pixel (2 for small text read upscaled). */
  scale: number;
}

export interface GlyphReference {
  glyphs: RefGlyph[];
}

/**
 * How unlike two binarised glyphs are: 1 − their intersection over union, at the best of the nine
 * placements within a pixel of centre on centre (the same letter drawn at another sub-pixel position
 * binarises a pixel wider or narrower on a side). 0: the same ink.
 */
export function inkDistance(a: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>, b: Pick<RefGlyph, 'ink' | 'iw' | 'ih'>): number {
  let best = 1;
  const ox = Math.round((b.iw - a.iw) / 2);
  const oy = Math.round((b.ih - a.ih) / 2);
  let na = 0;
  let nb = 0;
  for (const v of a.ink) na += v;
  for (const v of b.ink) nb += v;
  for (let sy = -1; sy <= 1; sy++)
    for (let sx = -1; sx <= 1; sx++) {
      // a's pixel (x, y) lies on b's (x + ox + sx, y + oy + sy).
      let both = 0;
      for (let y = 0; y < a.ih; y++) {
        const by = y + oy + sy;
        if (by < 0 || by >= b.ih) continue;
        for (let x = 0; x < a.iw; x++) {
          const bx = x + ox + sx;
          if (bx >= 0 && bx < b.iw && a.ink[y * a.iw + x] && b.ink[by * b.iw + bx]) both++;
        }
      }
      const union = na + nb - both;
      if (union > 0) best = Math.min(best, 1 - both / union);
    }
  return best;
}

/**
 * The old text's glyphs whose shape was found by order (not cut from a neighbour's ink), from the
 * reading of the area before the edit and the grey image it was read from (`shapes`: the
 * wordShapes of every word, keyed by the symbols' boxes).
 */
export function referenceFrom(
  glyphs: readonly { text: string; box: Box }[],
  shapes: ReadonlyMap<Box, Shape>,
  grey: Pick<GreyImage, 'scale'>,
): GlyphReference {
  const s = grey.scale ?? 1;
  const out: RefGlyph[] = [];
  for (const g of glyphs) {
    const sh = shapes.get(g.box);
    if (!sh || sh.x === undefined || sh.cut || sh.parts === 0 || !g.text.trim()) continue;
    out.push({ text: g.text, w: sh.w / s, h: sh.h / s, ink: sh.ink, iw: sh.w, ih: sh.h, scale: s });
  }
  // A zero and an O of the old text that look alike tell nothing (or one of them was misread).
  const zeros = out.filter((r) => r.text === '0');
  const caps = out.filter((r) => r.text === 'O');
  if (zeros.some((z) => caps.some((c) => sameGlyph(z, c)))) return { glyphs: out.filter((r) => r.text !== '0' && r.text !== 'O') };
  return { glyphs: out };
}

/** Widths and heights this close (source px, or this share of the reference) are the same size. */
const SIZE_PX = 1;
const SIZE_SHARE = 0.06;
/**
 * Ink this close (1 − IoU at the best placement within a pixel) is the same glyph: the bench's zeros
 * drawn again over their own old zeros, 0.4 px apart, measured 0–0.3 (thin strokes at 20 px lose most
 * overlap to a pixel's shift), and monospaced O's over their font's zeros 0.11 and more (seen sets,
 * docs/text-check.md) — so only ink closer than this confirms, and the width decides the rest.
 */
export const SAME_INK = 0.07;
/** Other letters of the line compared with the old ones: the same lettering, give or take a pixel's shift. */
const SAME_LETTERING_INK = 0.35;

const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(SIZE_PX, SIZE_SHARE * b);
type Sized = Omit<RefGlyph, 'text'>;
const sameSize = (a: Sized, b: Sized) => near(a.w, b.w) && near(a.h, b.h) && a.scale === b.scale;

/** The same size to a pixel (or a few per cent), read at the same scale, and ink this close. */
export function sameGlyph(a: Sized, b: Sized, ink = SAME_INK): boolean {
  return sameSize(a, b) && inkDistance(a, b) < ink;
}

/** Characters that say nothing about the lettering (confusable, or too small to measure). */
const NOT_EVIDENCE = new Set(['0', 'O', 'o', '1', 'l', 'I', 'i', '|', '.', ',', ':', ';', "'", '"', '-']);

/**
 * True when the candidate's line is drawn in the old text's lettering: at least one character both
 * lines share (and that is not itself confusable) is there, and every such character of the line
 * matches an old glyph of the same text in size and, loosely, in ink.
 */
export function sameLettering(
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference,
): boolean {
  if (!shapes) return false;
  let shared = 0;
  for (const o of line) {
    if (NOT_EVIDENCE.has(o.text)) continue;
    const olds = ref.glyphs.filter((r) => r.text === o.text);
    if (!olds.length) continue;
    const s = shapes.get(o.box);
    if (!s || s.x === undefined || s.cut || s.parts === 0) continue;
    const mine = { w: s.w / scale, h: s.h / scale, ink: s.ink, iw: s.w, ih: s.h, scale };
    if (!olds.some((r) => sameGlyph(mine, r, SAME_LETTERING_INK))) return false;
    shared++;
  }
  return shared > 0;
}

export type ReferenceVerdict = { result: 'ok' } | { result: 'veto'; looksLike: string } | { result: 'unsure'; between: string };

/**
 * The verdict for a glyph read as a 0 or O (`zero`: a 0 was requested, else a capital O) from the
 * old text's own zeros and Os, or null when they settle nothing and the width rules decide:
 * - the same ink as an old glyph of the asked kind confirms it; as an old glyph of the other kind, vetoes;
 * - not the size of any old glyph of the asked kind (an O drawn for a zero is wider than the font's
 *   zeros, whatever the width rules think of this font): a veto when it is the size of an old glyph
 *   of the other kind, else unsure — the caller lets the width rules still veto, never confirm;
 * - the asked kind's size but not clearly its ink (monospaced O and 0 are equally wide): null;
 * - no 0 or O in the old text, not as tall as them, or the line not in the old lettering: null.
 */
export function byReference(
  g: Shape,
  zero: boolean,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  scale: number,
  ref: GlyphReference | undefined,
): ReferenceVerdict | null {
  if (!ref || g.parts === 0 || g.cut) return null;
  const asked = ref.glyphs.filter((r) => r.text === (zero ? '0' : 'O'));
  const other = ref.glyphs.filter((r) => r.text === (zero ? 'O' : '0'));
  if (!asked.length && !other.length) return null;
  const mine = { w: g.w / scale, h: g.h / scale, ink: g.ink, iw: g.w, ih: g.h, scale };
  // As tall as the old round glyphs, read at the same scale: the same size of lettering.
  if (![...asked, ...other].some((r) => r.scale === scale && near(mine.h, r.h))) return null;
  if (!sameLettering(line, shapes, scale, ref)) return null;
  const veto: ReferenceVerdict = { result: 'veto', looksLike: zero ? 'O' : '0' };
  if (asked.some((r) => sameGlyph(mine, r))) return { result: 'ok' };
  if (other.some((r) => sameGlyph(mine, r))) return veto;
  if (asked.length && !asked.some((r) => sameSize(mine, r)))
    return other.some((r) => sameSize(mine, r)) ? veto : { result: 'unsure', between: 'O/0' };
  return null;
}
