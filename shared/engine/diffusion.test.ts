import { describe, expect, it } from 'vitest';
import { diffusionFill, harmonicFillLayer } from './diffusion';
import { boxMask, changedOutside, gradientImage, makeImage } from './test-helpers';

describe('diffusionFill', () => {
  it('reproduces a linear ramp exactly inside a hole (harmonic functions are kept)', () => {
    const img = makeImage(64, 48, (x) => [x * 4, 100, 200 - x * 2]);
    const mask = boxMask(64, 48, 20, 10, 44, 38);
    const out = diffusionFill(img, mask);
    for (let y = 10; y < 38; y++) {
      for (let x = 20; x < 44; x++) {
        const i = (y * 64 + x) * 4;
        expect(Math.abs(out.data[i] - x * 4)).toBeLessThanOrEqual(1);
        expect(Math.abs(out.data[i + 2] - (200 - x * 2))).toBeLessThanOrEqual(1);
      }
    }
    expect(changedOutside(out, img, mask)).toBe(0);
  });

  it('keeps pixels outside the mask bit-identical', () => {
    const img = gradientImage(80, 60);
    const mask = boxMask(80, 60, 0, 0, 30, 60);
    expect(changedOutside(diffusionFill(img, mask), img, mask)).toBe(0);
  });

  it('returns a copy for an empty mask and grey for a full mask', () => {
    const img = gradientImage(10, 10);
    expect([...diffusionFill(img, new Uint8Array(100)).data]).toEqual([...img.data]);
    const grey = diffusionFill(img, new Uint8Array(100).fill(255));
    expect([...grey.data.subarray(0, 4)]).toEqual([128, 128, 128, 255]);
  });

  it('converges on a big hole: a constant surround gives a constant fill', () => {
    const img = makeImage(200, 200, () => [10, 200, 90]);
    const mask = boxMask(200, 200, 5, 5, 195, 195);
    const out = diffusionFill(img, mask);
    for (let i = 0; i < 200 * 200; i++) expect(out.data[i * 4 + 1]).toBe(200);
  });
});

describe('harmonicFillLayer', () => {
  it('never reads or writes ignored pixels (state 2)', () => {
    // Row: known 0 | unknown | ignored (value 999) | known 90: the unknown pixel only sees 0.
    const layer = {
      width: 4,
      height: 1,
      pix: new Float32Array([0, 0, 0, 0, 5, 5, 5, 5, 999, 999, 999, 999, 90, 90, 90, 90]),
      hole: new Uint8Array([0, 1, 2, 0]),
    };
    harmonicFillLayer(layer);
    expect(layer.pix[4]).toBeCloseTo(0, 3);
    expect(layer.pix[8]).toBe(999);
  });
});
