import { describe, it, expect } from 'vitest';
import { growMask } from './grow-mask';
import { maskFromArray, maskToArray } from './mask-region';
import { maskBounds } from './mask-queries';
import { createEmptyMask, createFullMask, getMaskValue } from './tiled-mask';

/** Index of the first differing byte, or -1 (cheaper than deep-equal on big arrays). */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function squareMask(w: number, h: number, x0: number, y0: number, size: number, v = 255) {
  const data = new Uint8Array(w * h);
  for (let y = y0; y < y0 + size; y++) data.fill(v, y * w + x0, y * w + x0 + size);
  return maskFromArray(w, h, data);
}

describe('growMask (dilation)', () => {
  it('grows a square by exactly px along the axes', () => {
    const m = squareMask(300, 300, 100, 100, 50); // pixels 100..149
    const g = growMask(m, 10);
    expect(getMaskValue(g, 90, 120)).toBe(255); // distance 10
    expect(getMaskValue(g, 89, 120)).toBe(0); // distance 11
    expect(getMaskValue(g, 159, 120)).toBe(255);
    expect(getMaskValue(g, 160, 120)).toBe(0);
    expect(getMaskValue(g, 120, 90)).toBe(255);
    expect(maskBounds(g)).toEqual({ x: 90, y: 90, width: 70, height: 70 });
  });

  it('rounds corners by Euclidean distance', () => {
    const m = squareMask(300, 300, 100, 100, 50);
    const g = growMask(m, 10);
    // Corner pixel (100,100); pixel (93,93) is at distance 7·√2 ≈ 9.9 → inside.
    expect(getMaskValue(g, 93, 93)).toBe(255);
    // Pixel (92,92): distance 11.3 → outside.
    expect(getMaskValue(g, 92, 92)).toBe(0);
    // Pixel (93,92): distance √(49+64) ≈ 10.63 → partially covered: clamp(11 - 10.63) ≈ 0.37.
    expect(getMaskValue(g, 93, 92)).toBe(Math.round((11 - Math.hypot(7, 8)) * 255));
  });

  it('grows a single pixel into a disc whose values depend on distance', () => {
    const data = new Uint8Array(100 * 100);
    data[50 * 100 + 50] = 255;
    const g = growMask(maskFromArray(100, 100, data), 5.5);
    for (let y = 40; y < 60; y++) {
      for (let x = 40; x < 60; x++) {
        const d = Math.hypot(x - 50, y - 50);
        const expected = Math.round(Math.max(0, Math.min(1, 6.5 - d)) * 255);
        expect(getMaskValue(g, x, y)).toBe(expected);
      }
    }
  });

  it('keeps soft values that are not reached by the growth', () => {
    const data = new Uint8Array(200 * 10);
    data.fill(255, 5 * 200 + 10, 5 * 200 + 20);
    data[5 * 200 + 100] = 60; // a faint isolated pixel far away
    const g = growMask(maskFromArray(200, 10, data), 3);
    expect(getMaskValue(g, 100, 5)).toBe(60);
    expect(getMaskValue(g, 22, 5)).toBe(255);
  });

  it('shares tiles outside the affected region and leaves the input unchanged', () => {
    const m = squareMask(1024, 1024, 10, 10, 20);
    const before = maskToArray(m);
    const g = growMask(m, 5);
    expect(g.tiles[0] === m.tiles[0]).toBe(false);
    for (let i = 1; i < g.tiles.length; i++) expect(g.tiles[i]).toBe(0);
    expect(firstDiff(maskToArray(m), before)).toBe(-1);
  });

  it('returns the same mask for px = 0 or an empty mask', () => {
    const m = squareMask(50, 50, 10, 10, 5);
    expect(growMask(m, 0)).toBe(m);
    const e = createEmptyMask(50, 50);
    expect(growMask(e, 10)).toBe(e);
    expect(growMask(e, -10)).toBe(e);
  });
});

describe('growMask (erosion)', () => {
  it('shrinks a square by exactly px', () => {
    const m = squareMask(300, 300, 100, 100, 50); // 100..149
    const s = growMask(m, -5);
    expect(getMaskValue(s, 104, 120)).toBe(0); // distance to outside 5
    expect(getMaskValue(s, 105, 120)).toBe(255); // 6
    expect(getMaskValue(s, 144, 120)).toBe(255);
    expect(getMaskValue(s, 145, 120)).toBe(0);
    expect(maskBounds(s)).toEqual({ x: 105, y: 105, width: 40, height: 40 });
  });

  it('removes thin 1-px lines', () => {
    const w = 300;
    const data = new Uint8Array(w * w);
    for (let x = 20; x < 280; x++) data[150 * w + x] = 255; // horizontal line
    for (let y = 20; y < 140; y++) data[y * w + 40] = 255; // vertical line (not crossing)
    for (let i = 0; i < 200; i++) data[(50 + i) * w + 60 + i] = 255; // diagonal line
    const s = growMask(maskFromArray(w, w, data), -1);
    expect(maskBounds(s)).toBeNull();
    // A 3-px line survives a 1-px shrink as a 1-px line.
    const thick = new Uint8Array(w * w);
    for (let y = 149; y <= 151; y++) thick.fill(255, y * w + 20, y * w + 280);
    const t = growMask(maskFromArray(w, w, thick), -1);
    expect(maskBounds(t)).toEqual({ x: 21, y: 150, width: 258, height: 1 });
  });

  it('does not erode from the document border', () => {
    const f = createFullMask(300, 300);
    expect(growMask(f, -10)).toBe(f);
  });

  it('keeps soft interior values (min with the original)', () => {
    const data = new Uint8Array(60 * 60);
    for (let y = 10; y < 50; y++) data.fill(200, y * 60 + 10, y * 60 + 50);
    const s = growMask(maskFromArray(60, 60, data), -3);
    expect(getMaskValue(s, 30, 30)).toBe(200);
    expect(getMaskValue(s, 12, 30)).toBe(0);
  });

  it('grow then shrink restores a square up to anti-aliased corner pixels', () => {
    const m = squareMask(200, 200, 50, 50, 60); // 50..109
    const back = maskToArray(growMask(growMask(m, 8), -8));
    const orig = maskToArray(m);
    const isCorner = (x: number, y: number) => (x <= 51 || x >= 108) && (y <= 51 || y >= 108);
    for (let i = 0; i < orig.length; i++) {
      const x = i % 200;
      const y = Math.floor(i / 200);
      if (isCorner(x, y) && orig[i] === 255) expect(back[i]).toBeGreaterThanOrEqual(128);
      else if (back[i] !== orig[i]) expect({ x, y, v: back[i] }).toEqual({ x, y, v: orig[i] });
    }
  });
});
