/**
 * Randomised nearest-neighbour field (Barnes et al. 2009, "PatchMatch"): for every target patch
 * (a patch overlapping the hole) find a similar fully-known source patch by random
 * initialisation, propagation of good offsets from scan-order neighbours, and random search in
 * shrinking windows. The field is stored per target: `nnf[k]` is the source centre (pixel index)
 * for `targets[k]`, `dist[k]` its summed squared RGB difference.
 */
import type { Level } from './pyramid';
import type { Rng } from './random';
import { patchSsdWithTexture } from './texture-channel';

/** Polled during long passes; throws to abort. */
export type CancelCheck = () => void;

/** How many targets are processed between cancel checks (which also report progress). */
const CANCEL_STRIDE = 2048;
/** Targets per call of the pass's cancel check (progress units for callers). */
export const SEARCH_TICK = CANCEL_STRIDE;

/**
 * Sum of squared RGB differences between the patch at target `t` and the patch at source `s`,
 * over the target patch's pixels that fall inside the level, every `rowStep`-th row and column
 * (from the first one inside). Stops early once `limit` is passed.
 * Sources are always fully inside the level, so only the target side needs clipping.
 * `texture`: compare the alpha slot too (the texture feature of the coarse levels, texture-channel.ts).
 */
export function patchSsd(
  pix: Float32Array,
  w: number,
  h: number,
  r: number,
  t: number,
  s: number,
  limit: number,
  rowStep: number,
  texture = false,
): number {
  if (texture) return patchSsdWithTexture(pix, w, h, r, t, s, limit, rowStep);
  const tx = t % w,
    ty = (t - tx) / w;
  if (r === 3 && rowStep <= 2 && tx >= 3 && ty >= 3 && tx + 3 < w && ty + 3 < h)
    return rowStep === 1 ? patchSsd7(pix, w, t, s, limit) : patchSsd7Sparse(pix, w, t, s, limit);
  const x0 = tx < r ? -tx : -r,
    x1 = tx + r >= w ? w - 1 - tx : r;
  const y0 = ty < r ? -ty : -r,
    y1 = ty + r >= h ? h - 1 - ty : r;
  let sum = 0;
  for (let dy = y0; dy <= y1; dy += rowStep) {
    let ti = (t + dy * w + x0) * 4;
    let si = (s + dy * w + x0) * 4;
    for (let dx = x0; dx <= x1; dx += rowStep) {
      const a = pix[ti] - pix[si],
        b = pix[ti + 1] - pix[si + 1],
        c = pix[ti + 2] - pix[si + 2];
      sum += a * a + b * b + c * c;
      ti += 4 * rowStep;
      si += 4 * rowStep;
    }
    if (sum > limit) return sum;
  }
  return sum;
}

/**
 * {@link patchSsd} for a 7×7 patch (r = 3, the default) that lies fully inside the level: the row
 * unrolled, no clipping. The same sums in the same order, so the same result.
 */
function patchSsd7(pix: Float32Array, w: number, t: number, s: number, limit: number): number {
  let sum = 0;
  const rowStride = w * 4;
  let ti = (t - 3 * w - 3) * 4;
  let si = (s - 3 * w - 3) * 4;
  for (let dy = -3; dy <= 3; dy++, ti += rowStride, si += rowStride) {
    let a = pix[ti] - pix[si],
      b = pix[ti + 1] - pix[si + 1],
      c = pix[ti + 2] - pix[si + 2];
    sum += a * a + b * b + c * c;
    a = pix[ti + 4] - pix[si + 4];
    b = pix[ti + 5] - pix[si + 5];
    c = pix[ti + 6] - pix[si + 6];
    sum += a * a + b * b + c * c;
    a = pix[ti + 8] - pix[si + 8];
    b = pix[ti + 9] - pix[si + 9];
    c = pix[ti + 10] - pix[si + 10];
    sum += a * a + b * b + c * c;
    a = pix[ti + 12] - pix[si + 12];
    b = pix[ti + 13] - pix[si + 13];
    c = pix[ti + 14] - pix[si + 14];
    sum += a * a + b * b + c * c;
    a = pix[ti + 16] - pix[si + 16];
    b = pix[ti + 17] - pix[si + 17];
    c = pix[ti + 18] - pix[si + 18];
    sum += a * a + b * b + c * c;
    a = pix[ti + 20] - pix[si + 20];
    b = pix[ti + 21] - pix[si + 21];
    c = pix[ti + 22] - pix[si + 22];
    sum += a * a + b * b + c * c;
    a = pix[ti + 24] - pix[si + 24];
    b = pix[ti + 25] - pix[si + 25];
    c = pix[ti + 26] - pix[si + 26];
    sum += a * a + b * b + c * c;
    if (sum > limit) return sum;
  }
  return sum;
}

/** {@link patchSsd} for a 7×7 patch inside the level with step 2: rows and columns −3, −1, 1, 3 (16 of 49 pixels). */
function patchSsd7Sparse(pix: Float32Array, w: number, t: number, s: number, limit: number): number {
  let sum = 0;
  const rowStride = 2 * w * 4;
  let ti = (t - 3 * w - 3) * 4;
  let si = (s - 3 * w - 3) * 4;
  for (let dy = -3; dy <= 3; dy += 2, ti += rowStride, si += rowStride) {
    let a = pix[ti] - pix[si],
      b = pix[ti + 1] - pix[si + 1],
      c = pix[ti + 2] - pix[si + 2];
    sum += a * a + b * b + c * c;
    a = pix[ti + 8] - pix[si + 8];
    b = pix[ti + 9] - pix[si + 9];
    c = pix[ti + 10] - pix[si + 10];
    sum += a * a + b * b + c * c;
    a = pix[ti + 16] - pix[si + 16];
    b = pix[ti + 17] - pix[si + 17];
    c = pix[ti + 18] - pix[si + 18];
    sum += a * a + b * b + c * c;
    a = pix[ti + 24] - pix[si + 24];
    b = pix[ti + 25] - pix[si + 25];
    c = pix[ti + 26] - pix[si + 26];
    sum += a * a + b * b + c * c;
    if (sum > limit) return sum;
  }
  return sum;
}

/** Number of target-patch pixels compared by {@link patchSsd} for target `t` (normalises SSDs). */
export function patchArea(w: number, h: number, r: number, t: number, rowStep: number): number {
  const tx = t % w,
    ty = (t - tx) / w;
  const cw = Math.min(w - 1, tx + r) - Math.max(0, tx - r) + 1;
  const chh = Math.min(h - 1, ty + r) - Math.max(0, ty - r) + 1;
  return (Math.floor((cw - 1) / rowStep) + 1) * (Math.floor((chh - 1) / rowStep) + 1);
}

/** A uniformly random valid source centre (rejection sampling, then a raster scan fallback). */
export function randomSource(level: Level, rng: Rng): number {
  const n = level.srcOk.length;
  for (let tries = 0; tries < 64; tries++) {
    const i = rng.int(n);
    if (level.srcOk[i]) return i;
  }
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (level.srcOk[i]) return i;
  }
  return -1;
}

/** Random initial field: every target gets a random valid source. */
export function randomNnf(level: Level, rng: Rng): Int32Array {
  const nnf = new Int32Array(level.targets.length);
  for (let k = 0; k < nnf.length; k++) nnf[k] = randomSource(level, rng);
  return nnf;
}

/**
 * Lifts a coarse field to the next finer level: a target inherits its coarse parent's match,
 * doubled and offset by its position inside the 2×2 block; invalid results are re-drawn.
 */
export function upsampleNnf(fine: Level, coarse: Level, coarseNnf: Int32Array, rng: Rng): Int32Array {
  const { width: w, height: h, targets, srcOk } = fine;
  const cw = coarse.width,
    ch = coarse.height;
  const nnf = new Int32Array(targets.length);
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    const x = t % w,
      y = (t - x) / w;
    const cx = Math.min(x >> 1, cw - 1),
      cy = Math.min(y >> 1, ch - 1);
    const ck = coarse.targetId[cy * cw + cx];
    let s = -1;
    if (ck >= 0) {
      const cs = coarseNnf[ck];
      const csx = cs % cw,
        csy = (cs - csx) / cw;
      const sx = Math.min(w - 1, 2 * csx + (x - 2 * cx));
      const sy = Math.min(h - 1, 2 * csy + (y - 2 * cy));
      const cand = sy * w + sx;
      if (srcOk[cand]) s = cand;
    }
    nnf[k] = s >= 0 ? s : randomSource(fine, rng);
  }
  return nnf;
}

/** Recomputes `dist` for the current image (needed after every vote changes the hole), for targets `[from, to)`. */
export function refreshDistances(level: Level, r: number, nnf: Int32Array, dist: Float32Array, from = 0, to = level.targets.length): void {
  const { pix, width: w, height: h, targets } = level;
  for (let k = from; k < to; k++) dist[k] = patchSsd(pix, w, h, r, targets[k], nnf[k], Infinity, level.rowStep, level.texture);
}

/**
 * One PatchMatch sweep over targets `[from, to)`: propagation from the previous scan-order
 * neighbours (left/up forward, right/down when `reverse`) inside that range, then random search
 * around the current match with radius `searchRadius`, halving down to 1. Only `nnf[k]`/`dist[k]`
 * of the range are written, so disjoint ranges can run on different threads (lanes.ts).
 */
export function patchMatchPass(
  level: Level,
  r: number,
  nnf: Int32Array,
  dist: Float32Array,
  rng: Rng,
  reverse: boolean,
  searchRadius: number,
  checkCancel: CancelCheck,
  from = 0,
  to = level.targets.length,
): void {
  // Blocks of CANCEL_STRIDE targets with the check between them (a callback inside the hot loop made
  // V8 re-optimise it for every different closure); same visiting order and random stream.
  const n = to - from;
  for (let j0 = 0; j0 < n; j0 += CANCEL_STRIDE) {
    if (j0 > 0) checkCancel();
    searchRange(level, r, nnf, dist, rng, reverse, searchRadius, from, to, j0, Math.min(n, j0 + CANCEL_STRIDE));
  }
}

/** Scan positions `[j0, j1)` of {@link patchMatchPass} over targets `[from, to)`. */
function searchRange(
  level: Level,
  r: number,
  nnf: Int32Array,
  dist: Float32Array,
  rng: Rng,
  reverse: boolean,
  searchRadius: number,
  from: number,
  to: number,
  j0: number,
  j1: number,
): void {
  const { pix, width: w, height: h, targets, targetId, srcOk, rowStep, texture } = level;
  const step = reverse ? -1 : 1;
  const lo = r,
    hiX = w - 1 - r,
    hiY = h - 1 - r;
  for (let j = j0; j < j1; j++) {
    const k = reverse ? to - 1 - j : from + j;
    const t = targets[k];
    const tx = t % w,
      ty = (t - tx) / w;
    let best = nnf[k];
    let bestD = dist[k];
    // Propagation: the neighbour's source, shifted by one, is a good guess for us.
    const nx = tx - step;
    if (nx >= 0 && nx < w) {
      const nk = targetId[t - step];
      if (nk >= from && nk < to) {
        const cand = nnf[nk] + step;
        const csx = cand % w;
        if (csx >= lo && csx <= hiX && cand !== best && srcOk[cand]) {
          const d = patchSsd(pix, w, h, r, t, cand, bestD, rowStep, texture);
          if (d < bestD) {
            bestD = d;
            best = cand;
          }
        }
      }
    }
    const ny = ty - step;
    if (ny >= 0 && ny < h) {
      const nk = targetId[t - step * w];
      if (nk >= from && nk < to) {
        const cand = nnf[nk] + step * w;
        if (cand >= 0 && cand < srcOk.length && cand !== best && srcOk[cand]) {
          const d = patchSsd(pix, w, h, r, t, cand, bestD, rowStep, texture);
          if (d < bestD) {
            bestD = d;
            best = cand;
          }
        }
      }
    }
    // Random search in windows of radius searchRadius, searchRadius/2, ..., 1.
    const bx = best % w,
      by = (best - bx) / w;
    for (let rad = searchRadius; rad >= 1; rad >>= 1) {
      let sx = bx + Math.floor((2 * rng.next() - 1) * rad + 0.5);
      let sy = by + Math.floor((2 * rng.next() - 1) * rad + 0.5);
      sx = sx < lo ? lo : sx > hiX ? hiX : sx;
      sy = sy < lo ? lo : sy > hiY ? hiY : sy;
      const cand = sy * w + sx;
      if (cand === best || !srcOk[cand]) continue;
      const d = patchSsd(pix, w, h, r, t, cand, bestD, rowStep, texture);
      if (d < bestD) {
        bestD = d;
        best = cand;
      }
    }
    nnf[k] = best;
    dist[k] = bestD;
  }
}
