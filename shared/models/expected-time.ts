/**
 * How long a request usually takes, for the progress display of requests that do not stream
 * ("12 s · usually 4–6 s"). Defaults from providers.md §7 (latency by output size and for
 * inpainting, a secondary source); the offline engine from its measured speed (0.6–1.1 s per MP of
 * region on the 2-core build machine, shared/engine/README.md). Null when nothing is known (Nano
 * Banana Pro): then only the elapsed time is shown.
 */
import type { ModelSpec } from './model-types';

/** Seconds, low..high. */
export interface ExpectedTime {
  readonly low: number;
  readonly high: number;
  /** Where the numbers come from, for a tooltip. */
  readonly basis: string;
}

type Tier = '512' | '1K' | '2K' | '4K';
type Row = Readonly<Record<Tier, readonly [number, number]>>;

/** providers.md §7: "Latency 512² / 1K / 2K / 4K" and "Latency, inpainting". */
const GPT_IMAGE_2: { size: Row; inpaint: readonly [number, number] } = {
  size: { '512': [2, 2], '1K': [3, 3], '2K': [5, 8], '4K': [10, 15] },
  inpaint: [4, 6],
};
const NANO_BANANA_2: { size: Row; inpaint: readonly [number, number] } = {
  size: { '512': [1, 2], '1K': [2, 4], '2K': [3, 5], '4K': [5, 8] },
  inpaint: [2, 3],
};
const LOCAL_SECONDS_PER_MP: readonly [number, number] = [0.6, 1.1];

/** The latency tier of an output size (by pixel count). */
export function latencyTier(width: number, height: number): Tier {
  const px = width * height;
  if (px <= 512 * 512 * 1.5) return '512';
  if (px <= 1024 * 1024 * 1.5) return '1K';
  if (px <= 2048 * 2048 * 1.2) return '2K';
  return '4K';
}

function family(spec: ModelSpec): { table: typeof GPT_IMAGE_2; name: string; exact: boolean } | null {
  const id = spec.provider === 'gateway' ? (spec.template ?? '') : spec.id;
  if (id === 'gpt-image-2') return { table: GPT_IMAGE_2, name: 'gpt-image-2', exact: true };
  if (id.startsWith('gpt-image-')) return { table: GPT_IMAGE_2, name: 'gpt-image-2', exact: false };
  if (id === 'gemini-3.1-flash-image') return { table: NANO_BANANA_2, name: 'Nano Banana 2', exact: true };
  return null;
}

/**
 * Usual time of ONE request of `width`×`height` output px (an edit: at least the inpainting
 * latency), or null when unknown.
 */
export function expectedSeconds(spec: ModelSpec, size: { width: number; height: number }): ExpectedTime | null {
  if (spec.provider === 'local') {
    const mp = Math.max(0.05, (size.width * size.height) / 1e6);
    return {
      low: Math.max(1, Math.round(mp * LOCAL_SECONDS_PER_MP[0])),
      high: Math.max(1, Math.round(mp * LOCAL_SECONDS_PER_MP[1])),
      basis: 'offline engine: 0.6–1.1 s per MP measured on a 2-core machine',
    };
  }
  const f = family(spec);
  if (!f) return null;
  const [sLow, sHigh] = f.table.size[latencyTier(size.width, size.height)];
  const low = Math.max(sLow, f.table.inpaint[0]);
  const high = Math.max(sHigh, f.table.inpaint[1]);
  return {
    low,
    high,
    basis: `typical ${f.name} latency (published comparison, spring 2026)${f.exact ? '' : ', used as an approximation for this model'}`,
  };
}

/** `n` requests one after another (outpaint tiles): the sums. */
export function timesInSequence(t: ExpectedTime | null, n: number): ExpectedTime | null {
  return t && n > 0 ? { low: t.low * n, high: t.high * n, basis: t.basis } : null;
}

/** "usually 4–6 s", "usually 3 s", "usually 1–2 min". */
export function formatExpected(t: ExpectedTime): string {
  const fmt = (s: number) => (s >= 120 ? `${Math.round(s / 60)}` : `${Math.round(s)}`);
  const unit = t.high >= 120 ? 'min' : 's';
  const lo = fmt(t.low);
  const hi = fmt(t.high);
  return `usually ${lo === hi ? lo : `${lo}–${hi}`} ${unit}`;
}
