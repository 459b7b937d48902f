/**
 * A multigrid preconditioner for the meld's conjugate gradients (meld-cg.ts): the packed system's
 * solved pixels are aggregated 2 × 2 by their position, level after level, and each coarse system is
 * the Galerkin product Pᵀ A P with P piecewise constant — so every level keeps the fine one's form
 * (a diagonal and weighted links to at most 4 neighbouring cells) and the hole's irregular shape and
 * its fixed ring need no special case. One application is a V-cycle: a forward Gauss–Seidel sweep
 * from zero, the residual summed into the coarse cells, the coarse correction (scaled by `COARSE_GAIN`)
 * added back, a backward sweep; the coarsest level gets a few symmetric sweeps. The cycle is a fixed
 * symmetric linear operator, so the conjugate gradients stay conjugate gradients. RGB interleaved.
 */

/** One level: `diag` and links (`to`: row index, `wt`: the link's weight, A x = diag x − Σ wt x_to). */
export interface MgLevel {
  n: number;
  diag: Float32Array;
  /**
   * 1 / diag, or 0 where diag is 0: a cell whose pixels link only to each other (an island of the hole
   * without a fixed neighbour, whose system is singular) gets no correction there instead of NaN.
   */
  inv: Float64Array;
  start: Int32Array;
  to: Int32Array;
  /** `to` × 3 (the linked row's first RGB entry). */
  to3: Int32Array;
  wt: Float32Array;
  /** Every link weighs 1 (the finest level): its passes skip the multiplications by `wt` (× 1 is exact). */
  unit: boolean;
  /** Per row, its cell on the next coarser level (empty on the coarsest). */
  agg: Int32Array;
  /** Right-hand side and solution of this level's correction (RGB). */
  b: Float32Array;
  x: Float32Array;
}

/** Stop coarsening at this many cells (the coarsest level's symmetric sweeps solve it well enough). */
const COARSEST = 48;
const COARSEST_SWEEPS = 4;
/** Piecewise-constant aggregation's coarse correction is too small; this over-correction offsets it. */
export const COARSE_GAIN = 1.6;

/**
 * The levels for a packed system: `m`/`start`/`to3` as in meld-cg.ts (to3: neighbour × 3, weight 1),
 * `px`/`py` each row's pixel position.
 */
export function buildLevels(m: Uint8Array, start: Int32Array, to3: Int32Array, px: Int32Array, py: Int32Array): MgLevel[] {
  const n = m.length;
  const links = start[n];
  const to = new Int32Array(links),
    wt = new Float32Array(links).fill(1);
  for (let k = 0; k < links; k++) to[k] = to3[k] / 3;
  const diag = new Float32Array(n);
  for (let i = 0; i < n; i++) diag[i] = m[i];
  // The top level's b and x are the conjugate gradients' r and z (set by vCycle), so it allocates none.
  let level = makeLevel(n, diag, start, to, wt, to3, 0);
  const levels = [level];
  let x = px,
    y = py;
  while (level.n > COARSEST && levels.length < 16) {
    const next = coarsen(level, x, y);
    if (next.level.n > level.n * 0.7) {
      level.agg = new Int32Array(0);
      break;
    }
    levels.push(next.level);
    level = next.level;
    x = next.x;
    y = next.y;
  }
  return levels;
}

/**
 * A level (one object shape for all, so the passes see one map). `to3`: the links × 3, given on the
 * finest level (whose weights are all 1: `unit`); `rhs`: entries of b and x (0 on the finest level).
 */
function makeLevel(
  n: number,
  diag: Float32Array,
  start: Int32Array,
  to: Int32Array,
  wt: Float32Array,
  to3: Int32Array | null,
  rhs: number,
): MgLevel {
  const inv = new Float64Array(n);
  for (let i = 0; i < n; i++) inv[i] = diag[i] > 0 ? 1 / diag[i] : 0;
  let t3 = to3;
  if (!t3) {
    t3 = new Int32Array(to.length);
    for (let k = 0; k < to.length; k++) t3[k] = to[k] * 3;
  }
  return {
    n,
    diag,
    inv,
    start,
    to,
    to3: t3,
    wt,
    unit: to3 !== null,
    agg: new Int32Array(0),
    b: new Float32Array(rhs),
    x: new Float32Array(rhs),
  };
}

/** The next level: cells of 2 × 2 rows by position (in order of first appearance), A_c = Pᵀ A P. */
function coarsen(f: MgLevel, x: Int32Array, y: Int32Array): { level: MgLevel; x: Int32Array; y: Int32Array } {
  const { n, diag, start, to, wt } = f;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const cx = x[i] >> 1,
      cy = y[i] >> 1;
    if (cx < x0) x0 = cx;
    if (cx > x1) x1 = cx;
    if (cy < y0) y0 = cy;
    if (cy > y1) y1 = cy;
  }
  const bw = x1 - x0 + 1;
  const cellOf = new Int32Array(bw * (y1 - y0 + 1)).fill(-1);
  const agg = new Int32Array(n);
  // At most n cells: their positions fill the first nc entries.
  const cxs = new Int32Array(n),
    cys = new Int32Array(n);
  let nc = 0;
  for (let i = 0; i < n; i++) {
    const cx = x[i] >> 1,
      cy = y[i] >> 1;
    const key = (cy - y0) * bw + (cx - x0);
    if (cellOf[key] < 0) {
      cellOf[key] = nc;
      cxs[nc] = cx;
      cys[nc] = cy;
      nc++;
    }
    agg[i] = cellOf[key];
  }
  f.agg = agg;
  // Links between cells join 4-neighbouring cells only (the fine links join 4-neighbours): 4 slots a row.
  const cdiag = new Float32Array(nc),
    slotTo = new Int32Array(nc * 4),
    slotWt = new Float32Array(nc * 4),
    cnt = new Uint8Array(nc);
  for (let i = 0; i < n; i++) {
    const I = agg[i];
    cdiag[I] += diag[i];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const J = agg[to[k]];
      if (J === I) {
        cdiag[I] -= wt[k];
        continue;
      }
      let s = I * 4;
      const e = s + cnt[I];
      while (s < e && slotTo[s] !== J) s++;
      if (s === e) {
        slotTo[s] = J;
        cnt[I]++;
      }
      slotWt[s] += wt[k];
    }
  }
  const cstart = new Int32Array(nc + 1);
  for (let I = 0; I < nc; I++) cstart[I + 1] = cstart[I] + cnt[I];
  const cto = new Int32Array(cstart[nc]),
    cwt = new Float32Array(cstart[nc]);
  for (let I = 0; I < nc; I++) {
    for (let s = 0; s < cnt[I]; s++) {
      cto[cstart[I] + s] = slotTo[I * 4 + s];
      cwt[cstart[I] + s] = slotWt[I * 4 + s];
    }
  }
  return { level: makeLevel(nc, cdiag, cstart, cto, cwt, null, nc * 3), x: cxs.subarray(0, nc), y: cys.subarray(0, nc) };
}

/** z = M⁻¹ r: one V-cycle over `levels` (r and z RGB, the fine level's rows). */
export function vCycle(levels: MgLevel[], r: Float32Array, z: Float32Array): void {
  const top = levels[0];
  top.b = r;
  top.x = z;
  cycle(levels, 0);
}

function cycle(levels: MgLevel[], l: number): void {
  const L = levels[l];
  L.x.fill(0);
  if (l === levels.length - 1) {
    for (let s = 0; s < COARSEST_SWEEPS; s++) {
      sweep(L, true);
      sweep(L, false);
    }
    return;
  }
  sweep(L, true);
  const C = levels[l + 1];
  restrictResidual(L, C.b);
  cycle(levels, l + 1);
  prolong(L, C.x);
  sweep(L, false);
}

/** One Gauss–Seidel sweep over the level's rows, forward or backward. */
function sweep(L: MgLevel, forward: boolean): void {
  if (L.unit) {
    if (forward) sweepUnitForward(L);
    else sweepUnitBackward(L);
    return;
  }
  const { n, inv, start, to3, wt, b, x } = L;
  for (let t = 0; t < n; t++) {
    const i = forward ? t : n - 1 - t;
    const i3 = i * 3;
    let s0 = b[i3],
      s1 = b[i3 + 1],
      s2 = b[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to3[k],
        w = wt[k];
      s0 += w * x[q3];
      s1 += w * x[q3 + 1];
      s2 += w * x[q3 + 2];
    }
    const di = inv[i];
    x[i3] = s0 * di;
    x[i3 + 1] = s1 * di;
    x[i3 + 2] = s2 * di;
  }
}

/**
 * {@link sweep} forward on the finest level (weights 1), whose first sweep starts from x = 0 (the
 * cycle clears it): the same sums in the same order without the × 1.
 */
function sweepUnitForward(L: MgLevel): void {
  const { n, inv, start, to3, b, x } = L;
  for (let i = 0, i3 = 0; i < n; i++, i3 += 3) {
    let s0 = b[i3],
      s1 = b[i3 + 1],
      s2 = b[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to3[k];
      s0 += x[q3];
      s1 += x[q3 + 1];
      s2 += x[q3 + 2];
    }
    const di = inv[i];
    x[i3] = s0 * di;
    x[i3 + 1] = s1 * di;
    x[i3 + 2] = s2 * di;
  }
}

/** {@link sweep} backward on the finest level (weights 1). */
function sweepUnitBackward(L: MgLevel): void {
  const { n, inv, start, to3, b, x } = L;
  for (let i = n - 1, i3 = i * 3; i >= 0; i--, i3 -= 3) {
    let s0 = b[i3],
      s1 = b[i3 + 1],
      s2 = b[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to3[k];
      s0 += x[q3];
      s1 += x[q3 + 1];
      s2 += x[q3 + 2];
    }
    const di = inv[i];
    x[i3] = s0 * di;
    x[i3 + 1] = s1 * di;
    x[i3 + 2] = s2 * di;
  }
}

/** bc = Pᵀ (b − A x). */
function restrictResidual(L: MgLevel, bc: Float32Array): void {
  if (L.unit) {
    restrictUnit(L, bc);
    return;
  }
  const { n, diag, start, to3, wt, b, x, agg } = L;
  bc.fill(0);
  for (let i = 0, i3 = 0; i < n; i++, i3 += 3) {
    const di = diag[i];
    let s0 = b[i3] - di * x[i3],
      s1 = b[i3 + 1] - di * x[i3 + 1],
      s2 = b[i3 + 2] - di * x[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to3[k],
        w = wt[k];
      s0 += w * x[q3];
      s1 += w * x[q3 + 1];
      s2 += w * x[q3 + 2];
    }
    const c3 = agg[i] * 3;
    bc[c3] += s0;
    bc[c3 + 1] += s1;
    bc[c3 + 2] += s2;
  }
}

/** {@link restrictResidual} on the finest level (weights 1): the same sums without the × 1. */
function restrictUnit(L: MgLevel, bc: Float32Array): void {
  const { n, diag, start, to3, b, x, agg } = L;
  bc.fill(0);
  for (let i = 0, i3 = 0; i < n; i++, i3 += 3) {
    const di = diag[i];
    let s0 = b[i3] - di * x[i3],
      s1 = b[i3 + 1] - di * x[i3 + 1],
      s2 = b[i3 + 2] - di * x[i3 + 2];
    for (let k = start[i], end = start[i + 1]; k < end; k++) {
      const q3 = to3[k];
      s0 += x[q3];
      s1 += x[q3 + 1];
      s2 += x[q3 + 2];
    }
    const c3 = agg[i] * 3;
    bc[c3] += s0;
    bc[c3 + 1] += s1;
    bc[c3 + 2] += s2;
  }
}

/** x += COARSE_GAIN · P xc. */
function prolong(L: MgLevel, xc: Float32Array): void {
  const { n, x, agg } = L;
  for (let i = 0, i3 = 0; i < n; i++, i3 += 3) {
    const c3 = agg[i] * 3;
    x[i3] += COARSE_GAIN * xc[c3];
    x[i3 + 1] += COARSE_GAIN * xc[c3 + 1];
    x[i3 + 2] += COARSE_GAIN * xc[c3 + 2];
  }
}
