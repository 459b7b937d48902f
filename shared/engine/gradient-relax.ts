/**
 * Gradient-domain relaxation of the finest vote towards its sources' own steps (after Darabi et al.
 * 2012, "Image Melding", who vote gradients and integrate them; here a few Gauss–Seidel sweeps of that
 * Poisson problem, started from the vote). The finish (seam.ts) runs it when its detail gain would
 * amplify the vote, then measures the detail again.
 *
 * The finest vote copies each deep hole pixel from the most trusted source; two neighbours copied from
 * unrelated sources then meet in a step that neither source has — on an out-of-focus background the
 * fill is a patchwork of sharp-edged shards, and the finish's detail gain amplifies those steps as if
 * they were texture. Each sweep moves every hole pixel towards the value its neighbours and its
 * source's differences to the same neighbours predict (the known pixels around the hole stay fixed).
 * A step between two sources is inconsistent with both sources' gradients and is spread out; the
 * texture both sources share is kept, and so are the large scales (few sweeps reach only a few
 * pixels), which the finish's membrane sets.
 */
import type { Level } from './pyramid';
import { packedSystem, solveMultigrid, type PackedSystem } from './meld-cg';
import { buildLevels } from './meld-mg';
import { CUT_RECORD, fadeCutSteps, MAX_CUT_SHARE } from './meld-cut';
import type { Layer } from './region';

/**
 * Per entry of `holes`, the source pixel the most trusted patch covering it maps it to (what the
 * finest vote copies into a deep pixel), or −1 when no target patch covers it.
 */
export function bestSources(level: Level, r: number, nnf: Int32Array, weights: Float64Array, holes: Int32Array): Int32Array {
  const { width: w, height: h, targetId } = level;
  const out = new Int32Array(holes.length).fill(-1);
  for (let j = 0; j < holes.length; j++) {
    const p = holes[j];
    const px = p % w,
      py = (p - px) / w;
    const ox0 = Math.max(-r, px - (w - 1)),
      ox1 = Math.min(r, px);
    const oy0 = Math.max(-r, py - (h - 1)),
      oy1 = Math.min(r, py);
    let bestW = -1;
    for (let oy = oy0; oy <= oy1; oy++) {
      for (let ox = ox0; ox <= ox1; ox++) {
        const off = oy * w + ox;
        const k = targetId[p - off];
        if (k < 0 || weights[k] <= bestW) continue;
        bestW = weights[k];
        out[j] = nnf[k] + off;
      }
    }
  }
  return out;
}

/**
 * `sweeps` Gauss–Seidel sweeps over the hole pixels of `layer`: each becomes the mean over its
 * 4-neighbours q of (value at q − guidance p→q), the guidance being the difference between the same
 * neighbours of the sources (the mean of both sources' estimates when q is a hole pixel too; a
 * neighbour whose sources give no estimate is left out). Known pixels are not changed; RGB only.
 * @param src - per entry of `holes`, its source pixel (−1: the pixel is left as it is)
 */
export function relaxToSources(layer: Layer, holes: Int32Array, src: Int32Array, sweeps: number): void {
  const { pix } = layer;
  const n = holes.length;
  const { nbr, count, rhs } = guidance(layer, holes, src);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let j = 0; j < n; j++) {
      const m = count[j];
      if (m === 0) continue;
      let r = 0,
        g = 0,
        b = 0;
      for (let k = j * 4, end = k + m; k < end; k++) {
        const q4 = nbr[k];
        r += pix[q4];
        g += pix[q4 + 1];
        b += pix[q4 + 2];
      }
      const p4 = holes[j] * 4,
        j3 = j * 3;
      pix[p4] = (r - rhs[j3]) / m;
      pix[p4 + 1] = (g - rhs[j3 + 1]) / m;
      pix[p4 + 2] = (b - rhs[j3 + 2]) / m;
    }
  }
}

/**
 * The Poisson system of {@link relaxToSources}: per hole entry its neighbours (pixel × 4), their count, the guidance sum.
 * @param cut - a link to a known pixel q whose step from p's value (the vote) differs from the source's step by more
 *   than this (L1 RGB) is left out and listed in `cuts` (p, q, the source's step × 3: meld-cut.ts); `ringLinks`
 *   counts the links to known pixels, cut or not
 */
export function guidance(
  layer: Layer,
  holes: Int32Array,
  src: Int32Array,
  cut = Infinity,
): { nbr: Int32Array; count: Uint8Array; rhs: Float32Array; srcOf: Int32Array; cuts: number[]; ringLinks: number } {
  const { width: w, height: h, pix, hole } = layer;
  const n = holes.length;
  const srcOf = new Int32Array(w * h).fill(-1);
  for (let j = 0; j < n; j++) srcOf[holes[j]] = src[j];
  const nbr = new Int32Array(n * 4);
  const count = new Uint8Array(n);
  const rhs = new Float32Array(n * 3);
  const cuts: number[] = [];
  let ringLinks = 0;
  for (let j = 0; j < n; j++) {
    const p = holes[j];
    const s = srcOf[p];
    if (s < 0) continue;
    const px = p % w,
      py = (p - px) / w;
    const sx = s % w,
      sy = (s - sx) / w;
    // Neighbours left, right, up, down: (dx, dy) = (−1, 0), (1, 0), (0, −1), (0, 1).
    for (let d = 0; d < 4; d++) {
      const dx = d === 0 ? -1 : d === 1 ? 1 : 0,
        dy = d === 2 ? -1 : d === 3 ? 1 : 0;
      const qx = px + dx,
        qy = py + dy;
      if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
      const q = qy * w + qx;
      // Estimates of value(q) − value(p): from p's source (a: its neighbour there, when known) and,
      // when q is a hole pixel too, from q's source (b: its neighbour on p's side).
      const ax = sx + dx,
        ay = sy + dy;
      const a = ax >= 0 && ay >= 0 && ax < w && ay < h && !hole[ay * w + ax] ? ay * w + ax : -1;
      const sq = hole[q] ? srcOf[q] : -1;
      let b = -1;
      if (sq >= 0) {
        const bx = (sq % w) - dx,
          by = (sq - (sq % w)) / w - dy;
        if (bx >= 0 && by >= 0 && bx < w && by < h && !hole[by * w + bx]) b = by * w + bx;
      }
      if (a < 0 && b < 0) continue;
      const m = a >= 0 && b >= 0 ? 2 : 1;
      if (!hole[q]) {
        ringLinks++;
        const p4 = p * 4,
          q4 = q * 4,
          a4 = a * 4,
          s4 = s * 4;
        const e =
          Math.abs(pix[q4] - pix[p4] - pix[a4] + pix[s4]) +
          Math.abs(pix[q4 + 1] - pix[p4 + 1] - pix[a4 + 1] + pix[s4 + 1]) +
          Math.abs(pix[q4 + 2] - pix[p4 + 2] - pix[a4 + 2] + pix[s4 + 2]);
        if (e > cut) {
          cuts.push(p, q, pix[a4] - pix[s4], pix[a4 + 1] - pix[s4 + 1], pix[a4 + 2] - pix[s4 + 2]);
          continue;
        }
      }
      for (let c = 0; c < 3; c++) {
        let g = 0;
        if (a >= 0) g += pix[a * 4 + c] - pix[s * 4 + c];
        if (b >= 0) g += pix[sq * 4 + c] - pix[b * 4 + c];
        rhs[j * 3 + c] += g / m;
      }
      nbr[j * 4 + count[j]] = q * 4;
      count[j]++;
    }
  }
  return { nbr, count, rhs, srcOf, cuts, ringLinks };
}

/**
 * The relaxation of {@link relaxToSources} solved to convergence (conjugate gradients preconditioned
 * by a multigrid V-cycle, RGB as three systems, meld-cg.ts and meld-mg.ts), started from the vote: every step
 * between two sources is spread over the whole hole, as a Poisson blend of the copied regions (Image
 * Melding's integration). Stops when the residual falls below `tol` × its start or after `maxIter`
 * iterations.
 * @returns the iterations used
 */
export function meldToSources(layer: Layer, holes: Int32Array, src: Int32Array, maxIter: number, tol = 1e-3, cut = Infinity): number {
  const { pix } = layer;
  let g = guidance(layer, holes, src, cut);
  // Most of the ring cut: the vote is off everywhere, not crossed by a few objects — meld it all.
  if (g.cuts.length / CUT_RECORD > MAX_CUT_SHARE * g.ringLinks) g = guidance(layer, holes, src);
  const { nbr, count, rhs, srcOf, cuts } = g;
  const sys = meldSystem(pix, srcOf, holes, nbr, count, rhs);
  const { x, pixel } = sys;
  const px = new Int32Array(sys.ns),
    py = new Int32Array(sys.ns);
  for (let i = 0; i < sys.ns; i++) {
    px[i] = pixel[i] % layer.width;
    py[i] = (pixel[i] - px[i]) / layer.width;
  }
  const it = solveMultigrid(sys, buildLevels(sys.m, sys.start, sys.to, px, py), maxIter, tol);
  for (let i = 0; i < sys.ns; i++) {
    const p4 = pixel[i] * 4,
      i3 = i * 3;
    pix[p4] = x[i3];
    pix[p4 + 1] = x[i3 + 1];
    pix[p4 + 2] = x[i3 + 2];
  }
  if (cuts.length > 0) fadeCutSteps(layer, cuts);
  return it;
}

/** The meld's Poisson system over its solved pixels (hole pixels with estimates), packed; `pixel`: each one's layer index. */
function meldSystem(
  pix: Float32Array,
  at: Int32Array,
  holes: Int32Array,
  nbr: Int32Array,
  count: Uint8Array,
  rhs: Float32Array,
): PackedSystem {
  const n = holes.length;
  // Packed index of each solved pixel (−1: fixed — known, or a hole pixel without estimates), in `at`
  // (one layer-sized scratch array: guidance's sources per pixel, not read after it).
  at.fill(-1);
  let ns = 0;
  for (let j = 0; j < n; j++) if (count[j] > 0) at[holes[j]] = ns++;
  const pixel = new Int32Array(ns),
    m = new Uint8Array(ns),
    start = new Int32Array(ns + 1),
    to = new Int32Array(ns * 4);
  const x = new Float32Array(ns * 3),
    r = new Float32Array(ns * 3),
    d = new Float32Array(ns * 3);
  const rz = new Float64Array(3),
    r0 = new Float64Array(3);
  let links = 0;
  // A x = m x_p − Σ x_q (solved q), b = Σ x_q (fixed q) − rhs; the residual b − A x = Σ x_q (all q) − rhs − m x_p.
  for (let j = 0, i = 0; j < n; j++) {
    const mj = count[j];
    if (mj === 0) continue;
    pixel[i] = holes[j];
    m[i] = mj;
    start[i] = links;
    for (let k = j * 4, end = k + mj; k < end; k++) {
      const q = at[nbr[k] >> 2];
      if (q >= 0) to[links++] = q * 3;
    }
    const p4 = holes[j] * 4,
      i3 = i * 3;
    for (let c = 0; c < 3; c++) {
      x[i3 + c] = pix[p4 + c];
      let s = -rhs[j * 3 + c] - mj * pix[p4 + c];
      for (let k = j * 4, end = k + mj; k < end; k++) s += pix[nbr[k] + c];
      r[i3 + c] = s;
      r0[c] += s * s;
    }
    i++;
  }
  start[ns] = links;
  return packedSystem(ns, m, start, to, x, r, d, rz, r0, pixel);
}
