/**
 * Is a "flag" really a 1's flag, or an l's wedge serif? URW Bookman draws its l with a wedge at the
 * top-left that reaches as far down (0.17–0.21 of the height) as its 1's flag, so the flag rule
 * alone read every Bookman l as a 1. What the wedge does not do is reach far to the left. Measured
 * through the check's own pipeline (20–96 px, three colour schemes, the glyph binarised
 * polarity-balanced so that light ink is no bolder than dark), Bookman Demi's l reaches 0.07–0.14
 * of its height left of the stem (its 1: 0.17–0.21), on a heavy stem (0.18–0.24 of the height),
 * over a serif foot 1.7–2.4 stems wide (overhanging the stem by 0.17–0.28 of the height), and is
 * narrow (ink width 0.40–0.49 of the height; its 1 0.59–0.66).
 *
 * A flag that is short, on a heavy serifed stem, narrow overall, is therefore no proof of a 1. The
 * bounds below hold every flagged l measured (Bookman Demi and Demi Italic, P052 Bold at 20 px) and
 * no 1 of the dev, dev-added or probe fonts: their 1s reach further (DejaVu, Liberation Sans, P052
 * Italic: ≥ 0.24 with a foot in range), sit on thinner stems (Nimbus Roman, Liberation Serif:
 * ≤ 0.15 of the height), have no foot serif (URW Gothic) or a wider one (Liberation Serif, 2.6
 * stems). Fonts in no set whose 1 falls inside (C059 Bold at 20 px, Nimbus Roman Bold at 20–56 px)
 * lose the ✓ to "unsure"; none gains a wrong one. Monospaced l's (a bar as long as the 1's flag)
 * are not covered by this rule.
 */

/** Flag reach left of the stem under this fraction of the height: a wedge's reach. */
export const WEDGE_REACH = 0.17;
/** Stem width at least this fraction of the height (Bookman's l ≥ 0.18, thin serif 1s ≤ 0.15). */
export const WEDGE_STEM = 0.165;
/**
 * The foot's overhang past the stem (foot width − stem, over the height) at least this: a serif foot
 * (Bookman's l 0.17–0.28; footless 1s such as URW Gothic's ≤ 0.04). Measured as overhang rather
 * than in stems because blur widens the stem more than the foot: blurred at σ 1.2 px, Bookman Demi
 * Italic's 20 px l measures a foot of 1.33 stems but still 0.10 of the height of overhang.
 */
export const WEDGE_OVERHANG = 0.08;
/** Foot width in stems under this (Bookman's l ≤ 2.4): wider is a 1's foot (Liberation Serif 2.6). */
export const WEDGE_FOOT = 2.5;
/** Ink width over height under this: narrow like an l. */
export const WEDGE_ASPECT = 0.56;

export interface StemShape {
  /** Stem width: the median ink run of the middle rows, in pixels. */
  stem: number;
  /** How far the ink of the top half reaches left of the stem, in pixels. */
  reach: number;
  /** Width of the ink in the bottom 15 % (the foot), in pixels. */
  foot: number;
}

/** Stem, flag reach and foot of a glyph's ink (w × h, one byte per pixel, 1 = ink). */
export function stemShape(ink: Uint8Array, w: number, h: number): StemShape {
  const cols = new Array<number>(w).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) cols[x] += ink[y * w + x];
  const most = Math.max(...cols);
  const stemLeft = cols.findIndex((n) => n >= most * 0.6);
  const runs: number[] = [];
  for (let y = Math.floor(h * 0.35); y < Math.ceil(h * 0.65); y++) {
    let n = 0;
    for (let x = 0; x < w; x++) n += ink[y * w + x];
    runs.push(n);
  }
  runs.sort((a, b) => a - b);
  const stem = runs[Math.floor(runs.length / 2)] ?? 0;
  let left = stemLeft;
  for (let y = 0; y < h / 2; y++)
    for (let x = 0; x < left; x++)
      if (ink[y * w + x]) {
        left = x;
        break;
      }
  let f0 = w;
  let f1 = -1;
  for (let y = Math.floor(h * 0.85); y < h; y++)
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        if (x < f0) f0 = x;
        if (x > f1) f1 = x;
      }
  return { stem, reach: stemLeft - left, foot: f1 >= f0 ? f1 - f0 + 1 : 0 };
}

/** True when a flagged glyph could be an l's wedge serif (see above): its flag is no proof of a 1. */
export function couldBeWedgeSerif(ink: Uint8Array, w: number, h: number): boolean {
  const s = stemShape(ink, w, h);
  if (!(s.stem > 0) || !(h > 0)) return false;
  const foot = s.foot / s.stem;
  return (
    s.reach / h < WEDGE_REACH &&
    s.stem / h >= WEDGE_STEM &&
    (s.foot - s.stem) / h >= WEDGE_OVERHANG &&
    foot < WEDGE_FOOT &&
    w / h < WEDGE_ASPECT
  );
}
