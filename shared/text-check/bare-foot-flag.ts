/**
 * A 1 whose flag is short and level (URW Gothic and other geometric sans fonts), told from an l by
 * its feet: see {@link bareFootFlag}.
 */
import { flagReach } from './flag-reach';

/** Measures of a stem glyph (1, l, I), each a fraction of the glyph's height. */
export interface StemFeatures {
  /** How far ink reaches left of the stem in the top 30 % of the rows (a flag's or a top serif's tip). */
  leftReach: number;
  /** The same in the top 15 % of the rows only (where a level flag sits; a sloping flag's tip is lower). */
  levelReach: number;
  /** How far down (from the top) ink reaches left of the stem in the top half. */
  depth: number;
  /** How far ink reaches left / right of the stem in the bottom 15 % of the rows. */
  footLeft: number;
  footRight: number;
  /** Width over height. */
  aspect: number;
  stemWidth: number;
}

/** `ink`: 1 per ink pixel, `w`×`h`, cropped to the glyph. */
export function stemFeatures(ink: Uint8Array, w: number, h: number): StemFeatures {
  const { stemLeft, stemRight, deepest } = flagReach(ink, w, h);
  const extent = (y0: number, y1: number) => {
    let lo = w;
    let hi = -1;
    for (let y = Math.max(0, y0); y < Math.min(h, y1); y++)
      for (let x = 0; x < w; x++)
        if (ink[y * w + x]) {
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
    return { lo, hi };
  };
  const top = extent(0, Math.ceil(h * 0.3));
  const level = extent(0, Math.ceil(h * 0.15));
  const foot = extent(Math.floor(h * 0.85), h);
  return {
    leftReach: Math.max(0, stemLeft - top.lo) / h,
    levelReach: Math.max(0, stemLeft - level.lo) / h,
    depth: (deepest + 1) / h,
    footLeft: Math.max(0, stemLeft - foot.lo) / h,
    footRight: Math.max(0, foot.hi - stemRight) / h,
    aspect: w / h,
    stemWidth: (stemRight - stemLeft + 1) / h,
  };
}

/**
 * A flag reaching at least 0.10 of the height left of the stem in the top 15 % of the rows (a
 * level flag; a touching r's arm in "rl" meets a sans l lower down) over a foot that reaches at most
 * 0.05 either side. Measured on 46 Debian fonts (20–96 px): the 1s of URW Gothic, Nimbus Sans,
 * Open Sans, Linux Biolinum, Inconsolata and Quicksand reach 0.16–0.26 with bare feet (≤ 0.03);
 * every l or I that reaches ≥ 0.10 at its top stands on a foot or tail of ≥ 0.19 (the serif and
 * monospaced l's), and the bare-footed l's reach ≤ 0.03.
 */
export function bareFootFlag(f: StemFeatures): boolean {
  return f.levelReach >= 0.1 && f.footLeft <= 0.05 && f.footRight <= 0.05;
}

/**
 * A flag that reaches less than 0.12 of the height left of the stem, over feet reaching ≥ 0.05 on
 * both sides. In small text scaled up to be read, a serif l's top serif can reach as deep as a
 * flag (Linux Libertine at 20 px: 0.17 of the height) while it reaches only 0.07 left; Debian's
 * serif l's reach 0.04–0.10 at 20 px, their 1s 0.10–0.21 (Nimbus Roman's 1, 0.07, is its l), so such
 * a flag is no proof of a 1.
 */
export function shortFlagOnFeet(f: StemFeatures): boolean {
  return f.leftReach < 0.12 && f.footLeft >= 0.05 && f.footRight >= 0.05;
}
