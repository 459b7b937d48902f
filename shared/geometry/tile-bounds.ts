/**
 * A lower bound on the number of outpaint tiles, computed without placing any tile, so tests
 * can check the planner is minimal.
 *
 * Along one axis (notation of strip-solver.ts) a tile of extent E must overlap known pixels by
 * c(E) = max(64, feather, ⌈¼E⌉), and the overlap cannot exceed the known length K (original
 * plus everything generated so far). So:
 * - a tile adding pixels on one side adds at most best(K) = max{E − c(E) : E allowed, c(E) ≤ K};
 * - a tile adding on both sides spans the whole known interval, so it adds exactly E − K, at
 *   most span(K) = max{E : E allowed, c(E) ≤ K} − K;
 * - a side never receives more than it lacks.
 * Forget where tiles sit and keep only these rules ("relaxation R"); every real plan is an
 * R-plan, so the fewest R-moves is a lower bound. R is solved exactly by breadth-first search on
 * (left added, right added, pool): a both-sides tile's pixels go to a pool that is assigned to
 * the sides at the end, and a state is dropped only when another beats it on all three. For a
 * fixed sequence of move kinds taking the largest gain is never worse (best(K) and span(K) + K
 * are non-decreasing in K), so each move kind has one successor.
 *
 * Worked example: 1:1 → 8:1 with gpt-image-2 (aspect ≤ 3:1, H = 1000): E ≤ 3000, c = 750,
 * best = 2250 once K ≥ 750, so each 3500 px side needs ⌈3500 / 2250⌉ = 2 tiles; a both-sides
 * tile adds at most 3000 − 1000 = 2000 and leaves 5000 px = 3 more tiles. The bound is 4.
 * (With the 1.5 % stretch tolerance E ≤ 3045 and best = 2283; still 4.)
 *
 * For two-axis extensions the bound is the sum of the per-phase bounds of the better phase
 * order, i.e. minimal within the rows-then-columns strategy of outpaint-phases.ts.
 */

import type { OutpaintInput, Phase } from './outpaint-phases';
import { resolveOutpaint } from './outpaint-phases';
import type { StripProblem } from './strip-solver';
import { extentIntervals, minContext } from './strip-solver';

/**
 * Fewest tiles any plan for this job can use (see the module comment for the proof).
 * @returns 0 when nothing is new, `Infinity` when no legal tile sequence exists,
 *   `undefined` for an unknown/retired model or a bad original.
 */
export function minimumTileCount(input: OutpaintInput): number | undefined {
  const job = resolveOutpaint(input);
  if (!job.ok) return undefined;
  const c = input.canvas;
  const o = input.original;
  const hasNew = o.x > 0 || o.y > 0 || o.x + o.width < c.width || o.y + o.height < c.height;
  if (!hasNew) return 0;
  if (job.spec.sizeRule.kind === 'any') return 1;
  const total = (phases: readonly Phase[]): number => phases.reduce((sum, ph) => sum + stripLowerBound(ph.problem, job.tolerance), 0);
  return Math.min(total(job.orders.xThenY), total(job.orders.yThenX));
}

/**
 * Lower bound on tiles for one axis (see the module comment). `Infinity` when impossible.
 * @param limit - stop searching past this many tiles and return `limit + 1` (a valid bound).
 */
export function stripLowerBound(p: StripProblem, tolerance: number, limit = 1000): number {
  const [k0, k1] = p.known;
  const needL = k0;
  const needR = p.length - k1;
  const need = needL + needR;
  if (need === 0) return 0;
  // Allowed extents ascending; c(E) is non-decreasing, so {E : c(E) ≤ K} is a prefix.
  const extents: number[] = [];
  for (const [a, b] of extentIntervals(p, tolerance)) for (let e = a; e <= b; e++) extents.push(e);
  extents.sort((x, y) => x - y);
  const ctx = extents.map((e) => minContext(e, p.context));
  const bestGain: number[] = [];
  for (let i = 0; i < extents.length; i++) bestGain.push(Math.max(bestGain[i - 1] ?? 0, extents[i] - ctx[i]));
  if (bestGain.length === 0 || bestGain[bestGain.length - 1] <= 0) return Infinity;
  if (Math.ceil(need / bestGain[bestGain.length - 1]) > limit) return limit + 1;
  const prefixEnd = (known: number): number => {
    let lo = 0;
    let hi = extents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ctx[mid] <= known) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  interface R {
    readonly a: number;
    readonly b: number;
    readonly t: number;
  }
  let level: R[] = [{ a: 0, b: 0, t: 0 }];
  for (let moves = 1; level.length > 0; moves++) {
    if (moves > limit) return limit + 1;
    const next: R[] = [];
    for (const s of level) {
      const known = k1 - k0 + s.t;
      const n = prefixEnd(known);
      if (n === 0) continue;
      const best = bestGain[n - 1];
      const span = extents[n - 1] - known;
      if (best > 0 && s.a < needL) {
        const a = Math.min(needL, s.a + best);
        next.push({ a, b: s.b, t: Math.min(need, s.t + a - s.a) });
      }
      if (best > 0 && s.b < needR) {
        const b = Math.min(needR, s.b + best);
        next.push({ a: s.a, b, t: Math.min(need, s.t + b - s.b) });
      }
      if (span > 0 && needL > 0 && needR > 0) next.push({ a: s.a, b: s.b, t: Math.min(need, s.t + span) });
    }
    if (next.some((s) => s.t >= need)) return moves;
    level = next.filter((s, i) => !next.some((o, j) => j !== i && dominates(o, s, j < i)));
  }
  return Infinity;
}

/**
 * `o` is at least as good as `s`: no less added on either side and no smaller pool. (Comparing
 * totals instead would be wrong: pooled pixels can still go to whichever side needs them.)
 * Exact ties keep the earlier state only.
 */
function dominates(o: { a: number; b: number; t: number }, s: { a: number; b: number; t: number }, earlier: boolean): boolean {
  const fo = o.t - o.a - o.b;
  const fs = s.t - s.a - s.b;
  const geq = o.a >= s.a && o.b >= s.b && fo >= fs;
  const same = o.a === s.a && o.b === s.b && fo === fs;
  return geq && (!same || earlier);
}
