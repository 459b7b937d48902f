import { describe, expect, it } from 'vitest';
import { stemFeatures } from './bare-foot-flag';
import { flagReach } from './flag-reach';
import { italicFootedOne, topRightReach } from './italic-foot';

/** A glyph drawn from rectangles [x0, y0, x1, y1) on a w×h grid: its stem features and top-right reach. */
function glyph(w: number, h: number, rects: [number, number, number, number][]) {
  const ink = new Uint8Array(w * h);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * w + x] = 1;
  return { f: stemFeatures(ink, w, h), right: topRightReach(ink, w, h, flagReach(ink, w, h).stemRight) };
}

// Stem at x 6–11 on a 40-row grid; a short flag 5 px left at the top, 3 rows deep (0.075: an l's
// serif depth); a foot 4 px either side.
const one = glyph(20, 40, [
  [6, 0, 11, 40],
  [1, 0, 6, 3],
  [2, 37, 15, 40],
]);
// The italic l: the same top serif, a tail to the right only.
const l = glyph(20, 40, [
  [6, 0, 11, 40],
  [2, 0, 6, 3],
  [11, 36, 17, 40],
]);
// A capital I: serifs both sides at the top and at the foot.
const capitalI = glyph(20, 40, [
  [6, 0, 11, 40],
  [2, 0, 15, 3],
  [2, 37, 15, 40],
]);

describe('an italic serif 1 told by its feet', () => {
  it('takes a flag over feet on both sides, on a line sheared upright, for a 1', () => {
    expect(one.f.depth).toBeLessThan(0.125);
    expect(italicFootedOne(one.f, one.right, 0.25, false)).toBe(true);
  });

  it('not on an upright line (a roman serif l has a top serif and feet both sides)', () => {
    expect(italicFootedOne(one.f, one.right, 0, false)).toBe(false);
  });

  it('not in a monospaced font (an oblique Courier l is its upright l)', () => {
    expect(italicFootedOne(one.f, one.right, 0.25, true)).toBe(false);
  });

  it('not for an italic l, whose foot is a tail to the right', () => {
    expect(l.f.footLeft).toBe(0);
    expect(italicFootedOne(l.f, l.right, 0.25, false)).toBe(false);
  });

  it('not for a capital I, whose top serif reaches right too', () => {
    expect(capitalI.right).toBeGreaterThan(0.04);
    expect(italicFootedOne(capitalI.f, capitalI.right, 0.25, false)).toBe(false);
  });
});
