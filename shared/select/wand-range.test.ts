import { describe, expect, it } from 'vitest';
import { magicWand } from './magic-wand';
import { colorRange, colorRangeValue } from './color-range';
import type { RgbaImage } from './rgba';

/** 20×10: left half red, right half red too but separated by a blue column at x = 10. */
function twoReds(): RgbaImage {
  const w = 21;
  const h = 10;
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const blue = x === 10;
      data[o] = blue ? 0 : x < 10 ? 200 : 210;
      data[o + 2] = blue ? 200 : 0;
      data[o + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

describe('magic wand', () => {
  it('contiguous stops at the blue column; not contiguous takes both reds', () => {
    const img = twoReds();
    const c = magicWand(img, 2, 3, { tolerance: 32, contiguous: true, antialias: false });
    expect(c.rect).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(c.data.every((v) => v === 255)).toBe(true);
    const all = magicWand(img, 2, 3, { tolerance: 32, contiguous: false, antialias: false });
    expect(all.rect).toEqual({ x: 0, y: 0, width: 21, height: 10 });
    expect(all.data[10]).toBe(0);
    expect(all.data[15]).toBe(255);
  });

  it('tolerance decides whether a near colour is in', () => {
    const img = twoReds();
    const tight = magicWand(img, 2, 3, { tolerance: 5, contiguous: false, antialias: false });
    expect(tight.rect.width).toBe(10);
    const loose = magicWand(img, 2, 3, { tolerance: 10, contiguous: false, antialias: false });
    expect(loose.rect.width).toBe(21);
  });

  it('anti-aliasing softens only the border pixels', () => {
    const img = twoReds();
    const c = magicWand(img, 2, 3, { tolerance: 32, contiguous: true, antialias: true });
    expect(c.rect).toEqual({ x: 0, y: 0, width: 11, height: 10 });
    const at = (x: number, y: number) => c.data[y * c.rect.width + x];
    expect(at(5, 5)).toBe(255);
    expect(at(9, 5)).toBeGreaterThan(128);
    expect(at(9, 5)).toBeLessThan(255);
    expect(at(10, 5)).toBeGreaterThan(0);
    expect(at(10, 5)).toBeLessThan(128);
  });

  it('a click outside the image selects nothing', () => {
    expect(magicWand(twoReds(), -1, 3, { tolerance: 32, contiguous: true, antialias: false }).data.length).toBe(0);
  });

  it('fills a 4000×3000 (12 MP) image contiguously', () => {
    const w = 4000;
    const h = 3000;
    const data = new Uint8Array(w * h * 4).fill(128);
    const c = magicWand({ width: w, height: h, data }, 100, 100, { tolerance: 0, contiguous: true, antialias: true });
    expect(c.rect).toEqual({ x: 0, y: 0, width: w, height: h });
  });
});

describe('colour range', () => {
  it('full within a third of the fuzziness, nothing beyond it, linear between', () => {
    expect(colorRangeValue(100, 100, 100, [[100, 100, 100]], 60)).toBe(255);
    expect(colorRangeValue(119, 100, 100, [[100, 100, 100]], 60)).toBe(255);
    expect(colorRangeValue(161, 100, 100, [[100, 100, 100]], 60)).toBe(0);
    const mid = colorRangeValue(140, 100, 100, [[100, 100, 100]], 60);
    expect(mid).toBeGreaterThan(100);
    expect(mid).toBeLessThan(160);
  });

  it('the nearest of several colours counts', () => {
    const img = twoReds();
    const sel = colorRange(
      img.data,
      [
        [0, 0, 200],
        [250, 250, 250],
      ],
      40,
    );
    expect(sel[10]).toBe(255);
    expect(sel[0]).toBe(0);
    expect(colorRange(img.data, [], 40).every((v) => v === 0)).toBe(true);
  });
});
