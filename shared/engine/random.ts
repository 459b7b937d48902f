/**
 * A tiny seedable PRNG so fills are reproducible: the same seed gives the same bytes on every
 * platform. `Math.random` is never used by the engine.
 */

/** A source of uniform random numbers; every call advances the state. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n) for n ≥ 1. */
  int(n: number): number;
}

/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state word, period 2^32,
 * good enough statistical quality for randomised search, and cheap in JavaScript because every
 * step stays in int32 arithmetic via `Math.imul`.
 * @param seed - any number; it is truncated to 32 bits, and non-finite values become 0
 */
export function mulberry32(seed: number): Rng {
  let seed0 = Number.isFinite(seed) ? seed >>> 0 : 0;
  // Scramble the seed once so that nearby seeds (1, 2, 3...) start far apart.
  seed0 = (Math.imul(seed0 ^ (seed0 >>> 16), 0x85ebca6b) + 0x9e3779b9) >>> 0;
  // The state lives in a typed array, not in a captured variable: an int32 outside the small-integer
  // range in a closure's context is a heap number, so every step allocated one (the search draws
  // millions per fill; ~16 bytes each, a young-generation GC every few hundred thousand draws).
  // The same int32 arithmetic, so the same stream.
  const state = new Int32Array(1);
  state[0] = seed0 | 0;
  const next = (): number => {
    const st = (state[0] + 0x6d2b79f5) | 0;
    state[0] = st;
    let t = st;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number): number => Math.floor(next() * n),
  };
}

/**
 * Derives an independent-looking seed for a sub-task (a pyramid level, a pass) from a base seed,
 * so that changing the work done at one level does not shift the random stream of another.
 * @param seed - the user's seed
 * @param salt - a small integer naming the sub-task
 */
export function deriveSeed(seed: number, salt: number): number {
  let h = (seed >>> 0) ^ Math.imul(salt + 1, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}
