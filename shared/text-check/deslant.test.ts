import { describe, expect, it } from 'vitest';
import { estimateSlant, shear } from './deslant';
import type { GreyImage } from './glyph-check';

/**
 * A row of glyph-like strokes: `stems` vertical bars (optionally leaning by `lean`, tan of the angle,
 * top to the right) and, for realism, a round-ish ring between them; dark ink on a light ground.
 */
function strokes(lean: number, opts: { W?: number; H?: number; vee?: boolean } = {}): GreyImage {
  const W = opts.W ?? 400;
  const H = opts.H ?? 80;
  const data = new Uint8Array(W * H).fill(230);
  const top = 10;
  const bottom = H - 10;
  const centre = (top + bottom) / 2;
  for (let y = top; y < bottom; y++) {
    const dx = -lean * (y - centre);
    for (let k = 0; k < 8; k++) {
      const x0 = Math.round(30 + k * 45 + dx);
      for (let x = x0; x < x0 + 6; x++) data[y * W + x] = 25;
      if (opts.vee && y > top + 2) {
        // The other stroke of a V: leaning the opposite way by the same amount, a little shorter
        // (so the right-leaning shear wins, by a few per cent, as in Debian's upright fonts).
        const x1 = Math.round(30 + k * 45 + 20 - dx);
        for (let x = x1; x < x1 + 6; x++) data[y * W + x] = 25;
      }
    }
  }
  return { width: W, height: H, data };
}

describe('slant of a text line', () => {
  it('finds the lean of italic stems', () => {
    expect(estimateSlant(strokes(0.2))).toBeCloseTo(0.2, 1);
    expect(estimateSlant(strokes(0.27))).toBeCloseTo(0.27, 1);
  });
  it('leaves upright text upright', () => {
    expect(estimateSlant(strokes(0))).toBe(0);
  });
  it('does not take the two strokes of a V, which lean both ways, for a slant', () => {
    expect(estimateSlant(strokes(0.3, { vee: true }))).toBe(0);
  });
  it('does not take a left lean or a lean beyond an italic’s for a slant', () => {
    expect(estimateSlant(strokes(-0.2))).toBe(0);
    expect(estimateSlant(strokes(0.42))).toBe(0);
  });
  it('reads nothing from a blank image', () => {
    expect(estimateSlant({ width: 50, height: 20, data: new Uint8Array(1000).fill(200) })).toBe(0);
  });
});

describe('shear', () => {
  it('stands leaning stems upright, widening the image so nothing is cut', () => {
    const img = strokes(0.2);
    const out = shear(img, 0.2);
    expect(out.width).toBeGreaterThan(img.width);
    expect(out.height).toBe(img.height);
    // Every row of the first stem now starts in the same column (±1 px of interpolation).
    const starts: number[] = [];
    for (let y = 12; y < 68; y++) {
      let x = 0;
      while (x < out.width && out.data[y * out.width + x] > 128) x++;
      starts.push(x);
    }
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(1);
    expect(estimateSlant(out)).toBe(0);
    // Before: the stem's start moves by about 0.2 px per row.
    const startOf = (y: number) => {
      let x = 0;
      while (img.data[y * img.width + x] > 128) x++;
      return x;
    };
    expect(startOf(12) - startOf(67)).toBeGreaterThan(9);
  });
  it('returns the same image for no slant', () => {
    const img = strokes(0);
    expect(shear(img, 0)).toBe(img);
  });
});
