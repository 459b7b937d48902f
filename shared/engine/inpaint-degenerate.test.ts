import { describe, expect, it } from 'vitest';
import { inpaint } from './inpaint';
import { boxMask, changedOutside, gradientImage, makeImage, sameBytes } from './test-helpers';

/** Runs inpaint and checks the outside-mask invariant plus alpha/opacity sanity. */
function fillChecked(w: number, h: number, mask: Uint8Array) {
  const img = gradientImage(w, h);
  const out = inpaint(img, mask, { seed: 1 });
  expect(out.width).toBe(w);
  expect(out.height).toBe(h);
  expect(out.data.length).toBe(w * h * 4);
  expect(changedOutside(out, img, mask)).toBe(0);
  return { img, out };
}

describe('inpaint with degenerate masks', () => {
  it('returns an identical copy (not the same buffer) for an empty mask', () => {
    const img = gradientImage(20, 15);
    const out = inpaint(img, new Uint8Array(300));
    expect(sameBytes(out, img)).toBe(true);
    expect(out.data).not.toBe(img.data);
  });

  it('treats mask values ≤ 127 as keep and > 127 as hole', () => {
    const img = gradientImage(40, 30);
    const mask = new Uint8Array(1200).fill(127);
    expect(sameBytes(inpaint(img, mask), img)).toBe(true);
  });

  it('fills a full-image mask with opaque neutral grey', () => {
    const { out } = fillChecked(12, 9, new Uint8Array(108).fill(255));
    for (let i = 0; i < 108; i++) {
      expect([...out.data.subarray(i * 4, i * 4 + 4)]).toEqual([128, 128, 128, 255]);
    }
  });

  it('fills a single pixel with a value close to its neighbours', () => {
    const img = makeImage(30, 30, () => [90, 120, 150]);
    const mask = boxMask(30, 30, 15, 15, 16, 16);
    const out = inpaint(img, mask);
    expect([...out.data.subarray((15 * 30 + 15) * 4, (15 * 30 + 15) * 4 + 4)]).toEqual([90, 120, 150, 255]);
  });

  it('fills a mask touching every border (a frame)', () => {
    const w = 48,
      h = 40;
    const mask = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) if (x < 3 || y < 3 || x >= w - 3 || y >= h - 3) mask[y * w + x] = 255;
    }
    fillChecked(w, h, mask);
  });

  it('fills a hole covering all but one corner', () => {
    const mask = new Uint8Array(32 * 32).fill(255);
    mask[0] = 0;
    const { out } = fillChecked(32, 32, mask);
    expect(out.data[4 * 1000 + 3]).toBe(255);
  });

  it('fills 1-px lines, horizontal, vertical and diagonal', () => {
    const w = 64,
      h = 48;
    const mask = new Uint8Array(w * h);
    for (let x = 0; x < w; x++) mask[20 * w + x] = 255;
    for (let y = 0; y < h; y++) mask[y * w + 33] = 255;
    for (let k = 0; k < 40; k++) mask[(k + 4) * w + k + 10] = 255;
    fillChecked(w, h, mask);
  });

  it('handles 1×1, 3×3 and 8×8 images', () => {
    fillChecked(1, 1, new Uint8Array([255]));
    fillChecked(1, 1, new Uint8Array([0]));
    fillChecked(3, 3, boxMask(3, 3, 1, 1, 2, 2));
    fillChecked(8, 8, boxMask(8, 8, 2, 2, 5, 5));
    fillChecked(8, 8, boxMask(8, 8, 0, 0, 8, 4));
  });

  it('handles thin images (1 px tall)', () => {
    fillChecked(50, 1, boxMask(50, 1, 20, 0, 25, 1));
  });

  it('accepts even and tiny patch sizes', () => {
    const img = gradientImage(40, 40);
    const mask = boxMask(40, 40, 15, 15, 25, 25);
    for (const patchSize of [1, 3, 4, 9]) {
      expect(changedOutside(inpaint(img, mask, { patchSize }), img, mask)).toBe(0);
    }
  });
});
