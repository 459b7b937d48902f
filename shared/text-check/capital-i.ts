/**
 * A capital I told from a 1 by its top: serif and monospaced fonts draw the I's top as a bar or
 * serifs reaching out on both sides of the stem, while a 1's flag reaches out on the left only
 * (and an l's top serif or bar too). The flag rule (glyph-check.ts) sees only the left side, so a
 * monospaced I — a level bar across the top — measured like a bold monospaced l's flat bar and
 * was "1/I unclear" on a right line (Liberation Mono 20–32 px "PRICE 10.00", "EDITION 2026": old
 * held back, 4 of its 27 right candidates not marked right). A bare-stem I (sans fonts) has no bar
 * and is left to the other rules, which pass it.
 */
import { flagReach } from './flag-reach';

/** Each side of the top bar reaches at least this share of the glyph's height beyond the stem. */
export const I_BAR_REACH = 0.06;
/** The shorter side reaches at least this share of the longer one: a bar, not a flag with a stray pixel. */
export const I_BAR_BALANCE = 0.5;

/**
 * True when ink in the top 15 % of the rows reaches beyond both edges of the stem, each by at
 * least I_BAR_REACH of the height, and the two sides are within I_BAR_BALANCE of each other.
 * `ink`: 1 per ink pixel, `w`×`h`, cropped to the glyph.
 */
export function topBarBothSides(ink: Uint8Array, w: number, h: number): boolean {
  const { stemLeft, stemRight } = flagReach(ink, w, h);
  let lo = w;
  let hi = -1;
  for (let y = 0; y < Math.max(1, Math.ceil(h * 0.15)); y++)
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
  const left = stemLeft - lo;
  const right = hi - stemRight;
  return Math.min(left, right) >= I_BAR_REACH * h && Math.min(left, right) >= I_BAR_BALANCE * Math.max(left, right);
}
