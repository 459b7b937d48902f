import { describe, expect, it } from 'vitest';
import { fillDevExtra, hasDevExtra, rectHole } from '../../bench/fill/dev-extra';
import { harmonicFillLayer } from './diffusion';
import { GUIDE_ABOVE_SEPARATION, guidedMembrane, ringSeparation } from './guided-membrane';
import type { Layer } from './region';

const W = 48,
  H = 32;
/** A membrane problem: the one-pixel frame known (dark left of column 24, light right of it), the inside solved. */
function frame(): Layer {
  const pix = new Float32Array(W * H * 4);
  const hole = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      hole[i] = x > 0 && x < W - 1 && y > 0 && y < H - 1 ? 1 : 0;
      const v = x < 24 ? 50 : 200;
      pix.set([v, v, v, 255], i * 4);
    }
  return { width: W, height: H, pix, hole };
}
const meanLeft = (l: Layer) => {
  let s = 0,
    n = 0;
  for (let y = 1; y < H - 1; y++)
    for (let x = 1; x < 24; x++) {
      s += l.pix[(y * W + x) * 4];
      n++;
    }
  return s / n;
};
const sweeps = { fine: 8, coarse: 12 };

describe('guidedMembrane', () => {
  it('does not carry the ring’s colour across an edge of the guide', () => {
    const plain = frame();
    harmonicFillLayer(plain, sweeps);
    // The guide (the vote's smooth part) has the same edge as the ring, at column 24.
    const guide = new Float32Array(W * H * 3).map((_, j) => ((j / 3) % W < 24 ? 50 : 200));
    const guided = frame();
    guidedMembrane(guided, guide, sweeps);
    expect(meanLeft(plain)).toBeGreaterThan(70); // the light right half spreads over the dark left
    expect(meanLeft(guided)).toBeLessThan(60);
  });

  it('tells a ring of two colours from a ring along a smooth ramp', () => {
    expect(ringSeparation(frame())).toBeGreaterThan(GUIDE_ABOVE_SEPARATION);
    const ramp = frame();
    for (let i = 0; i < W * H; i++) {
      const x = i % W,
        y = (i - x) / W;
      ramp.pix.set([40 + 3 * x, 30 + 4 * y, 200 - 2 * (x + y)], i * 4);
    }
    expect(ringSeparation(ramp)).toBeLessThan(GUIDE_ABOVE_SEPARATION);
  });

  it('is the plain membrane where the guide is smooth', () => {
    const plain = frame();
    harmonicFillLayer(plain, { fine: 200, coarse: 200 });
    const guided = frame();
    guidedMembrane(guided, new Float32Array(W * H * 3).fill(128), { fine: 200, coarse: 200 });
    for (let i = 0; i < W * H; i++) expect(Math.abs(guided.pix[i * 4] - plain.pix[i * 4])).toBeLessThan(2);
  });
});

describe.skipIf(!hasDevExtra('bokeh-nuthatch'))('a large hole over dark bark beside white bokeh', () => {
  it('bokeh-nuthatch’s box hole (the bench’s) is no lighter haze over the bark', async () => {
    const { img, out, changedOutside } = await fillDevExtra('bokeh-nuthatch', (w, h) => rectHole(w, h, 153, 127, 496, 452));
    const w = img.width;
    expect(changedOutside).toBe(0);
    // The hole's left half is all bark (the bokeh starts right of its middle). Its mean luma: the
    // truth's 97.8; the fill's 104.5 with the plain membrane (the white ring on the right spread over
    // the bark the vote had copied), 98.0 with the guided one.
    const luma = (d: ArrayLike<number>, i: number) => 0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2];
    let fill = 0,
      truth = 0,
      n = 0;
    for (let y = 127; y < 452; y++)
      for (let x = 153; x < 324; x++) {
        fill += luma(out.data, y * w + x);
        truth += luma(img.data, y * w + x);
        n++;
      }
    expect(Math.abs(fill / n - truth / n)).toBeLessThan(3);
  }, 60_000);
});
