import { describe, expect, it } from 'vitest';
import { checkPatchPixels, cropRgba } from './patch-pixels';
import { ValidationError } from './schema';

const region = { width: 10, height: 8 };
const px = (x: number, y: number, width: number, height: number, bytes = width * height * 4) => ({
  rect: { x, y, width, height },
  rgba: new Uint8Array(bytes),
});

function refusal(value: unknown): string {
  try {
    checkPatchPixels(value, region);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error('accepted');
}

describe('checkPatchPixels', () => {
  it('accepts a rect inside the patch with exactly width × height × 4 bytes', () => {
    const p = px(2, 3, 8, 5);
    expect(checkPatchPixels(p, region)).toEqual(p);
    expect(checkPatchPixels(px(0, 0, 10, 8), region).rgba).toHaveLength(320);
  });

  it('refuses more or fewer bytes than the rect holds', () => {
    expect(refusal(px(0, 0, 4, 4, 4 * 4 * 4 + 1))).toMatch(/pixels\.rgba: must be exactly 64 bytes \(4×4×4\)/);
    expect(refusal(px(0, 0, 4, 4, 63))).toMatch(/exactly 64 bytes/);
  });

  it('refuses a rect outside the patch, empty, fractional or negative', () => {
    expect(refusal(px(3, 0, 8, 1))).toMatch(/pixels\.rect: must lie inside the 10×8 patch/);
    expect(refusal(px(0, 4, 1, 5))).toMatch(/inside the 10×8 patch/);
    expect(refusal({ rect: { x: 0, y: 0, width: 0, height: 1 }, rgba: new Uint8Array(0) })).toMatch(/rect\.width/);
    expect(refusal({ rect: { x: 0.5, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) })).toMatch(/rect\.x/);
    expect(refusal({ rect: { x: -1, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) })).toMatch(/rect\.x/);
  });

  it('refuses anything but a Uint8Array, missing fields and unknown fields', () => {
    expect(refusal({ rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: [0, 0, 0, 0] })).toMatch(/rgba/);
    expect(refusal({ rect: { x: 0, y: 0, width: 1, height: 1 } })).toMatch(/rgba/);
    expect(refusal({ ...px(0, 0, 1, 1), extra: 1 })).toMatch(/extra/);
    expect(refusal(undefined)).toBeTruthy();
  });
});

describe('cropRgba', () => {
  it('copies the rect out of a wider buffer, row by row', () => {
    const w = 4;
    const all = new Uint8Array(w * 3 * 4).map((_, i) => i);
    const out = cropRgba(all, w, { x: 1, y: 1, width: 2, height: 2 });
    expect([...out]).toEqual([...all.subarray(20, 28), ...all.subarray(36, 44)]);
  });

  it('returns the buffer itself when the rect is all of it', () => {
    const all = new Uint8Array(2 * 2 * 4);
    expect(cropRgba(all, 2, { x: 0, y: 0, width: 2, height: 2 })).toBe(all);
  });
});
