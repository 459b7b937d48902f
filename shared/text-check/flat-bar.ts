/**
 * Is a "flag" really a 1's flag, or a monospaced l's flat bar? Bold monospaced fonts (DejaVu Sans
 * Mono Bold, Nimbus Mono PS Bold, Noto Sans Mono Bold, Liberation Mono Bold) draw their l with a
 * bar at the top left as deep as a 1's flag (0.14–0.21 of the height; DejaVu Sans' 1: 0.16–0.21),
 * so the flag rule read those l's as 1s. The bar's shape differs: it is a rectangle — its
 * top edge runs level out to its left end, and every row of it is joined to the stem — while a 1's
 * flag slopes down to the left: the top-left corner of the flag's box is empty (its "chamfer"), or
 * the tip hangs below a notch between it and the stem (DejaVu Sans' thick, nearly level flag).
 *
 * Measured through the check's own pipeline (OCR boxes, word segmentation, the plain glyph shape;
 * 20–96 px, three colour schemes; 54 Debian fonts and styles): over the flag's box (the columns from
 * its left end to the stem, the rows down to its deepest ink), the mean depth of the top edge is
 * 0.00–0.11 of the box's height for those four fonts' l's, and for every 1 whose rows are all joined
 * to the stem at least 0.14 (DejaVu Sans Oblique; DejaVu Sans, Bold, Mono ≥ 0.20; serif and
 * Courier-like 1s ≥ 0.17) — except URW Gothic's, whose short flag is level too but which has no
 * foot, while every monospaced l has a foot or tail reaching right of its stem (≥ 0.19 of the
 * height; URW Gothic's 1: ≤ 0.03). DejaVu Sans Mono's l ends in a tail to the right and nothing to
 * the left of the stem; no 1 measured has that (a 1's foot reaches both ways, or neither).
 */
import { flagReach } from './flag-reach';
import { shearGlyph, stemLean } from './stem-lean';

/** Mean top-edge depth over the flag's box under this: a level bar (l's ≤ 0.11, 1s ≥ 0.14). */
export const BAR_CHAMFER = 0.135;
/** The foot reaches right of the stem by at least this fraction of the height: a serif foot or tail. */
export const BAR_FOOT = 0.12;
/** A tail: the foot reaches right (≥ BAR_FOOT) and left of the stem by at most this. */
export const TAIL_LEFT = 0.05;

export interface BarShape {
  /** Mean depth of the flag's top edge below the glyph's top, over the flag's box height (0: level). */
  chamfer: number;
  /** Rows of the flag whose ink left of the stem is not joined to the stem (a notch under a tip). */
  notched: number;
  /** How far the foot (bottom 15 %) reaches left and right of the stem at mid-height, over the height. */
  footLeft: number;
  footRight: number;
}

/** The shape of a flagged glyph's top-left ink and foot (ink w × h, 1 = ink); null without a flag. */
export function barShape(ink: Uint8Array, w: number, h: number): BarShape | null {
  // The flag's deepest row, as the flag rule measures it (glyph-check.ts flagDepth).
  const { stemLeft, deepest } = flagReach(ink, w, h);
  if (deepest < 0) return null;
  const rows = deepest + 1;
  let left = stemLeft;
  let notched = 0;
  for (let y = 0; y < rows; y++) {
    let first = -1;
    for (let x = 0; x < stemLeft; x++)
      if (ink[y * w + x]) {
        first = x;
        break;
      }
    if (first < 0) continue;
    left = Math.min(left, first);
    for (let x = first; x < stemLeft; x++)
      if (!ink[y * w + x]) {
        notched++;
        break;
      }
  }
  const reach = stemLeft - left;
  if (reach <= 0) return null;
  let depthSum = 0;
  for (let x = left; x < stemLeft; x++) {
    let top = rows;
    for (let y = 0; y < rows; y++)
      if (ink[y * w + x]) {
        top = y;
        break;
      }
    depthSum += top;
  }
  const mid = Math.floor(h / 2);
  let midLeft = -1;
  let midRight = -1;
  for (let x = 0; x < w; x++)
    if (ink[mid * w + x]) {
      if (midLeft < 0) midLeft = x;
      midRight = x;
    }
  let footLeft = w;
  let footRight = -1;
  for (let y = Math.floor(h * 0.85); y < h; y++)
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        footLeft = Math.min(footLeft, x);
        footRight = Math.max(footRight, x);
      }
  if (midLeft < 0 || footRight < 0) return null;
  return {
    chamfer: depthSum / (reach * rows),
    notched,
    footLeft: (midLeft - footLeft) / h,
    footRight: (footRight - midRight) / h,
  };
}

/**
 * Edges this blurred (edge-blur.ts: the ground-to-ink step over the glyph's height) melt a bar's
 * square corner and a flag's slope into the same blob: at Gaussian σ 1.2 px on 20 px text Nimbus
 * Mono PS Bold's and Noto Sans Mono Bold's l's measure chamfer 0.14–0.22, their 1s 0.22–0.34.
 * Sharp renderings of the mono probe's fonts measure 0.00–0.07 (20–56 px), σ 0.8 px on 20 px text
 * 0.05–0.09, σ 1.2 px 0.08–0.13 at 20 px and 0.05–0.08 at 32 px.
 */
export const BLUR_MAX = 0.08;

/**
 * True when a flagged glyph with a foot reaching right of its stem and no notch under its flag
 * (a monospaced l's outline, whatever its corner) is too blurred for the corner to tell.
 */
export function couldBeBlurredBar(ink: Uint8Array, w: number, h: number, blur: number): boolean {
  if (blur < BLUR_MAX) return false;
  const s = barShape(ink, w, h);
  return s !== null && s.footRight >= BAR_FOOT && s.notched === 0;
}

/** A glyph whose stem leans right by at least this (tan) is also measured sheared upright. */
export const LEAN_MIN = 0.07;

function barOrTail(ink: Uint8Array, w: number, h: number): boolean {
  const s = barShape(ink, w, h);
  if (!s || s.footRight < BAR_FOOT) return false;
  const level = s.notched === 0 && s.chamfer < BAR_CHAMFER;
  const tail = s.footLeft <= TAIL_LEFT;
  return level || tail;
}

/**
 * True when a flagged glyph could be a monospaced l (see above): its flag is no proof of a 1.
 * A glyph left leaning (its line was not de-slanted, stem-lean.ts) is measured as drawn and
 * sheared upright by its own stem's lean; a bar in either is no proof.
 */
export function couldBeFlatBar(ink: Uint8Array, w: number, h: number): boolean {
  if (barOrTail(ink, w, h)) return true;
  const lean = stemLean(ink, w, h);
  if (lean < LEAN_MIN) return false;
  const up = shearGlyph(ink, w, h, lean);
  return barOrTail(up.ink, up.w, up.h);
}
