import { describe, expect, it } from 'vitest';
import { guidance, meldToSources } from './gradient-relax';
import { selectKth } from './meld-finish';
import { mulberry32 } from './random';
import { sourceLayer } from './test-helpers';
import type { Layer } from './region';

/**
 * The meld's conjugate gradients as they were written before the packed system (one loop over the
 * hole list, skipping pixels without estimates and fixed links, x updated in the layer): the packed
 * solve must give the same floats and the same iteration count.
 */
function referenceMeld(layer: Layer, holes: Int32Array, src: Int32Array, maxIter: number, tol: number): number {
  const { pix, hole } = layer;
  const n = holes.length;
  const { nbr, count, rhs } = guidance(layer, holes, src);
  const at = new Int32Array(hole.length).fill(-1);
  for (let j = 0; j < n; j++) if (count[j] > 0) at[holes[j]] = j;
  const link = new Int32Array(n * 4).fill(-1);
  for (let j = 0; j < n; j++) for (let k = j * 4, end = k + count[j]; k < end; k++) link[k] = at[nbr[k] >> 2];
  const r = new Float32Array(n * 3),
    d = new Float32Array(n * 3),
    ad = new Float32Array(n * 3);
  const rz = [0, 0, 0],
    r0 = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    const m = count[j];
    if (m === 0) continue;
    const p4 = holes[j] * 4;
    for (let c = 0; c < 3; c++) {
      let s = -rhs[j * 3 + c] - m * pix[p4 + c];
      for (let k = j * 4, end = k + m; k < end; k++) s += pix[nbr[k] + c];
      r[j * 3 + c] = s;
      d[j * 3 + c] = s / m;
      rz[c] += (s * s) / m;
      r0[c] += s * s;
    }
  }
  const limit = r0.map((v) => v * tol * tol);
  let it = 0;
  for (; it < maxIter; it++) {
    const dad = [0, 0, 0];
    for (let j = 0; j < n; j++) {
      const m = count[j];
      if (m === 0) continue;
      for (let c = 0; c < 3; c++) {
        let s = m * d[j * 3 + c];
        for (let k = j * 4, end = k + m; k < end; k++) if (link[k] >= 0) s -= d[link[k] * 3 + c];
        ad[j * 3 + c] = s;
        dad[c] += d[j * 3 + c] * s;
      }
    }
    const a = dad.map((v, c) => (v > 0 ? rz[c] / v : 0));
    const z = [0, 0, 0],
      rr = [0, 0, 0];
    for (let j = 0; j < n; j++) {
      const m = count[j];
      if (m === 0) continue;
      for (let c = 0; c < 3; c++) {
        pix[holes[j] * 4 + c] += a[c] * d[j * 3 + c];
        const e = r[j * 3 + c] - a[c] * ad[j * 3 + c];
        r[j * 3 + c] = e;
        z[c] += (e * e) / m;
        rr[c] += e * e;
      }
    }
    if (rr.every((v, c) => v <= limit[c])) return it + 1;
    const b = z.map((v, c) => (rz[c] > 0 ? v / rz[c] : 0));
    for (let j = 0; j < n; j++) {
      const m = count[j];
      if (m === 0) continue;
      for (let c = 0; c < 3; c++) d[j * 3 + c] = r[j * 3 + c] / m + b[c] * d[j * 3 + c];
    }
    for (let c = 0; c < 3; c++) rz[c] = z[c];
  }
  return it;
}

/** A noisy colour layer (the shared 60 × 20 hole) and random known sources, some at the layer's edge or next to the hole (fewer estimates). */
function noisyCase(seed: number) {
  const rng = mulberry32(seed);
  const { layer: l, holes } = sourceLayer((x, y) => 80 + x + 3 * y);
  for (let i = 0; i < l.pix.length; i++) if (i % 4 !== 3) l.pix[i] += 60 * rng.next();
  const known: number[] = [];
  for (let p = 0; p < l.hole.length; p++) if (!l.hole[p]) known.push(p);
  const src = holes.map(() => known[Math.floor(rng.next() * known.length)]);
  return { l, holes, src };
}

describe('meldToSources (packed conjugate gradients)', () => {
  it('gives the same floats and iterations as the one-loop solve it replaced', () => {
    for (const seed of [1, 2, 3]) {
      for (const tol of [1e-2, 1e-4]) {
        const a = noisyCase(seed),
          b = noisyCase(seed);
        expect(Array.from(a.l.pix)).toEqual(Array.from(b.l.pix));
        const itA = referenceMeld(a.l, a.holes, a.src, 400, tol);
        const itB = meldToSources(b.l, b.holes, b.src, 400, tol);
        expect(itB).toBe(itA);
        expect(itA).toBeGreaterThan(3);
        expect(Array.from(b.l.pix)).toEqual(Array.from(a.l.pix));
      }
    }
  });
});

describe('selectKth (the median steps of meld-finish.ts)', () => {
  it('returns what a sort would put at k, also among many equal values', () => {
    const rng = mulberry32(7);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      for (const zeros of [0, 0.5, 0.95, 1]) {
        const a = Float32Array.from({ length: n }, () => (rng.next() < zeros ? 0 : Math.round(rng.next() * 20) / 4));
        const sorted = a.slice().sort();
        for (const k of [0, n >> 1, n - 1]) expect(selectKth(a.slice(), n, k)).toBe(sorted[k]);
      }
    }
  });
});
