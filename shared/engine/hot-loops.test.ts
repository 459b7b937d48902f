import { describe, expect, it } from 'vitest';
import { patchSsd } from './patchmatch';
import { makeLevel } from './pyramid';
import { mulberry32 } from './random';
import { gatherVote, holePixels } from './vote';

/**
 * The hot loops against plain loops written out here: the unrolled 7×7 patch distances inside the
 * level and the vote give the same sums in the same order, so equal floats, at every position
 * including the clipped ones at the edges.
 */
const W = 40;
const H = 30;

function randomLayer(seed: number) {
  const rng = mulberry32(seed);
  const pix = new Float32Array(W * H * 4);
  for (let i = 0; i < pix.length; i++) pix[i] = rng.next() * 255;
  const hole = new Uint8Array(W * H);
  for (let y = 8; y < 15; y++) for (let x = 16; x < 24; x++) hole[y * W + x] = 1;
  // Hole pixels at the level's edges too, so some voted pixels sit near the left/right border.
  for (let y = 20; y < H; y++) hole[y * W + 1] = hole[y * W + W - 2] = 1;
  return { width: W, height: H, pix, hole };
}

function referenceSsd(pix: Float32Array, r: number, t: number, s: number, rowStep: number): number {
  const tx = t % W,
    ty = (t - tx) / W;
  let sum = 0;
  for (let dy = -r; dy <= r; dy += rowStep) {
    if (ty + dy < 0 || ty + dy >= H) continue;
    for (let dx = -r; dx <= r; dx += rowStep) {
      if (tx + dx < 0 || tx + dx >= W) continue;
      const ti = (t + dy * W + dx) * 4,
        si = (s + dy * W + dx) * 4;
      const a = pix[ti] - pix[si],
        b = pix[ti + 1] - pix[si + 1],
        c = pix[ti + 2] - pix[si + 2];
      sum += a * a + b * b + c * c;
    }
  }
  return sum;
}

describe('hot loops', () => {
  it('patch distance: the unrolled 7×7 paths equal the plain sum (every target; every pixel, or every other row and column)', () => {
    const layer = randomLayer(3);
    const s = 4 * W + 30; // a source centre 3 px or more from every edge
    let interior = 0;
    for (const rowStep of [1, 2]) {
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          // Clipped targets start from their first row / column inside the level, the reference from
          // −r, so with step 2 compare only where the two agree: the patch fully inside.
          const t = y * W + x;
          const inside = x >= 3 && y >= 3 && x < W - 3 && y < H - 3;
          const want = rowStep === 1 || inside ? referenceSsd(layer.pix, 3, t, s, rowStep) : null;
          const got = patchSsd(layer.pix, W, H, 3, t, s, Infinity, rowStep);
          if (want !== null) expect(got).toBe(want);
          if (inside) interior++;
        }
      }
    }
    expect(interior).toBeGreaterThan(100);
  });

  it('patch distance: stops early once the limit is passed, like the plain loop', () => {
    const layer = randomLayer(4);
    const t = 9 * W + 11,
      s = 5 * W + 5;
    const full = patchSsd(layer.pix, W, H, 3, t, s, Infinity, 1);
    const cut = patchSsd(layer.pix, W, H, 3, t, s, 1, 1);
    expect(cut).toBeGreaterThan(1);
    expect(cut).toBeLessThan(full);
  });

  it('vote: equals a plain weighted mean of the covering patches', () => {
    const layer = makeLevel(randomLayer(5), 3);
    const rng = mulberry32(6);
    const n = layer.targets.length;
    const nnf = new Int32Array(n);
    const srcs: number[] = [];
    for (let i = 0; i < layer.srcOk.length; i++) if (layer.srcOk[i]) srcs.push(i);
    expect(srcs.length).toBeGreaterThan(0);
    for (let k = 0; k < n; k++) nnf[k] = srcs[rng.int(srcs.length)];
    const weights = new Float64Array(n);
    for (let k = 0; k < n; k++) weights[k] = 0.1 + rng.next();
    const holes = holePixels(layer);
    const out = new Float32Array(holes.length * 4);
    gatherVote(layer, 3, nnf, weights, holes, out);
    let inner = 0;
    for (let j = 0; j < holes.length; j++) {
      const p = holes[j];
      const px = p % W,
        py = (p - px) / W;
      if (px >= 3 && px <= W - 4) inner++;
      const sums = [0, 0, 0, 0];
      let sw = 0;
      for (let oy = -3; oy <= 3; oy++) {
        if (py - oy < 0 || py - oy >= H) continue;
        for (let ox = -3; ox <= 3; ox++) {
          if (px - ox < 0 || px - ox >= W) continue;
          const off = oy * W + ox;
          const k = layer.targetId[p - off];
          if (k < 0) continue;
          const s4 = (nnf[k] + off) * 4;
          for (let c = 0; c < 4; c++) sums[c] += weights[k] * layer.pix[s4 + c];
          sw += weights[k];
        }
      }
      for (let c = 0; c < 4; c++) expect(out[j * 4 + c]).toBe(Math.fround(sums[c] / sw));
    }
    expect(inner).toBeGreaterThan(20);
  });
});
