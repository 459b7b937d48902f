/**
 * Speed as ratios to a floor measured in the same run. A floor is sharp/libvips (or Node itself)
 * doing the same pixel work with the same output format and size. Each run times the product and its
 * floor back to back (alternating which goes first, so load drift hits both alike); both are warmed
 * first and get the same number of runs. The ratio is the median of the per-run ratios.
 */
import { cpus, loadavg } from 'node:os';

export interface RatioRow {
  id: string;
  /** What the product does. */
  measure: string;
  /** What the floor does. */
  floor: string;
  /** Product time (ms, median) — or, for a memory row, the measured MB. */
  value: number;
  /** Floor time (ms, median); null for an absolute row (memory). */
  floorValue: number | null;
  unit: 'ms' | 'MB';
  /** value / floor (median of per-run ratios), or value / limit for an absolute row. */
  ratio: number;
  /** Pass when ratio ≤ target (for an absolute row: value ≤ limit, i.e. ratio ≤ 1). */
  target: number;
  /** The limit of an absolute row (e.g. 600 MB). */
  limit?: number;
  pass: boolean;
  /** false: a figure reported beside the goals, not one of them (the result column says so). */
  goal?: false;
  runs: number;
  samples: { value: number[]; floor: number[] };
  note?: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface PairedSpec {
  id: string;
  measure: string;
  floor: string;
  target: number;
  runs: number;
  warmup?: number;
  product: () => Promise<unknown> | unknown;
  floorFn: () => Promise<unknown> | unknown;
  /** Optional own timer (e.g. a browser-side clock); defaults to wall time around the call. */
  timeProduct?: () => Promise<number>;
  note?: string;
}

export async function paired(spec: PairedSpec): Promise<RatioRow> {
  const timeProduct = spec.timeProduct ?? (() => timeIt(spec.product));
  for (let i = 0; i < (spec.warmup ?? 1); i++) {
    await timeProduct();
    await timeIt(spec.floorFn);
  }
  const value: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < spec.runs; i++) {
    if (i % 2 === 0) {
      value.push(await timeProduct());
      floor.push(await timeIt(spec.floorFn));
    } else {
      floor.push(await timeIt(spec.floorFn));
      value.push(await timeProduct());
    }
  }
  const ratio = median(value.map((v, i) => v / floor[i]));
  return {
    id: spec.id,
    measure: spec.measure,
    floor: spec.floor,
    value: r1(median(value)),
    floorValue: r1(median(floor)),
    unit: 'ms',
    ratio: r2(ratio),
    target: spec.target,
    pass: ratio <= spec.target,
    runs: spec.runs,
    samples: { value: value.map(r1), floor: floor.map(r1) },
    note: spec.note,
  };
}

/** A row with an absolute limit (memory): ratio = value / limit, pass when ≤ 1. */
export function absolute(spec: {
  id: string;
  measure: string;
  floor: string;
  samples: number[];
  limit: number;
  unit: 'MB';
  note?: string;
}): RatioRow {
  const value = median(spec.samples);
  return {
    id: spec.id,
    measure: spec.measure,
    floor: spec.floor,
    value: r1(value),
    floorValue: null,
    unit: spec.unit,
    ratio: r2(value / spec.limit),
    target: 1,
    limit: spec.limit,
    pass: value <= spec.limit,
    runs: spec.samples.length,
    samples: { value: spec.samples.map(r1), floor: [] },
    note: spec.note,
  };
}

export function machine(): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    loadavg: loadavg().map(r2),
  };
}

/** The table `npm run bench` prints (and README quotes). */
export function formatRatioTable(rows: RatioRow[], date: string): string {
  const head = ['measure', 'value', 'floor', 'floor value', 'ratio', 'target', 'result', 'runs'];
  const body = rows.map((r) => [
    r.measure,
    `${r.value} ${r.unit}`,
    r.floor,
    r.floorValue === null ? '—' : `${r.floorValue} ms`,
    r.floorValue === null ? `${r.ratio} of limit` : `${r.ratio.toFixed(2)}×`,
    r.floorValue === null ? `≤ ${r.limit} ${r.unit}` : `≤ ${r.target}×`,
    r.goal === false ? 'reported' : r.pass ? 'PASS' : 'FAIL',
    String(r.runs),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => `| ${cells.map((s, c) => s.padEnd(widths[c])).join(' | ')} |`;
  return [
    `Ratios to a floor measured in the same run (${date}; medians; ratio = median of per-run ratios)`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ].join('\n');
}
