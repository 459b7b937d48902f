import { describe, expect, it } from 'vitest';
import { diffusionFill } from './diffusion';
import { inpaint } from './inpaint';
import { textureScore } from './metrics';
import { FillCancelledError } from './types';
import { boxMask, changedOutside, checkerImage, gradientImage, makeImage, sameBytes, stripeImage } from './test-helpers';

describe('inpaint', () => {
  describe('determinism', () => {
    const img = gradientImage(96, 72);
    const mask = boxMask(96, 72, 30, 20, 60, 50);

    it('returns identical bytes for the same seed', () => {
      expect(sameBytes(inpaint(img, mask, { seed: 7 }), inpaint(img, mask, { seed: 7 }))).toBe(true);
    });

    it('returns different bytes for a different seed', () => {
      expect(sameBytes(inpaint(img, mask, { seed: 7 }), inpaint(img, mask, { seed: 8 }))).toBe(false);
    });
  });

  describe('when the hole sits in a repetitive texture', () => {
    it('continues a checkerboard (texture kept) where diffusion blurs', () => {
      const img = checkerImage(160, 128, 6);
      const mask = boxMask(160, 128, 55, 40, 105, 88);
      const filled = inpaint(img, mask, { seed: 1 });
      const smooth = diffusionFill(img, mask);
      expect(textureScore(filled, img, mask)).toBeGreaterThan(0.7);
      expect(textureScore(smooth, img, mask)).toBeLessThan(0.3);
      expect(changedOutside(filled, img, mask)).toBe(0);
    });

    it('continues diagonal stripes', () => {
      const img = stripeImage(140, 110, 10);
      const mask = boxMask(140, 110, 45, 35, 95, 80);
      const filled = inpaint(img, mask, { seed: 3 });
      expect(textureScore(filled, img, mask)).toBeGreaterThan(0.7);
      expect(textureScore(diffusionFill(img, mask), img, mask)).toBeLessThan(0.3);
    });
  });

  describe('progress and cancellation', () => {
    const img = gradientImage(120, 90);
    const mask = boxMask(120, 90, 40, 30, 80, 60);

    it('reports non-decreasing progress that ends at exactly 1', () => {
      const seen: number[] = [];
      inpaint(img, mask, { onProgress: (f) => seen.push(f) });
      expect(seen.length).toBeGreaterThan(2);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
      expect(seen[0]).toBeGreaterThanOrEqual(0);
      expect(seen[seen.length - 1]).toBe(1);
    });

    it('throws FillCancelledError when shouldCancel turns true mid-fill', () => {
      let calls = 0;
      expect(() => inpaint(img, mask, { shouldCancel: () => ++calls > 3 })).toThrow(FillCancelledError);
      expect(calls).toBeGreaterThan(3);
    });

    it('throws FillCancelledError before any work when already cancelled', () => {
      expect(() => inpaint(img, mask, { shouldCancel: () => true })).toThrow(FillCancelledError);
    });
  });

  describe('on a large photo with a small hole', () => {
    it('finishes a 4000×3000 image by processing only the region around the hole', () => {
      const w = 4000,
        h = 3000;
      const img = makeImage(w, h, (x, y) => [(x * 7) & 255, (y * 5) & 255, ((x ^ y) * 3) & 255]);
      const mask = boxMask(w, h, 2000, 1500, 2040, 1530);
      const out = inpaint(img, mask, { seed: 1 });
      expect(out.width).toBe(w);
      expect(changedOutside(out, img, mask)).toBe(0);
    });
  });

  it('rejects a mask of the wrong size', () => {
    expect(() => inpaint(gradientImage(10, 10), new Uint8Array(99))).toThrow(RangeError);
  });
});
