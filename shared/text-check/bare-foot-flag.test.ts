import { describe, expect, it } from 'vitest';
import { bareFootFlag, shortFlagOnFeet, stemFeatures } from './bare-foot-flag';

/** A glyph drawn from rectangles [x0, y0, x1, y1) on a w×h grid. */
function glyph(w: number, h: number, rects: [number, number, number, number][]) {
  const ink = new Uint8Array(w * h);
  for (const [x0, y0, x1, y1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * w + x] = 1;
  return stemFeatures(ink, w, h);
}

describe('a stem glyph’s flag and feet', () => {
  it('takes a level flag on a bare stem for a 1 (URW Gothic)', () => {
    // Stem 4 px wide at x 6–10, a 6-px flag at its top left, 3 rows deep, nothing at the foot.
    const f = glyph(10, 40, [
      [6, 0, 10, 40],
      [0, 0, 6, 3],
    ]);
    expect(f.levelReach).toBeCloseTo(6 / 40);
    expect(f.footLeft).toBe(0);
    expect(f.footRight).toBe(0);
    expect(bareFootFlag(f)).toBe(true);
    expect(shortFlagOnFeet(f)).toBe(false);
  });

  it('does not take a plain stem for a 1 (a sans l or I)', () => {
    const f = glyph(4, 40, [[0, 0, 4, 40]]);
    expect(bareFootFlag(f)).toBe(false);
  });

  it('does not take a monospaced l’s bar over a foot for a bare-footed 1', () => {
    // Bar at the top left, foot bar both sides (Liberation Mono, Inconsolata).
    const f = glyph(24, 40, [
      [10, 0, 14, 40],
      [4, 0, 10, 3],
      [2, 37, 22, 40],
    ]);
    expect(f.footLeft).toBeGreaterThan(0.1);
    expect(bareFootFlag(f)).toBe(false);
  });

  it('does not take a tailed l for a bare-footed 1 (DejaVu Sans Mono, Fira Code)', () => {
    const f = glyph(24, 40, [
      [8, 0, 12, 40],
      [2, 0, 8, 3],
      [12, 36, 22, 40],
    ]);
    expect(f.footRight).toBeGreaterThan(0.2);
    expect(bareFootFlag(f)).toBe(false);
  });

  it('calls a short top serif over serif feet no proof (a serif l)', () => {
    // Top-left serif 3 px (0.075 of the height), feet 3 px either side.
    const f = glyph(14, 40, [
      [5, 0, 9, 40],
      [2, 0, 5, 2],
      [2, 38, 12, 40],
    ]);
    expect(shortFlagOnFeet(f)).toBe(true);
    expect(bareFootFlag(f)).toBe(false);
  });

  it('leaves a long flag over feet to the other rules (a serif 1)', () => {
    const f = glyph(20, 40, [
      [8, 0, 12, 40],
      [0, 0, 8, 4],
      [2, 38, 18, 40],
    ]);
    expect(f.leftReach).toBeCloseTo(8 / 40);
    expect(shortFlagOnFeet(f)).toBe(false);
  });
});
