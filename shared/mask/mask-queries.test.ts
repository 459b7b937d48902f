import { describe, it, expect } from 'vitest';
import { countMaskPixels, isMaskEmpty, maskBounds } from './mask-queries';
import { maskFromArray } from './mask-region';
import { TILE_AREA, buildMask, createEmptyMask, createFullMask } from './tiled-mask';

function maskWithPixels(w: number, h: number, pixels: [number, number, number][]) {
  const data = new Uint8Array(w * h);
  for (const [x, y, v] of pixels) data[y * w + x] = v;
  return maskFromArray(w, h, data);
}

function bruteBounds(w: number, h: number, data: Uint8Array) {
  let minX = Infinity,
    minY = Infinity,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x] > 0) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

describe('maskBounds', () => {
  it('is null for an empty mask', () => {
    expect(maskBounds(createEmptyMask(600, 520))).toBeNull();
  });

  it('is the whole mask for a full mask with edge tiles', () => {
    expect(maskBounds(createFullMask(600, 520))).toEqual({ x: 0, y: 0, width: 600, height: 520 });
  });

  it('is tight around pixels in several tiles', () => {
    const m = maskWithPixels(600, 520, [
      [300, 10, 1],
      [20, 400, 200],
      [599, 300, 5],
    ]);
    expect(maskBounds(m)).toEqual({ x: 20, y: 10, width: 580, height: 391 });
  });

  it('is a single pixel for a single-pixel mask', () => {
    expect(maskBounds(maskWithPixels(10, 10, [[3, 7, 128]]))).toEqual({ x: 3, y: 7, width: 1, height: 1 });
  });

  it('matches a brute-force scan on a random sparse mask', () => {
    const w = 600,
      h = 520;
    const data = new Uint8Array(w * h);
    let s = 7;
    for (let k = 0; k < 40; k++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const x = 100 + (s % 350);
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const y = 50 + (s % 300);
      data[y * w + x] = 1 + (k % 255);
    }
    expect(maskBounds(maskFromArray(w, h, data))).toEqual(bruteBounds(w, h, data));
  });
});

describe('isMaskEmpty', () => {
  it('detects empty and non-empty masks', () => {
    expect(isMaskEmpty(createEmptyMask(300, 300))).toBe(true);
    expect(isMaskEmpty(createFullMask(300, 300))).toBe(false);
    expect(isMaskEmpty(maskWithPixels(300, 300, [[299, 299, 1]]))).toBe(false);
    // A non-collapsed all-zero data tile still counts as empty.
    expect(isMaskEmpty(buildMask(10, 10, [new Uint8Array(TILE_AREA)]))).toBe(true);
  });
});

describe('countMaskPixels', () => {
  it('counts values at or above the threshold', () => {
    const m = maskWithPixels(300, 300, [
      [0, 0, 127],
      [1, 0, 128],
      [299, 299, 255],
      [5, 5, 10],
    ]);
    expect(countMaskPixels(m)).toBe(2);
    expect(countMaskPixels(m, 1)).toBe(4);
    expect(countMaskPixels(m, 255)).toBe(1);
    expect(countMaskPixels(m, 0)).toBe(300 * 300);
  });

  it('counts only the inside part of full edge tiles', () => {
    expect(countMaskPixels(createFullMask(600, 520))).toBe(600 * 520);
    expect(countMaskPixels(createFullMask(600, 520), 256)).toBe(0);
  });
});
