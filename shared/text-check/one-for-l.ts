/**
 * A 1 drawn where an l was asked, which the flag rules took for the l (the `lword` probe set,
 * 2026-12-07: "He1lo", "Woo1" marked right). Two shapes slipped past them:
 *
 * - **A narrow 1** (Dosis Book). The flag is measured only on glyphs at least a quarter as wide as
 *   tall, so a condensed 1 (ink 0.19–0.22 as wide as tall) counted as flagless and passed as an l,
 *   with a flag reaching 0.26 of its height down (an l's serif reaches ≤ 0.10). Asked for an l, a
 *   narrow glyph whose ink left of the stem reaches that deep is no l.
 * - **A leaning serif 1** (Nimbus Roman Italic at 20 px, whose line the de-slant left leaning). Its
 *   flag leans with its stem and measures as no flag at all. Sheared upright by its own stem's lean
 *   (stem-lean.ts), it stands on a foot on both sides (0.07–0.11 of the height), where an italic l
 *   ends in a tail curling right (left foot ≤ 0.04) — italic-foot.ts's rule, for lines left leaning.
 *
 * Both only keep a glyph from passing as an l ("1/l unclear"); neither confirms a 1.
 */
import { stemFeatures } from './bare-foot-flag';
import { ITALIC_FOOT, ITALIC_SLANT } from './italic-foot';
import { shearGlyph, stemLean } from './stem-lean';

/** Glyphs narrower than this (width over height) are not measured for a flag by the flag rule. */
export const NARROW = 0.25;
/** A flag this deep (a fraction of the height) is a 1's (Debian's 1s: 0.17–0.28; l serifs ≤ 0.10). */
const FLAG_DEPTH = 0.14;

interface Glyph {
  ink: Uint8Array;
  w: number;
  h: number;
}

/** A narrow glyph with ink left of its stem reaching a 1's flag depth down from its top. */
export function narrowFlag(g: Glyph): boolean {
  return g.w / g.h < NARROW && stemFeatures(g.ink, g.w, g.h).depth > FLAG_DEPTH;
}

/**
 * A stem leaning at least as much as an italic (its line not sheared upright: `slant` under
 * ITALIC_SLANT) that, stood upright by its own lean, has a foot on both sides. Not in monospaced
 * fonts (an oblique Courier's l is its upright l, feet both sides).
 */
export function leaningFootedStem(g: Glyph, slant: number, mono: boolean): boolean {
  if (mono || slant >= ITALIC_SLANT) return false;
  const lean = stemLean(g.ink, g.w, g.h);
  if (lean < ITALIC_SLANT) return false;
  const up = shearGlyph(g.ink, g.w, g.h, lean);
  const f = stemFeatures(up.ink, up.w, up.h);
  return f.footLeft >= ITALIC_FOOT && f.footRight >= ITALIC_FOOT;
}

/** Whether a glyph asked for as an l, which the flag rules took for an l, shows a 1's mark. */
export function oneForL(g: Glyph & { cut?: boolean }, slant: number, mono: boolean): boolean {
  return narrowFlag(g) || (!g.cut && leaningFootedStem(g, slant, mono));
}
