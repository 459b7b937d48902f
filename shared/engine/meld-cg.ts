/**
 * The conjugate gradients of the meld (gradient-relax.ts `meldToSources`) over a packed system: the
 * solved pixels in dense arrays, each with its count m (the diagonal) and its links to other solved
 * pixels (CSR, entries × 3); A x = m x_p − Σ x_q over the links, RGB as three systems solved together.
 * Preconditioned by one multigrid V-cycle per iteration (meld-mg.ts): bokeh-dandelion's box (139 k
 * pixels) reaches 0.1 % of the starting residual in 9 iterations, where the diagonal preconditioner took
 * 397 (and 89 to the 1 % the meld stopped at until 2026-12-07). Each pass is its own small loop, which
 * V8 optimises better than one long function.
 */
import { type MgLevel, vCycle } from './meld-mg';

/** A packed system: x the unknowns, r = b − A x, d the search direction, ad = A d (RGB per pixel). */
export interface PackedSystem {
  ns: number;
  m: Uint8Array;
  start: Int32Array;
  to: Int32Array;
  x: Float32Array;
  r: Float32Array;
  d: Float32Array;
  ad: Float32Array;
  /**
   * r · M⁻¹ r per channel (the solver's), and r · r at the start (the stopping rule's reference).
   * Typed arrays: a `[0, 0, 0]` array's elements kind went from Smi to double while the solver ran.
   */
  rz: Float64Array;
  r0: Float64Array;
  /** Each row's pixel (the caller's index). */
  pixel: Int32Array;
}

/**
 * The system as one object literal of one shape: a spread `{ ...packedSystem(…), pixel }` got a map
 * that did not outlive a GC (a new one most fills), so the solver's optimised code deoptimised on
 * "wrong map" fill after fill.
 */
export function packedSystem(
  ns: number,
  m: Uint8Array,
  start: Int32Array,
  to: Int32Array,
  x: Float32Array,
  r: Float32Array,
  d: Float32Array,
  rz: Float64Array,
  r0: Float64Array,
  pixel: Int32Array,
): PackedSystem {
  return { ns, m, start, to, x, r, d, ad: new Float32Array(ns * 3), rz, r0, pixel };
}

/**
 * Conjugate gradients preconditioned by one multigrid V-cycle (meld-mg.ts) per iteration, from x, until
 * the residual r · r is below `tol`² × its start (per channel) or after `maxIter` iterations.
 * @returns the iterations used
 */
export function solveMultigrid(sys: PackedSystem, levels: MgLevel[], maxIter: number, tol: number): number {
  const { ns, x, r, d, ad, rz, r0 } = sys;
  const limit0 = r0[0] * tol * tol,
    limit1 = r0[1] * tol * tol,
    limit2 = r0[2] * tol * tol;
  const z = new Float32Array(ns * 3);
  const sums = new Float64Array(6);
  vCycle(levels, r, z);
  dots(ns, r, z, sums);
  d.set(z);
  for (let c = 0; c < 3; c++) rz[c] = sums[c];
  if (r0[0] <= limit0 && r0[1] <= limit1 && r0[2] <= limit2) return 0;
  let it = 0;
  for (; it < maxIter; it++) {
    applyMeld(sys, sums);
    const a0 = sums[0] > 0 ? rz[0] / sums[0] : 0,
      a1 = sums[1] > 0 ? rz[1] / sums[1] : 0,
      a2 = sums[2] > 0 ? rz[2] / sums[2] : 0;
    stepResidual(ns, x, r, d, ad, a0, a1, a2, sums);
    if (sums[3] <= limit0 && sums[4] <= limit1 && sums[5] <= limit2) {
      it++;
      break;
    }
    vCycle(levels, r, z);
    dots(ns, r, z, sums);
    const b0 = rz[0] > 0 ? sums[0] / rz[0] : 0,
      b1 = rz[1] > 0 ? sums[1] / rz[1] : 0,
      b2 = rz[2] > 0 ? sums[2] / rz[2] : 0;
    for (let i3 = 0, n3 = ns * 3; i3 < n3; i3 += 3) {
      d[i3] = z[i3] + b0 * d[i3];
      d[i3 + 1] = z[i3 + 1] + b1 * d[i3 + 1];
      d[i3 + 2] = z[i3 + 2] + b2 * d[i3 + 2];
    }
    rz[0] = sums[0];
    rz[1] = sums[1];
    rz[2] = sums[2];
  }
  return it;
}

/** `sums[0..2]` = r · z per channel. */
function dots(ns: number, r: Float32Array, z: Float32Array, sums: Float64Array): void {
  let s0 = 0,
    s1 = 0,
    s2 = 0;
  for (let i3 = 0, n3 = ns * 3; i3 < n3; i3 += 3) {
    s0 += r[i3] * z[i3];
    s1 += r[i3 + 1] * z[i3 + 1];
    s2 += r[i3 + 2] * z[i3 + 2];
  }
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
}

/** x += a d, r −= a A d; `sums[3..5]` = the new r · r per channel. */
function stepResidual(
  ns: number,
  x: Float32Array,
  r: Float32Array,
  d: Float32Array,
  ad: Float32Array,
  a0: number,
  a1: number,
  a2: number,
  sums: Float64Array,
): void {
  let rr0 = 0,
    rr1 = 0,
    rr2 = 0;
  for (let i3 = 0, n3 = ns * 3; i3 < n3; i3 += 3) {
    x[i3] += a0 * d[i3];
    x[i3 + 1] += a1 * d[i3 + 1];
    x[i3 + 2] += a2 * d[i3 + 2];
    const e0 = r[i3] - a0 * ad[i3],
      e1 = r[i3 + 1] - a1 * ad[i3 + 1],
      e2 = r[i3 + 2] - a2 * ad[i3 + 2];
    r[i3] = e0;
    r[i3 + 1] = e1;
    r[i3 + 2] = e2;
    rr0 += e0 * e0;
    rr1 += e1 * e1;
    rr2 += e2 * e2;
  }
  sums[3] = rr0;
  sums[4] = rr1;
  sums[5] = rr2;
}

/** ad = A d; `sums[0..2]` = d · A d per channel. */
function applyMeld(sys: PackedSystem, sums: Float64Array): void {
  const { ns, m, start, to, d, ad } = sys;
  let dad0 = 0,
    dad1 = 0,
    dad2 = 0;
  for (let i = 0, i3 = 0; i < ns; i++, i3 += 3) {
    const mi = m[i];
    let s0 = mi * d[i3],
      s1 = mi * d[i3 + 1],
      s2 = mi * d[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to[k];
      s0 -= d[q3];
      s1 -= d[q3 + 1];
      s2 -= d[q3 + 2];
    }
    ad[i3] = s0;
    ad[i3 + 1] = s1;
    ad[i3 + 2] = s2;
    dad0 += d[i3] * s0;
    dad1 += d[i3 + 1] * s1;
    dad2 += d[i3 + 2] * s2;
  }
  sums[0] = dad0;
  sums[1] = dad1;
  sums[2] = dad2;
}
