import { describe, it, expect } from 'vitest';
import { boxBlur1d, gaussianBoxRadii, separableBoxBlur } from './box-blur';
import { featherMask } from './feather-mask';
import { maskFromArray, maskToArray } from './mask-region';
import { createEmptyMask, createFullMask, getMaskValue } from './tiled-mask';

/** Index of the first differing byte, or -1 (cheaper than deep-equal on big arrays). */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function squareMask(w: number, h: number, x0: number, y0: number, size: number) {
  const data = new Uint8Array(w * h);
  for (let y = y0; y < y0 + size; y++) data.fill(255, y * w + x0, y * w + x0 + size);
  return maskFromArray(w, h, data);
}

describe('box blur helpers', () => {
  it('chooses box radii whose combined variance approximates sigma²', () => {
    for (const sigma of [1, 2.5, 5, 10, 30]) {
      const radii = gaussianBoxRadii(sigma, 3);
      expect(radii).toHaveLength(3);
      // Variance of a box of width w = 2r + 1 is (w² - 1) / 12.
      const variance = radii.reduce((s, r) => s + ((2 * r + 1) ** 2 - 1) / 12, 0);
      // Integer radii quantise the variance: coarse for tiny sigmas, close for larger ones.
      expect(Math.abs(Math.sqrt(variance) - sigma) / sigma).toBeLessThan(sigma < 2 ? 0.25 : 0.06);
    }
    expect(gaussianBoxRadii(0, 3)).toEqual([0, 0, 0]);
  });

  it('box-blurs with clamp-to-edge boundaries', () => {
    const src = new Float64Array([0, 0, 3, 0, 0, 6]);
    const dst = new Float64Array(6);
    boxBlur1d(src, dst, 6, 1);
    expect(Array.from(dst)).toEqual([0, 1, 1, 1, 2, 4]);
  });

  it('keeps a constant grid constant and conserves mass away from borders', () => {
    const c = separableBoxBlur(new Uint8Array(30 * 20).fill(200), 30, 20, [2, 3, 3]);
    expect(c.every((v) => v === 200)).toBe(true);
    const g = new Uint8Array(41 * 41);
    g[20 * 41 + 20] = 255;
    g[20 * 41 + 21] = 255;
    const b = separableBoxBlur(g, 41, 41, [1, 1, 1]);
    const sum = b.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - 510)).toBeLessThan(30);
  });
});

describe('featherMask', () => {
  const m = squareMask(600, 520, 200, 200, 200); // pixels 200..399

  it('is monotonic across an edge and centred on it', () => {
    const f = featherMask(m, 20);
    let prev = -1;
    for (let x = 150; x < 300; x++) {
      const v = getMaskValue(f, x, 300);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
    // The edge lies between pixels 199 and 200: values there straddle 50 %.
    expect(getMaskValue(f, 199, 300) + getMaskValue(f, 200, 300)).toBeGreaterThan(245);
    expect(getMaskValue(f, 199, 300) + getMaskValue(f, 200, 300)).toBeLessThan(265);
    expect(getMaskValue(f, 190, 300)).toBeGreaterThan(0);
    expect(getMaskValue(f, 190, 300)).toBeLessThan(128);
    expect(getMaskValue(f, 210, 300)).toBeGreaterThan(128);
    expect(getMaskValue(f, 210, 300)).toBeLessThan(255);
  });

  it('is symmetric for a symmetric shape', () => {
    const f = featherMask(m, 20);
    for (let d = 0; d < 50; d++) {
      const left = getMaskValue(f, 200 - 25 + d, 300);
      const right = getMaskValue(f, 399 + 25 - d, 300);
      expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
      expect(Math.abs(getMaskValue(f, 300, 200 - 25 + d) - left)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps solid interiors at 255 and far areas at 0', () => {
    const f = featherMask(m, 20);
    expect(getMaskValue(f, 300, 300)).toBe(255);
    expect(getMaskValue(f, 235, 300)).toBe(255);
    expect(getMaskValue(f, 160, 300)).toBe(0);
    expect(getMaskValue(f, 10, 10)).toBe(0);
    expect(f.tiles[8]).toBe(0);
    expect(f.tiles[0] === m.tiles[0]).toBe(false);
  });

  it('keeps a full mask full (document border is not an edge) and leaves the input unchanged', () => {
    const full = createFullMask(300, 300);
    const f = featherMask(full, 10);
    expect(f.tiles.every((t) => t === 255)).toBe(true);
    const before = maskToArray(m);
    featherMask(m, 10);
    expect(firstDiff(maskToArray(m), before)).toBe(-1);
  });

  it('returns the input for px <= 0 or an empty mask', () => {
    expect(featherMask(m, 0)).toBe(m);
    const e = createEmptyMask(100, 100);
    expect(featherMask(e, 5)).toBe(e);
  });
});
