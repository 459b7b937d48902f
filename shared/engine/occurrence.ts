/**
 * PatchMatch with an occurrence penalty (as in Kaspar et al. 2015, "Self Tuning Texture
 * Optimization", and the completeness term of Photoshop's fill): a source area that the field
 * already copies from pays for every further copy, so one distinctive piece of the surroundings is
 * not stamped over the whole hole. Counts are kept per bin of b × b source centres (b = r + 1): a
 * coherent copy of a region puts about b² targets into each of its bins (b² × targets ÷ sources when
 * the level has fewer sources than targets). {@link FREE_COPIES} such copies are free; a candidate in
 * a bin used more pays `weight` × the level's mean patch distance × (uses − free) ÷ free.
 *
 * `dist` stays the plain patch distance (the vote's weights use it); only the choice pays.
 * Used on the levels that run on one thread (counts are updated as the scan goes, so the order matters).
 */
import { patchSsd, type CancelCheck } from './patchmatch';
import type { Level } from './pyramid';
import type { Rng } from './random';

/**
 * Copies of a source area that pay nothing. With 1, holes whose texture is scarce around them were
 * pushed to the common one (autumn-valley's box: grass rose into the larches, −1.3 dB), and desk-stuff's
 * edge hole took a piece of a coin on 4 of 8 seeds; 2 kept foliage-branch's box free of stamped wing
 * edges as well (docs/benchmarks.md, helper B8).
 */
const FREE_COPIES = 2;
/** Targets between cancel checks. */
const CHECK_STRIDE = 2048;

/** One PatchMatch sweep over all targets of `level` (see `patchMatchPass`) whose choice pays an occurrence penalty. */
export function occurrencePass(
  level: Level,
  r: number,
  nnf: Int32Array,
  dist: Float32Array,
  rng: Rng,
  reverse: boolean,
  searchRadius: number,
  checkCancel: CancelCheck,
  weight: number,
): void {
  const { pix, width: w, height: h, targets, targetId, srcOk, rowStep, texture, sourceCount } = level;
  const n = targets.length;
  const b = r + 1;
  const bw = Math.ceil(w / b);
  const count = new Float64Array(bw * Math.ceil(h / b));
  const binOf = (s: number) => {
    const sx = s % w;
    return (((s - sx) / w / b) | 0) * bw + ((sx / b) | 0);
  };
  let dSum = 0;
  for (let k = 0; k < n; k++) {
    count[binOf(nnf[k])]++;
    dSum += dist[k];
  }
  // Free uses per bin: one coherent copy, or more when the hole needs more patches than there are sources.
  const free = FREE_COPIES * b * b * Math.max(1, n / Math.max(1, sourceCount));
  const unit = (weight * dSum) / Math.max(1, n) / free;
  const penalty = (c: number) => (c > free ? (c - free) * unit : 0);
  const step = reverse ? -1 : 1;
  const lo = r,
    hiX = w - 1 - r,
    hiY = h - 1 - r;
  for (let j = 0; j < n; j++) {
    if (j > 0 && j % CHECK_STRIDE === 0) checkCancel();
    const k = reverse ? n - 1 - j : j;
    const t = targets[k];
    const tx = t % w,
      ty = (t - tx) / w;
    const start = nnf[k];
    const startBin = binOf(start);
    let best = start;
    let bestD = dist[k];
    let bestCost = bestD + penalty(count[startBin]);
    // A candidate in another bin than the current source would add one use there.
    const consider = (cand: number) => {
      const cb = binOf(cand);
      const pen = penalty(count[cb] + (cb === startBin ? 0 : 1));
      if (pen >= bestCost) return;
      const d = patchSsd(pix, w, h, r, t, cand, bestCost - pen, rowStep, texture);
      if (d + pen < bestCost) {
        bestCost = d + pen;
        bestD = d;
        best = cand;
      }
    };
    const nx = tx - step;
    if (nx >= 0 && nx < w) {
      const nk = targetId[t - step];
      if (nk >= 0) {
        const cand = nnf[nk] + step;
        const csx = cand % w;
        if (csx >= lo && csx <= hiX && cand !== best && srcOk[cand]) consider(cand);
      }
    }
    const ny = ty - step;
    if (ny >= 0 && ny < h) {
      const nk = targetId[t - step * w];
      if (nk >= 0) {
        const cand = nnf[nk] + step * w;
        if (cand >= 0 && cand < srcOk.length && cand !== best && srcOk[cand]) consider(cand);
      }
    }
    const bx = best % w,
      by = (best - bx) / w;
    for (let rad = searchRadius; rad >= 1; rad >>= 1) {
      let sx = bx + Math.floor((2 * rng.next() - 1) * rad + 0.5);
      let sy = by + Math.floor((2 * rng.next() - 1) * rad + 0.5);
      sx = sx < lo ? lo : sx > hiX ? hiX : sx;
      sy = sy < lo ? lo : sy > hiY ? hiY : sy;
      const cand = sy * w + sx;
      if (cand === best || !srcOk[cand]) continue;
      consider(cand);
    }
    if (best !== start) {
      count[startBin]--;
      count[binOf(best)]++;
    }
    nnf[k] = best;
    dist[k] = bestD;
  }
}
