/**
 * The one-dimensional core of outpaint tiling.
 *
 * Along one axis the canvas is `[0, length)`, the known pixels are `[k0, k1)`, and every tile
 * spans the full cross extent `cross` (a taller tile would leave the canvas; a shorter one only
 * shrinks the extent the model's aspect limit allows). A tile is `[start, start + extent)` with
 * `extent / cross` an aspect the model produces, and it must overlap the known pixels by at least
 * {@link minContext} px. Each tile turns its span into known pixels, so the known span grows as
 * an interval.
 *
 * The solver is a breadth-first search over known intervals: level n holds every interval
 * reachable with n tiles, pruned to the Pareto front (an interval containing another is never
 * worse: any tile legal from the smaller one is legal from the larger). Candidate tiles per step
 * are the extremes that matter: the longest extent, the longest the available context allows,
 * and the shortest that finishes a side or both, each pushed as far into the unknown as its
 * minimum context permits; plus tiles spanning the known interval, split between the sides so
 * that a side's remainder is a whole number of full tiles. Candidates are not proven complete;
 * tile-bounds.ts gives the independent lower bound the plans are tested against.
 *
 * The Pareto front keeps reach, not cost, so with unknown pixels on both sides each side is also
 * solved on its own, and the two taken together when that needs no more tiles and is no worse by
 * `better` (price, then chain of waits, then extent): a 4:1 extension around the centre was "one
 * tile across the photo, then the rest of the other side, made of the first's answer", and is now
 * one tile per side — 26 % less extent, and two requests that need not wait for each other (a
 * cost-aware front found the same but took seconds on list-sized models).
 */

import { blendReach } from './tile-order';

/** Context rule: overlap with known px ≥ max(minPx, featherPx, ceil(fraction × extent)). */
export interface ContextPolicy {
  /** Fraction of the tile's extent along the growth axis (0.25 = 25 %). */
  readonly fraction: number;
  /** Smallest context (px). */
  readonly minPx: number;
  /** Blend band width (px); the overlap is never narrower than this. */
  readonly featherPx: number;
}

/** Extent / cross ratios the model produces along this axis. */
export type StripRatios =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'list'; readonly values: readonly number[] };

/** One axis of an outpaint job (px). */
export interface StripProblem {
  /** Canvas length along the axis (px). */
  readonly length: number;
  /** Known span `[k0, k1)` along the axis (px). */
  readonly known: readonly [number, number];
  /** Tile size across the axis (px). */
  readonly cross: number;
  readonly ratios: StripRatios;
  readonly context: ContextPolicy;
}

/** One tile along the axis (px). */
export interface StripTile {
  readonly start: number;
  readonly extent: number;
  /** Overlap with pixels known before this tile (px). */
  readonly context: number;
}

/** Minimum overlap (px) a tile of `extent` px needs with known pixels. */
export function minContext(extent: number, policy: ContextPolicy): number {
  return Math.max(policy.minPx, policy.featherPx, Math.ceil(policy.fraction * extent - 1e-9));
}

/**
 * Integer extents (px) a tile may have, as inclusive intervals, clipped to the canvas length:
 * those within a relative stretch of `tolerance` of `cross × ratio` (see DEFAULT_MAX_ANISOTROPY).
 * A tiny tolerance leaves only the integers nearest each exact ratio (possibly none).
 */
export function extentIntervals(p: StripProblem, tolerance: number): Array<readonly [number, number]> {
  const t = p.cross;
  const around = (r: number): readonly [number, number] => [
    Math.ceil((t * r) / (1 + tolerance) - 1e-9),
    Math.floor(t * r * (1 + tolerance) + 1e-9),
  ];
  const raw = p.ratios.kind === 'range' ? [[around(p.ratios.min)[0], around(p.ratios.max)[1]] as const] : p.ratios.values.map(around);
  return raw.map(([a, b]) => [Math.max(1, a), Math.min(p.length, b)] as const).filter(([a, b]) => a <= b);
}

/** Smallest extent whose new part (extent − minimum context) reaches `gain` px. */
export function extentForGain(gain: number, policy: ContextPolicy): number {
  let e = Math.max(gain + Math.max(policy.minPx, policy.featherPx), Math.ceil(gain / (1 - policy.fraction) - 1e-9));
  while (e - minContext(e, policy) < gain) e++;
  return e;
}

/** Largest extent whose minimum context fits in `known` px (0 when none does). */
export function maxExtentForContext(known: number, policy: ContextPolicy): number {
  if (known < Math.max(policy.minPx, policy.featherPx)) return 0;
  let e = Math.floor(known / policy.fraction + 1e-9);
  while (e > 0 && minContext(e, policy) > known) e--;
  return e;
}

interface State {
  readonly k0: number;
  readonly k1: number;
  readonly tiles: readonly StripTile[];
}

/** Most tiles one axis may take; a plan needing more is refused rather than searched for. */
export const MAX_TILES_PER_AXIS = 32;

/**
 * Fewest tiles covering the whole axis, in generation order. `cost`: what a plan's requests cost (the
 * model's price of its tiles), the first thing two plans with as many tiles are compared by.
 * @returns `[]` when nothing is unknown, `undefined` when no legal sequence exists.
 */
export function solveStrip(
  p: StripProblem,
  tolerance: number,
  cost: (tiles: readonly StripTile[]) => number = () => 0,
): StripTile[] | undefined {
  const joint = searchStrip(p, tolerance);
  const [k0, k1] = p.known;
  if (!joint || k0 <= 0 || k1 >= p.length) return joint;
  const left = searchStrip({ ...p, length: k1 }, tolerance);
  const right = searchStrip({ ...p, length: p.length - k0, known: [0, k1 - k0] }, tolerance);
  if (!left || !right) return joint;
  const split = [...left, ...right.map((t) => ({ ...t, start: t.start + k0 }))];
  return split.length <= joint.length && better(split, joint, p, cost) ? split : joint;
}

/**
 * Of two plans, the better: the cheaper (a Gemini tile that crosses into the next size tier costs
 * more than a round trip saves), then the shorter chain of tiles waiting for each other (tiles
 * apart go to the model at once: fewer round trips in a row), then the least total extent (smaller
 * tiles are downscaled less).
 */
function better(a: readonly StripTile[], b: readonly StripTile[], p: StripProblem, cost: (tiles: readonly StripTile[]) => number): boolean {
  const [pa, pb] = [cost(a), cost(b)];
  if (Math.abs(pa - pb) > 1e-9) return pa < pb;
  const ca = chainLength(a, p);
  const cb = chainLength(b, p);
  return ca !== cb ? ca < cb : totalExtent(a) < totalExtent(b);
}

/**
 * Longest run of tiles each waiting for an earlier one, as tile-order.ts waits: a tile blends its
 * new part grown by the blend's reach, and waits for an earlier tile when either blends where the
 * other reads.
 */
export function chainLength(tiles: readonly StripTile[], p: StripProblem): number {
  const reach = blendReach(p.context.featherPx);
  let [k0, k1] = p.known;
  const writes = tiles.map((t) => {
    const end = t.start + t.extent;
    const parts: Array<[number, number]> = [];
    if (t.start < k0) parts.push([t.start, Math.min(end, k0) + reach]);
    if (end > k1) parts.push([Math.max(t.start, k1) - reach, end]);
    k0 = Math.min(k0, t.start);
    k1 = Math.max(k1, end);
    return parts.map(([a, b]): [number, number] => [Math.max(a, t.start), Math.min(b, end)]);
  });
  const meets = (w: Array<[number, number]>, t: StripTile) => w.some(([a, b]) => a < t.start + t.extent && t.start < b);
  const depth: number[] = [];
  for (const [i, t] of tiles.entries()) {
    let d = 1;
    for (let j = 0; j < i; j++) if (meets(writes[j], t) || meets(writes[i], tiles[j])) d = Math.max(d, depth[j] + 1);
    depth.push(d);
  }
  return Math.max(0, ...depth);
}

function searchStrip(p: StripProblem, tolerance: number): StripTile[] | undefined {
  const start: State = { k0: p.known[0], k1: p.known[1], tiles: [] };
  if (start.k0 <= 0 && start.k1 >= p.length) return [];
  const intervals = extentIntervals(p, tolerance);
  if (intervals.length === 0) return undefined;
  let frontier: State[] = [start];
  for (let depth = 1; depth <= MAX_TILES_PER_AXIS && frontier.length > 0; depth++) {
    const next: State[] = [];
    let done: State | undefined;
    for (const st of frontier) {
      for (const tile of candidates(st, intervals, p)) {
        const ns: State = {
          k0: Math.min(st.k0, tile.start),
          k1: Math.max(st.k1, tile.start + tile.extent),
          tiles: [...st.tiles, tile],
        };
        if (ns.k0 > 0 || ns.k1 < p.length) next.push(ns);
        else if (!done || totalExtent(ns.tiles) < totalExtent(done.tiles)) done = ns;
      }
    }
    // Among the fewest-tile plans found, the one with the least total extent: smaller tiles are
    // cheaper and downscaled less.
    if (done) return [...done.tiles];
    frontier = paretoFront(next);
  }
  return undefined;
}

function candidates(st: State, intervals: ReadonlyArray<readonly [number, number]>, p: StripProblem): StripTile[] {
  const { k0, k1 } = st;
  const L = p.length;
  const K = k1 - k0;
  const left = k0;
  const right = L - k1;
  const extents = new Set<number>();
  const ctxMax = maxExtentForContext(K, p.context);
  let bestGain = 0;
  for (const [a, b] of intervals) {
    bestGain = Math.max(bestGain, b - minContext(b, p.context));
    extents.add(b);
    if (ctxMax >= a) extents.add(Math.min(b, ctxMax));
    for (const gain of [left, right, left + right]) {
      if (gain <= 0) continue;
      const e = Math.max(a, extentForGain(gain, p.context));
      if (e <= b) extents.add(e);
    }
  }
  const out: StripTile[] = [];
  const push = (s: number, e: number, need: number): void => {
    const startPx = Math.max(0, Math.min(L - e, s));
    const overlap = Math.min(k1, startPx + e) - Math.max(k0, startPx);
    const addsNew = startPx < k0 || startPx + e > k1;
    if (overlap >= need && addsNew) out.push({ start: startPx, extent: e, context: overlap });
  };
  // Ascending, so that of two tiles reaching the same known span the smaller one is kept.
  for (const e of [...extents].sort((x, y) => x - y)) {
    const c = minContext(e, p.context);
    if (c > K) continue;
    if (right > 0) push(k1 - c, e, c);
    if (left > 0) push(k0 + c - e, e, c);
    if (left > 0 && right > 0 && e > K) {
      for (const x of bridgeSplits(e - K, left, right, bestGain)) push(k0 - x, e, c);
    }
  }
  return out;
}

/**
 * Left shares worth trying for a tile spanning the known interval and adding `spill` px in
 * total: proportional, and those leaving either side an exact multiple of the best later gain
 * (so the remaining tiles on that side are all full).
 */
function bridgeSplits(spill: number, left: number, right: number, gain: number): number[] {
  const lo = Math.max(1, spill - right);
  const hi = Math.min(left, spill - 1);
  if (lo > hi) return [];
  const xs = new Set<number>([Math.round((spill * left) / (left + right)), lo, hi]);
  if (gain > 0) {
    // left − k·gain ∈ [lo, hi] and spill − right + k·gain ∈ [lo, hi], for whole k ≥ 0.
    for (let k = Math.max(0, Math.ceil((left - hi) / gain)); left - k * gain >= lo; k++) xs.add(left - k * gain);
    for (let k = Math.max(0, Math.ceil((lo - spill + right) / gain)); spill - right + k * gain <= hi; k++) {
      xs.add(spill - right + k * gain);
    }
  }
  return [...xs].filter((x) => x >= lo && x <= hi);
}

function totalExtent(tiles: readonly StripTile[]): number {
  return tiles.reduce((sum, t) => sum + t.extent, 0);
}

/** Drops every state whose known interval is inside another's (the first of equals is kept). */
function paretoFront(states: State[]): State[] {
  const sorted = [...states].sort((a, b) => a.k0 - b.k0 || b.k1 - a.k1);
  const front: State[] = [];
  let bestK1 = -Infinity;
  for (const s of sorted) {
    if (s.k1 > bestK1) {
      front.push(s);
      bestK1 = s.k1;
    }
  }
  return front;
}
