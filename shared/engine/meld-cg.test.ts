import { describe, expect, it } from 'vitest';
import { guidance, meldToSources } from './gradient-relax';
import { selectKth } from './meld-finish';
import { buildLevels, COARSE_GAIN, type MgLevel, vCycle } from './meld-mg';
import { mulberry32 } from './random';
import { sourceLayer } from './test-helpers';
import type { Layer } from './region';

/**
 * The meld's plain conjugate gradients (diagonal preconditioner, one loop over the hole list, as the meld
 * solved until 2026-12-07), run long: the reference the multigrid-preconditioned solve must reach.
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

describe('meldToSources (multigrid-preconditioned conjugate gradients)', () => {
  it('reaches the converged blend of a long plain solve in a few iterations, and takes fewer the looser the stop', () => {
    for (const seed of [1, 2, 3]) {
      const a = noisyCase(seed),
        b = noisyCase(seed),
        c = noisyCase(seed);
      const itRef = referenceMeld(a.l, a.holes, a.src, 5000, 1e-7);
      expect(itRef).toBeGreaterThan(60);
      const it3 = meldToSources(b.l, b.holes, b.src, 60, 1e-3);
      const it5 = meldToSources(c.l, c.holes, c.src, 60, 1e-5);
      expect(it3).toBeGreaterThanOrEqual(3);
      expect(it3).toBeLessThanOrEqual(10);
      expect(it5).toBeGreaterThan(it3);
      expect(it5).toBeLessThanOrEqual(16);
      let max3 = 0,
        max5 = 0;
      for (const p of a.holes) {
        for (let ch = 0; ch < 3; ch++) {
          const ref = a.l.pix[p * 4 + ch];
          max3 = Math.max(max3, Math.abs(b.l.pix[p * 4 + ch] - ref));
          max5 = Math.max(max5, Math.abs(c.l.pix[p * 4 + ch] - ref));
        }
      }
      expect(max3).toBeLessThan(1);
      expect(max5).toBeLessThan(0.02);
      // Known pixels are not touched.
      for (let p = 0; p < a.l.hole.length; p++) {
        if (!a.l.hole[p]) for (let ch = 0; ch < 4; ch++) expect(b.l.pix[p * 4 + ch]).toBe(a.l.pix[p * 4 + ch]);
      }
    }
  });

  it('gives the same bytes every run', () => {
    const a = noisyCase(4),
      b = noisyCase(4);
    expect(meldToSources(a.l, a.holes, a.src, 60, 1e-3)).toBe(meldToSources(b.l, b.holes, b.src, 60, 1e-3));
    expect(Array.from(b.l.pix)).toEqual(Array.from(a.l.pix));
  });
});

describe('the multigrid levels of the meld (meld-mg.ts)', () => {
  /** The fine system of noisyCase, packed as gradient-relax.ts packs it, and its levels. */
  function levelsOf(seed: number) {
    const { l, holes, src } = noisyCase(seed);
    const { nbr, count } = guidance(l, holes, src);
    const at = new Int32Array(l.hole.length).fill(-1);
    let ns = 0;
    for (let j = 0; j < holes.length; j++) if (count[j] > 0) at[holes[j]] = ns++;
    const m = new Uint8Array(ns),
      start = new Int32Array(ns + 1),
      to: number[] = [],
      px = new Int32Array(ns),
      py = new Int32Array(ns);
    for (let j = 0, i = 0; j < holes.length; j++) {
      if (count[j] === 0) continue;
      m[i] = count[j];
      px[i] = holes[j] % l.width;
      py[i] = Math.floor(holes[j] / l.width);
      for (let k = j * 4; k < j * 4 + count[j]; k++) if (at[nbr[k] >> 2] >= 0) to.push(at[nbr[k] >> 2] * 3);
      start[++i] = to.length;
    }
    return buildLevels(m, start, Int32Array.from(to), px, py);
  }
  const apply = (L: MgLevel, v: Float64Array) =>
    Float64Array.from({ length: L.n }, (_, i) => {
      let s = L.diag[i] * v[i];
      for (let k = L.start[i]; k < L.start[i + 1]; k++) s -= L.wt[k] * v[L.to[k]];
      return s;
    });

  it('coarsens 2 × 2 by position to a few dozen cells, each coarse system Pᵀ A P', () => {
    const levels = levelsOf(1);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    expect(levels[levels.length - 1].n).toBeLessThanOrEqual(48);
    const rng = mulberry32(9);
    for (let l = 0; l + 1 < levels.length; l++) {
      const F = levels[l],
        C = levels[l + 1];
      expect(C.n).toBeLessThanOrEqual(Math.ceil(F.n / 2));
      const u = Float64Array.from({ length: C.n }, () => rng.next() - 0.5);
      const Pu = Float64Array.from({ length: F.n }, (_, i) => u[F.agg[i]]);
      const APu = apply(F, Pu);
      const PtAPu = new Float64Array(C.n);
      for (let i = 0; i < F.n; i++) PtAPu[F.agg[i]] += APu[i];
      const Acu = apply(C, u);
      for (let I = 0; I < C.n; I++) expect(Acu[I]).toBeCloseTo(PtAPu[I], 4);
    }
  });

  /** The V-cycle as written before the finest level's passes were specialised: every level through `to` and `wt`. */
  function referenceCycle(levels: MgLevel[], r: Float32Array, z: Float32Array): void {
    const b = levels.map((L, l) => (l === 0 ? r : new Float32Array(L.n * 3)));
    const x = levels.map((L, l) => (l === 0 ? z : new Float32Array(L.n * 3)));
    const sweep = (l: number, forward: boolean) => {
      const L = levels[l];
      for (let t = 0; t < L.n; t++) {
        const i = forward ? t : L.n - 1 - t;
        const s = [b[l][i * 3], b[l][i * 3 + 1], b[l][i * 3 + 2]];
        for (let k = L.start[i]; k < L.start[i + 1]; k++) for (let c = 0; c < 3; c++) s[c] += L.wt[k] * x[l][L.to[k] * 3 + c];
        for (let c = 0; c < 3; c++) x[l][i * 3 + c] = s[c] * L.inv[i];
      }
    };
    const cycle = (l: number) => {
      const L = levels[l];
      x[l].fill(0);
      if (l === levels.length - 1) {
        for (let s = 0; s < 4; s++) {
          sweep(l, true);
          sweep(l, false);
        }
        return;
      }
      sweep(l, true);
      b[l + 1].fill(0);
      for (let i = 0; i < L.n; i++) {
        const s = [0, 1, 2].map((c) => b[l][i * 3 + c] - L.diag[i] * x[l][i * 3 + c]);
        for (let k = L.start[i]; k < L.start[i + 1]; k++) for (let c = 0; c < 3; c++) s[c] += L.wt[k] * x[l][L.to[k] * 3 + c];
        for (let c = 0; c < 3; c++) b[l + 1][L.agg[i] * 3 + c] += s[c];
      }
      cycle(l + 1);
      for (let i = 0; i < L.n; i++) for (let c = 0; c < 3; c++) x[l][i * 3 + c] += COARSE_GAIN * x[l + 1][L.agg[i] * 3 + c];
      sweep(l, false);
    };
    cycle(0);
  }

  it('gives the same floats as the plain cycle through every level weights (the finest level skips the × 1)', () => {
    for (const seed of [1, 2]) {
      const levels = levelsOf(seed);
      expect(levels[0].unit).toBe(true);
      expect(levels.slice(1).every((L) => !L.unit)).toBe(true);
      const n3 = levels[0].n * 3;
      const rng = mulberry32(seed + 10);
      const r = Float32Array.from({ length: n3 }, () => rng.next() * 40 - 20);
      const z = new Float32Array(n3),
        ref = new Float32Array(n3);
      vCycle(levels, r, z);
      referenceCycle(levels, r, ref);
      expect(Buffer.from(z.buffer).equals(Buffer.from(ref.buffer))).toBe(true);
    }
  });

  it('is a symmetric positive definite preconditioner (u · M v = v · M u, u · M u > 0)', () => {
    const levels = levelsOf(2);
    const n3 = levels[0].n * 3;
    const rng = mulberry32(5);
    const u = Float32Array.from({ length: n3 }, () => rng.next() - 0.5),
      v = Float32Array.from({ length: n3 }, () => rng.next() - 0.5);
    const Mu = new Float32Array(n3),
      Mv = new Float32Array(n3);
    vCycle(levels, u, Mu);
    vCycle(levels, v, Mv);
    let uMv = 0,
      vMu = 0,
      uMu = 0;
    for (let i = 0; i < n3; i++) {
      uMv += u[i] * Mv[i];
      vMu += v[i] * Mu[i];
      uMu += u[i] * Mu[i];
    }
    expect(Math.abs(uMv - vMu)).toBeLessThan(1e-4 * Math.abs(uMu));
    expect(uMu).toBeGreaterThan(0);
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

describe('the multigrid levels of an island without a fixed neighbour', () => {
  it('give finite corrections where the coarse cell has no diagonal', () => {
    // Rows 0, 1: a pair at (0, 0), (1, 0) linked only to each other (m = 1 each: a singular block, one
    // cell from level 1 on). Rows 2..101: a 10 × 10 patch at (4..13, 0..9), fixed ring all around.
    const px: number[] = [0, 1],
      py: number[] = [0, 0],
      m: number[] = [1, 1],
      to: number[] = [3, 0],
      start: number[] = [0, 1, 2];
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 10; x++) {
        px.push(4 + x);
        py.push(y);
        m.push(4);
        const row = 2 + y * 10 + x;
        if (x > 0) to.push((row - 1) * 3);
        if (x < 9) to.push((row + 1) * 3);
        if (y > 0) to.push((row - 10) * 3);
        if (y < 9) to.push((row + 10) * 3);
        start.push(to.length);
      }
    }
    const levels = buildLevels(Uint8Array.from(m), Int32Array.from(start), Int32Array.from(to), Int32Array.from(px), Int32Array.from(py));
    expect(levels.length).toBeGreaterThanOrEqual(2);
    const r = Float32Array.from({ length: 102 * 3 }, (_, i) => ((i * 7) % 5) - 2),
      z = new Float32Array(102 * 3);
    vCycle(levels, r, z);
    for (const v of z) expect(Number.isFinite(v)).toBe(true);
  });
});
