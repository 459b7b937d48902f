/**
 * When a hole takes the extension path (extend.ts) instead of the general fill, and the distance map
 * from the band into the hole that the extension's band finish uses.
 */
import type { Layer } from './region';

/** Hole depth (px from known data, 4-connected) from which a border-touching hole counts as an extension. */
export const MIN_EXTENSION_DEPTH = 48;
/**
 * An extension is bounded by the frame, not merely touching it: its hole pixels on the layer's edge
 * must number at least this share of the known pixels around it (the ring). The bench's outpaints
 * have 1.3–1.9, an extension by a strip ≥ 1; brush holes that reach the photo's edge 0.01–0.2 — those
 * took the extension path until 2026-12-06 and got objects of the photo stamped into them (a half
 * coin in desk-stuff where a lighter was, from the outpaint synthesis's coherent copying), while the
 * general fill does better on them (see README "Brush holes at the photo's edge").
 */
export const MIN_FRAME_SHARE = 0.5;

/** Distance from the band into the hole, shared by the trigger and the band finish. */
export interface ExtensionPlan {
  /** For hole pixels within {@link PLAN_DEPTH} steps of the band: the ring pixel they are nearest to, else −1. */
  ring: Int32Array;
  /** Their 4-connected step distance from the known area (1 = touching it). */
  dist: Uint16Array;
}

/** How deep the plan's distance map is explored (≥ the trigger depth, ≥ 3τ of the band correction). */
export const PLAN_DEPTH = 72;

/**
 * The plan for the extension path, or null when the general fill should run: the hole of `layer`
 * must reach the layer's edge along at least {@link MIN_FRAME_SHARE} × the length of its known ring
 * (an extension, not a hole that only touches the edge) and some hole pixel must be at least
 * {@link MIN_EXTENSION_DEPTH} px (4-connected steps) from any known pixel. `onStep` is called once
 * per explored distance layer.
 */
export function extensionPlan(layer: Layer, onStep?: () => void): ExtensionPlan | null {
  const { width: w, height: h, hole } = layer;
  const frame = frameHoles(hole, w, h);
  if (frame === 0) return null;
  const plan = boundedDistance(hole, w, h, PLAN_DEPTH, onStep);
  if (frame < MIN_FRAME_SHARE * plan.ringCount) return null;
  return plan.deepest >= MIN_EXTENSION_DEPTH ? { ring: plan.ring, dist: plan.dist } : null;
}

/** Hole pixels on the layer's outermost rows and columns (each counted once). */
export function frameHoles(hole: Uint8Array, w: number, h: number): number {
  let n = 0;
  for (let x = 0; x < w; x++) n += hole[x] + (h > 1 ? hole[(h - 1) * w + x] : 0);
  for (let y = 1; y < h - 1; y++) n += hole[y * w] + (w > 1 ? hole[y * w + w - 1] : 0);
  return n;
}

/**
 * 4-connected distance from the known pixels into the hole, explored up to `limit` steps.
 * `ring[p]` is the known pixel each reached hole pixel was reached from (−1 if unreached);
 * `deepest` is the largest distance reached; `ringCount` the number of known pixels touching the hole.
 */
function boundedDistance(hole: Uint8Array, w: number, h: number, limit: number, onStep?: () => void) {
  const n = w * h;
  const ring = new Int32Array(n).fill(-1);
  const dist = new Uint16Array(n);
  let frontier = new Int32Array(1024),
    count = 0;
  let next = new Int32Array(1024),
    nextCount = 0;
  const push = (j: number) => {
    if (nextCount === next.length) {
      const grown = new Int32Array(next.length * 2);
      grown.set(next);
      next = grown;
    }
    next[nextCount++] = j;
  };
  for (let i = 0; i < n; i++) {
    if (hole[i]) continue;
    const x = i % w;
    if ((x > 0 && hole[i - 1]) || (x < w - 1 && hole[i + 1]) || (i >= w && hole[i - w]) || (i + w < n && hole[i + w])) {
      push(i);
      ring[i] = i;
    }
  }
  const ringCount = nextCount;
  let d = 0;
  for (;;) {
    [frontier, next] = [next, frontier];
    count = nextCount;
    nextCount = 0;
    if (count === 0 || d >= limit) break;
    d++;
    onStep?.();
    for (let k = 0; k < count; k++) {
      const i = frontier[k];
      const x = i % w,
        src = ring[i];
      // Unrolled 4-neighbourhood.
      if (x > 0 && hole[i - 1] && ring[i - 1] < 0) {
        ring[i - 1] = src;
        dist[i - 1] = d;
        push(i - 1);
      }
      if (x < w - 1 && hole[i + 1] && ring[i + 1] < 0) {
        ring[i + 1] = src;
        dist[i + 1] = d;
        push(i + 1);
      }
      if (i >= w && hole[i - w] && ring[i - w] < 0) {
        ring[i - w] = src;
        dist[i - w] = d;
        push(i - w);
      }
      if (i + w < n && hole[i + w] && ring[i + w] < 0) {
        ring[i + w] = src;
        dist[i + w] = d;
        push(i + w);
      }
    }
  }
  return { ring, dist, deepest: count > 0 ? d : d - 1, ringCount };
}
