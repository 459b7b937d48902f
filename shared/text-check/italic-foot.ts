/**
 * An italic serif 1, told from an italic l by its foot. Nimbus Roman Italic (Times Italic) draws its
 * 1 with a short sloping flag: sheared upright it reaches only 0.06–0.09 of the height down (an l's
 * serif depth), so the flag rule took every one of its 1s for an l, at every size. Its l has a top
 * serif as deep, but no foot on the left: an italic l ends in a tail curling right. The 1 stands on
 * a foot serif on both sides.
 *
 * Measured through the check's pipeline (new held back, 2026-12-07, `--old`, 32–96 px): Nimbus Roman
 * Italic's 1s reach 0.11–0.16 of the height left of the stem at the top, over feet 0.09–0.16 on
 * both sides, nothing right of the stem at the top; its l's reach 0.04–0.12 over a left foot of
 * 0.00–0.02. Upright serif fonts draw their l exactly so (top-left serif, feet both sides): the rule
 * holds only on a line that was sheared upright as italic, and never in a monospaced font (an
 * oblique Courier's l is its upright l, slanted). A capital I has serifs right of the stem at its
 * top: not taken.
 */
import type { StemFeatures } from './bare-foot-flag';

/** Least slant (tan) of a line taken for italic here: real italics shear 0.18–0.27, upright lines 0. */
export const ITALIC_SLANT = 0.15;
/** Least reach of the flag left of the stem at the top (the italic l's serif reaches less, mostly). */
export const ITALIC_FLAG_REACH = 0.09;
/** Least reach of the foot on each side of the stem (the italic l's tail: ≤ 0.02 on the left). */
export const ITALIC_FOOT = 0.07;
/** Most ink right of the stem in the top rows (a capital I's serif reaches further). */
export const ITALIC_TOP_RIGHT = 0.04;

/** How far ink reaches right of the stem in the top 15 % of the rows, a fraction of the height. */
export function topRightReach(ink: Uint8Array, w: number, h: number, stemRight: number): number {
  let hi = -1;
  for (let y = 0; y < Math.ceil(h * 0.15); y++) for (let x = w - 1; x > hi; x--) if (ink[y * w + x]) hi = x;
  return Math.max(0, hi - stemRight) / h;
}

/**
 * True when a stem glyph on a line sheared upright (`slant`) in a proportional font has a flag
 * reaching left at its top, feet on both sides and no serif right at its top: an italic serif 1.
 */
export function italicFootedOne(f: StemFeatures, topRight: number, slant: number, mono: boolean): boolean {
  return (
    !mono &&
    slant >= ITALIC_SLANT &&
    f.leftReach >= ITALIC_FLAG_REACH &&
    f.footLeft >= ITALIC_FOOT &&
    f.footRight >= ITALIC_FOOT &&
    topRight <= ITALIC_TOP_RIGHT
  );
}
