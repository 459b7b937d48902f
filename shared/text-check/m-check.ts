/**
 * Is a glyph read as "m" really an m, or an "r" and an "n" drawn so close that they touch ("rn")?
 * Apart, rn is two pieces of ink (or one with an empty column inside): wrong. Touching — serifs
 * meeting, tight or condensed fonts at small sizes — rn is one blob with three stems like an m, and
 * the OCR reads "m": DejaVu Sans Condensed at 20 px ("100rnl" read "100ml") measures the same stems,
 * width and top outline as its m. Debian's serif and condensed fonts join rn up to 24 px type
 * (x-height ≤ 13.5 px). So below 14 px of x-height a one-piece "m" is "right" only with positive
 * evidence that an r and an n would not have touched: three evenly spaced stems AND either letters
 * of its word set at least 2 px apart, or an r on the line that keeps 1.5 px clear of an n, m or
 * r after it (the same font's rn would leave that gap too). Otherwise it is "unsure" — a wrong
 * candidate must never be marked right, and this costs recall on small text (measured in the text
 * bench).
 */
import type { Box, GlyphRef, GlyphVerdict } from './glyph-check';

/** x-height (source pixels) below which a one-piece "m" needs positive evidence. */
export const SMALL_M_PX = 14;
/**
 * Smallest gap (source pixels) between the letters of the m's word at which rn would not touch.
 * 1.5 px was tried (dev: right m's measured 1.5 px, rn read as "m" 0.5 px or less): it marked the
 * old held-back DejaVu Sans Condensed 20 px "100rnl" right, so it stays at 2.
 */
export const LOOSE_GAP_PX = 2;
/**
 * Smallest gap (source pixels) between an r and a following n, m or r of the line at which this
 * font's rn would not touch. Those letters start with the same stem, serif and kerning as an n
 * (Debian's fonts: same left sidebearing, same kerning after r), so the r's arm comes exactly as
 * close to them as to an n (u and p can sit looser: DejaVu Sans kerns rn but not ru). Measured at
 * 20 px on the dev sets: fonts whose rn touches (Liberation Serif, Nimbus Sans Narrow Oblique)
 * leave 0.5 px at most, the others 1–2.5 px; the same pair binarises up to ~0.5 px apart with the
 * colour scheme, which is why it is 1.5, not 1. An r before a round letter is no evidence:
 * Liberation Serif sets "re" 1 px apart and "rn" 0.
 */
export const R_PAIR_GAP_PX = 1.5;
/** Letters whose left side and kerning after an r are an n's: a stem with the n's top-left serif. */
export const N_LIKE = /^[nmr]$/;

/** Lowercase letters of x-height alone: no ascender, descender or dot. */
const X_LETTERS = /^[acemnorsuvwxz]$/;
/** An m's shape at most this much taller than the line's other x-height letters (an o overshoots a little). */
const M_OVER_X = 1.2;

/**
 * Whether the shape paired with an "m" can be the m at all: over the m's box (a shape found by
 * order, `x` set, that lies wholly beside the box is another glyph's ink) and, where the line has
 * other x-height letters, not more than M_OVER_X taller than their median height (a lowercase m asked;
 * a capital M is as tall as the line's capitals). URW Gothic Demi
 * Oblique and P052 Italic at 20 px, light on dark, drew "Norrn 2": the OCR read "Norm 2" and boxed
 * its r over the whole "rrn", the word's ink split into N, o, that blob and the 2 beside it, and the
 * 2 (15.5 source px tall) was paired with the m — tall enough for the size gate to pass it as an m:
 * marked right (2026-12-07, a probe of 79 fonts; no bench text).
 */
export function pairedWithM(
  g: { x?: number; w: number; h: number },
  box: Box,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, { h: number }> | undefined,
  capital: boolean,
): boolean {
  if (g.x !== undefined && (g.x >= box.x1 || g.x + g.w <= box.x0)) return false;
  if (capital) return true;
  const xs = line
    .filter((o) => o.box !== box && X_LETTERS.test(o.text))
    .flatMap((o) => {
      const h = shapes?.get(o.box)?.h;
      return h === undefined ? [] : [h];
    })
    .sort((a, b) => a - b);
  return !xs.length || g.h <= M_OVER_X * xs[Math.floor(xs.length / 2)];
}

/** Runs of ink columns [x0, x1] in the lower part of the glyph (65–85 % of its height): its stems. */
export function stemsOf(ink: Uint8Array, w: number, h: number): [number, number][] {
  const y0 = Math.floor(h * 0.65);
  const y1 = Math.max(y0, Math.ceil(h * 0.85) - 1);
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= w; x++) {
    let on = false;
    if (x < w) for (let y = y0; y <= y1 && !on; y++) on = ink[y * w + x] === 1;
    if (on && start < 0) start = x;
    if (!on && start >= 0) {
      runs.push([start, x - 1]);
      start = -1;
    }
  }
  return runs;
}

/** An empty column strictly inside the glyph: two glyphs ("rn") read as one ("m"). */
export function hasInnerGap(ink: Uint8Array, w: number, h: number): boolean {
  for (let x = Math.floor(w * 0.2); x < Math.ceil(w * 0.8); x++) {
    let n = 0;
    for (let y = 0; y < h; y++) n += ink[y * w + x];
    if (n === 0) return true;
  }
  return false;
}

export interface MGlyph {
  ink: Uint8Array;
  w: number;
  h: number;
  /** Tall pieces of ink the glyph is made of. */
  parts: number;
}

/** Smallest gap between neighbouring glyphs (left edge x, width w) in image pixels; null with < 2. */
export function smallestGap(glyphs: readonly { x?: number; w: number }[]): number | null {
  const placed = glyphs.filter((s) => s.x !== undefined).sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
  let min: number | null = null;
  for (let i = 1; i < placed.length; i++) {
    const gap = (placed[i].x ?? 0) - ((placed[i - 1].x ?? 0) + placed[i - 1].w);
    if (min === null || gap < min) min = gap;
  }
  return min;
}

/**
 * Smallest ink gap (image pixels) between an r and the n, m or r right after it in the same
 * OCR word (`N_LIKE`), over a line's glyphs placed by order (left edge x, width w, height h); only
 * letters as tall as the m (±15 %) count. Null when the line has no such pair.
 */
export function rPairGap(line: readonly { text: string; word: number; x: number; w: number; h: number }[], mHeight: number): number | null {
  const placed = [...line].sort((a, b) => a.x - b.x);
  const sized = (s: { h: number }) => Math.abs(s.h - mHeight) <= 0.15 * mHeight;
  let min: number | null = null;
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1], placed[i]];
    if (a.word !== b.word || a.text !== 'r' || !N_LIKE.test(b.text) || !sized(a) || !sized(b)) continue;
    const gap = b.x - (a.x + a.w);
    if (min === null || gap < min) min = gap;
  }
  return min;
}

/**
 * Checks a glyph read as "m". `byOrder`: the glyph was matched to the OCR's symbol by order
 * (word-segments.ts); otherwise it came from the OCR's approximate box and may be only the n of an
 * rn. `scale`: image pixels per source pixel (2 when small text was scaled up before reading).
 * `word`: the shapes of the m's word matched by order (with their left edges). `rGap`: the line's
 * rPairGap (image pixels), null or absent without one.
 */
export function checkM(
  g: MGlyph,
  o: { byOrder: boolean; scale: number; word: readonly { x?: number; w: number }[]; rGap?: number | null },
): GlyphVerdict {
  if (g.parts > 1 || hasInnerGap(g.ink, g.w, g.h)) return { result: 'veto', looksLike: 'rn' };
  if (g.h / o.scale >= SMALL_M_PX) return { result: 'ok' };
  const unsure: GlyphVerdict = { result: 'unsure', between: 'rn/m' };
  if (!o.byOrder) return unsure;
  const stems = stemsOf(g.ink, g.w, g.h);
  if (stems.length !== 3) return unsure;
  const gap1 = stems[1][0] - stems[0][1] - 1;
  const gap2 = stems[2][0] - stems[1][1] - 1;
  // Even: within a fifth, or a pixel of the image read (a small monospaced m: 3 and 4 px).
  const even = (gap1 >= 0.8 * gap2 && gap1 <= 1.25 * gap2) || Math.abs(gap1 - gap2) <= 1;
  const gap = smallestGap(o.word);
  const loose = gap !== null && gap / o.scale >= LOOSE_GAP_PX;
  // This font's r keeps clear of an n, m or r elsewhere on the line: its rn would not touch.
  const rClear = o.rGap != null && o.rGap / o.scale >= R_PAIR_GAP_PX;
  return even && (loose || rClear) ? { result: 'ok' } : unsure;
}
