import { describe, expect, it } from 'vitest';
import { changedOutsideMask, psnrInMask, seamScore, ssimInRect, straightStepShare, textureScore } from './metrics';
import { boxMask, checkerImage, makeImage } from './test-helpers';

describe('metrics', () => {
  const a = checkerImage(32, 32, 4);
  const flat = makeImage(32, 32, () => [125, 125, 100]);
  const mask = boxMask(32, 32, 8, 8, 24, 24);

  it('psnrInMask is Infinity for identical images and finite otherwise', () => {
    expect(psnrInMask(a, a, mask)).toBe(Infinity);
    const p = psnrInMask(a, flat, mask);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(20);
  });

  it('ssimInRect is 1 for identical images and lower for a flat replacement', () => {
    const rect = { x: 8, y: 8, width: 16, height: 16 };
    expect(ssimInRect(a, a, rect)).toBeCloseTo(1, 6);
    expect(ssimInRect(a, flat, rect)).toBeLessThan(0.5);
  });

  it('textureScore is 1 against itself and 0 for a flat fill', () => {
    expect(textureScore(a, a, mask)).toBeCloseTo(1, 6);
    const filled = new Uint8ClampedArray(a.data);
    for (let i = 0; i < mask.length; i++) if (mask[i]) filled.set([125, 125, 100, 255], i * 4);
    expect(textureScore({ ...a, data: filled }, a, mask)).toBe(0);
  });

  it('seamScore measures the jump across the hole boundary', () => {
    const img = makeImage(20, 20, () => [50, 50, 50]);
    const m = boxMask(20, 20, 5, 5, 15, 15);
    expect(seamScore(img, img, m)).toBe(0);
    const data = new Uint8ClampedArray(img.data);
    for (let i = 0; i < m.length; i++) if (m[i]) data.set([80, 80, 80, 255], i * 4);
    expect(seamScore({ ...img, data }, img, m)).toBeCloseTo(30, 6);
    expect(seamScore({ ...img, data }, undefined, m)).toBeCloseTo(30, 6);
    expect(seamScore(img, img, new Uint8Array(400))).toBe(0);
  });

  it('changedOutsideMask counts only pixels outside the hole', () => {
    const data = new Uint8ClampedArray(a.data);
    data[(10 * 32 + 10) * 4] ^= 1; // inside the hole
    data[(1 * 32 + 1) * 4 + 3] ^= 1; // outside, alpha only
    expect(changedOutsideMask({ ...a, data }, a, mask)).toBe(1);
  });

  it('straightStepShare finds a mosaic of straight-edged blocks, not soft blobs nor one-pixel noise', () => {
    const all = new Uint8Array(64 * 64).fill(255);
    // 16-px blocks of unrelated greys: every block border is a sharp straight step.
    const mosaic = makeImage(64, 64, (x, y) => {
      const v = 60 + (((x >> 4) * 7 + (y >> 4) * 13) % 5) * 30;
      return [v, v, v];
    });
    expect(straightStepShare(mosaic, all)).toBeGreaterThan(0.05);
    // Soft round blobs (out of focus) and a checker of 1-px noise: no long sharp run.
    const blobs = makeImage(64, 64, (x, y) => {
      const v = 128 + 60 * Math.sin(x / 5) * Math.cos(y / 7);
      return [v, v, v];
    });
    expect(straightStepShare(blobs, all)).toBe(0);
    const noise = makeImage(64, 64, (x, y) => ((x * 31 + y * 17) % 7 < 3 ? [90, 90, 90] : [140, 140, 140]));
    expect(straightStepShare(noise, all)).toBe(0);
    expect(straightStepShare(mosaic, new Uint8Array(64 * 64))).toBe(0);
  });
});
