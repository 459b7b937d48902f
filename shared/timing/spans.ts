/**
 * Timing spans of one edit, from the keypress to the candidate on screen, recorded by the renderer
 * and by main on the same wall clock (epoch milliseconds with sub-millisecond resolution:
 * `performance.timeOrigin + performance.now()` in both processes). Pure: the clock is injected.
 */

/** One timed step. `start`/`end` are epoch ms; `bytes` is what the step carried or produced. */
export interface TimingSpan {
  name: string;
  start: number;
  end: number;
  bytes?: number;
}

export type Clock = () => number;

/** Collects spans against one clock. */
export interface SpanRecorder {
  readonly spans: TimingSpan[];
  now(): number;
  /** Times `fn` as a span named `name`; `bytes` may be computed from its result. */
  time<T>(name: string, fn: () => Promise<T> | T, bytes?: (v: T) => number | undefined): Promise<T>;
  add(name: string, start: number, end: number, bytes?: number): void;
}

export function createSpanRecorder(clock: Clock): SpanRecorder {
  const spans: TimingSpan[] = [];
  const add = (name: string, start: number, end: number, bytes?: number) => {
    spans.push(bytes === undefined ? { name, start, end } : { name, start, end, bytes });
  };
  return {
    spans,
    now: clock,
    add,
    async time(name, fn, bytes) {
      const start = clock();
      const v = await fn();
      add(name, start, clock(), bytes?.(v));
      return v;
    },
  };
}

/** The recorder used when nobody asked for spans: it still runs the work, and remembers nothing. */
export const noSpans: SpanRecorder = {
  spans: [],
  now: () => 0,
  add: () => {},
  async time(_name, fn) {
    return fn();
  },
};

/** Milliseconds of a span (never negative: two processes' clocks can disagree by a fraction of a ms). */
export const spanMs = (s: TimingSpan): number => Math.max(0, s.end - s.start);

/** Sum of the spans whose name starts with `prefix` (e.g. every 'main: patch encode #i'). */
export function sumSpans(spans: readonly TimingSpan[], prefix: string): number {
  return spans.filter((s) => s.name.startsWith(prefix)).reduce((t, s) => t + spanMs(s), 0);
}

/** Time covered by the union of the spans whose name starts with `prefix` (overlapping requests count once). */
export function coveredMs(spans: readonly TimingSpan[], prefix: string): number {
  const iv = spans
    .filter((s) => s.name.startsWith(prefix))
    .map((s) => [s.start, Math.max(s.start, s.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const [a, b] of iv) {
    if (cur && a <= cur[1]) cur[1] = Math.max(cur[1], b);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [a, b];
    }
  }
  return cur ? total + cur[1] - cur[0] : total;
}

/** A readable table: offset from `t0`, duration and bytes per span, in start order. */
export function formatSpans(spans: readonly TimingSpan[], t0: number): string {
  const rows = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const width = Math.max(4, ...rows.map((s) => s.name.length));
  const kb = (b?: number) => (b === undefined ? '' : b >= 1 << 20 ? `${(b / 2 ** 20).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} kB`);
  return rows
    .map(
      (s) =>
        `${s.name.padEnd(width)}  +${(s.start - t0).toFixed(1).padStart(7)} ms  ${spanMs(s).toFixed(1).padStart(7)} ms  ${kb(s.bytes)}`,
    )
    .join('\n');
}
