import { describe, expect, it } from 'vitest';
import { splitPasses } from './lanes';
import { patchSsd, randomNnf, refreshDistances } from './patchmatch';
import { makeLevel } from './pyramid';
import { mulberry32 } from './random';
import type { Layer } from './region';
import { addTextureChannel, dropTextureChannel, TEXTURE_KNEE, TEXTURE_SCALE } from './texture-channel';
import { holePixels } from './vote';

/** A w × h layer from `f(x, y) → grey`, opaque, with the given hole pixels. */
function greyLayer(
  w: number,
  h: number,
  f: (x: number, y: number) => number,
  isHole: (x: number, y: number) => boolean = () => false,
): Layer {
  const pix = new Float32Array(w * h * 4);
  const hole = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      pix.fill(f(x, y), i * 4, i * 4 + 3);
      pix[i * 4 + 3] = 255;
      hole[i] = isHole(x, y) ? 1 : 0;
    }
  return { width: w, height: h, pix, hole };
}

describe('texture feature (alpha slot)', () => {
  it('is the mean absolute luma step over 5×5 known pixels, saturated: 0 on flat ground, near its scale on stripes, 0 in the hole', () => {
    // Left half flat 100, right half 1-px vertical stripes 0 / 60; a hole in the flat half.
    const layer = greyLayer(
      40,
      20,
      (x) => (x < 20 ? 100 : x % 2 ? 60 : 0),
      (x, y) => x >= 5 && x < 10 && y >= 5 && y < 10,
    );
    expect(addTextureChannel(layer)).toBe(true);
    const a = (x: number, y: number) => layer.pix[(y * 40 + x) * 4 + 3];
    expect(a(7, 7)).toBe(0); // hole
    expect(a(12, 7)).toBe(0); // flat, beside the hole: the step into the hole is not a gradient
    expect(a(2, 2)).toBe(0);
    // Inside the stripes every known pixel steps by 60 left and right, 0 up and down: mean 30.
    expect(a(30, 10)).toBeCloseTo((TEXTURE_SCALE * 30) / (30 + TEXTURE_KNEE), 3);
    dropTextureChannel(layer);
    expect(layer.pix.filter((_, i) => i % 4 === 3).every((v) => v === 255)).toBe(true);
  });

  it('is not added when a known pixel is not opaque', () => {
    const layer = greyLayer(10, 10, () => 50);
    layer.pix[3] = 128;
    expect(addTextureChannel(layer)).toBe(false);
    expect(layer.pix[7]).toBe(255);
  });

  it('makes an out-of-step copy of a texture nearer than flat ground, which plain RGB prefers', () => {
    // Rows 0–9: 2-px vertical bars 40 / 220 (a facade's rhythm); rows 10–19 flat at their mean 130.
    // Target: a bar patch at x = 10; candidates: the bars one pixel out of step (x = 21), flat ground.
    const w = 40;
    const layer = greyLayer(w, 20, (x, y) => (y < 10 ? ((x >> 1) % 2 ? 220 : 40) : 130));
    expect(addTextureChannel(layer)).toBe(true);
    const t = 5 * w + 10,
      outOfStep = 5 * w + 21,
      flat = 15 * w + 10;
    const rgb = (s: number) => patchSsd(layer.pix, w, 20, 3, t, s, Infinity, 1);
    const withFeature = (s: number) => patchSsd(layer.pix, w, 20, 3, t, s, Infinity, 1, true);
    expect(rgb(flat)).toBeLessThan(rgb(outOfStep));
    expect(withFeature(outOfStep)).toBeLessThan(withFeature(flat));
  });

  it('is compared by the split passes (lanes) exactly as by the plain ones', () => {
    const layer = greyLayer(
      48,
      40,
      (x, y) => (((x >> 1) + (y >> 2)) % 2 ? 200 : 60 + x),
      (x, y) => x >= 18 && x < 30 && y >= 14 && y < 26,
    );
    expect(addTextureChannel(layer)).toBe(true);
    const level = makeLevel(layer, 3);
    level.texture = true;
    const nnf = randomNnf(level, mulberry32(7));
    const plain = new Float32Array(level.targets.length);
    refreshDistances(level, 3, nnf, plain);
    const rgbOnly = new Float32Array(level.targets.length);
    refreshDistances({ ...level, texture: false }, 3, nnf, rgbOnly);
    expect(plain.some((d, k) => d > rgbOnly[k])).toBe(true);
    const split = splitPasses(level, 3, nnf, holePixels(level));
    split.refresh();
    expect(Array.from(split.state.dist)).toEqual(Array.from(plain));
  });
});
