/**
 * Expected time per model and size, learned from this user's own requests. Main records the provider
 * round trip of every request (model, output size, seconds) in the app's settings; once a model has
 * at least MIN_SAMPLES requests in a size tier, its expectation comes from them (the middle 60 % of
 * the last LATENCY_SAMPLES) instead of the published table. Pure.
 */
import { expectedSeconds, latencyTier, timesInSequence, type ExpectedTime, type ModelSpec } from '../models';

/** Seconds of the last requests, by `latencyKey`. */
export type LatencyTable = Readonly<Record<string, readonly number[]>>;

export const LATENCY_SAMPLES = 20;
export const MIN_SAMPLES = 3;
/** Keys kept at most (model × tier); the oldest-inserted go first. */
const MAX_KEYS = 200;

/** `gpt-image-2@1K`: the model id and the latency tier of the output size. */
export function latencyKey(modelId: string, size: { width: number; height: number }): string {
  return `${modelId}@${latencyTier(size.width, size.height)}`;
}

/** The table with one more sample (rounded to 0.1 s; the last LATENCY_SAMPLES kept). Bad values are ignored. */
export function addLatencySample(table: LatencyTable, key: string, seconds: number): LatencyTable {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600 || !key) return table;
  const prev = table[key] ?? [];
  const next: Record<string, readonly number[]> = { ...table, [key]: [...prev, Math.round(seconds * 10) / 10].slice(-LATENCY_SAMPLES) };
  const keys = Object.keys(next);
  if (keys.length > MAX_KEYS) for (const k of keys.slice(0, keys.length - MAX_KEYS)) delete next[k];
  return next;
}

function quantile(sorted: readonly number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** From samples: the 20th–80th percentile, whole seconds (at least 1), or null with fewer than MIN_SAMPLES. */
export function learnedExpected(samples: readonly number[] | undefined): ExpectedTime | null {
  if (!samples || samples.length < MIN_SAMPLES) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const low = Math.max(1, Math.floor(quantile(sorted, 0.2)));
  const high = Math.max(low, Math.ceil(quantile(sorted, 0.8)));
  const median = Math.round(quantile(sorted, 0.5) * 10) / 10;
  return { low, high, basis: `your last ${samples.length} requests of this model at this size (median ${median} s)` };
}

/** What to expect before sending: learned from this user's requests when there are enough, else the published figures. */
export function expectedFor(spec: ModelSpec, size: { width: number; height: number }, table: LatencyTable): ExpectedTime | null {
  if (spec.provider !== 'local') {
    const learned = learnedExpected(table[latencyKey(spec.id, size)]);
    if (learned) return learned;
  }
  return expectedSeconds(spec, size);
}

/**
 * What one Generate takes: `n` candidates over `areas` areas of `size` each. The offline engine makes
 * them one after another; a cloud model's candidates come in one request (an edit's areas side by side).
 * The Generate panel said one candidate's time ("usually 1 s") for three offline candidates, which the
 * job itself expected to take three times as long.
 */
export function expectedForRun(
  spec: ModelSpec,
  size: { width: number; height: number },
  table: LatencyTable,
  n: number,
  areas = 1,
): ExpectedTime | null {
  const one = expectedFor(spec, size, table);
  return spec.provider === 'local' ? timesInSequence(one, Math.max(1, Math.round(n)) * Math.max(1, areas)) : one;
}

/** A latency table read from disk → only well-formed entries. */
export function parseLatencyTable(x: unknown): LatencyTable {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return {};
  const out: Record<string, readonly number[]> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k.length > 240 || !Array.isArray(v)) continue;
    const nums = v.filter((n): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 3600).slice(-LATENCY_SAMPLES);
    if (nums.length) out[k] = nums;
  }
  return out;
}
