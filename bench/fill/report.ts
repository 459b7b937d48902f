/**
 * Aggregation, target checks and table printing for the fill bench.
 */
import type { MaskKind } from './load';

/** Metrics of one method on one photo × mask. */
export interface RunResult {
  image: string;
  /** `dev` (tuned on) or `heldout` (never tuned on). */
  set: string;
  kind: MaskKind;
  method: string;
  holePixels: number;
  regionMegapixels: number;
  seconds: number;
  secondsPerMegapixel: number;
  /** CPU seconds of all threads of this process (the machine is shared: wall time includes waiting). */
  cpuSeconds: number;
  /** Wall seconds of the speed floor on the same region in the same run (libvips blur, floor.ts). */
  floorSeconds: number;
  /** CPU seconds of that floor. */
  floorCpuSeconds: number;
  psnr: number;
  ssim: number;
  seam: number;
  /** Seam score of the untouched photo: the natural jump across the mask outline. */
  truthSeam: number;
  texture: number;
  changedOutside: number;
  maxRssGrowthMb: number;
}

/** Means of one method on one mask kind. */
export interface Aggregate {
  set: string;
  kind: MaskKind;
  method: string;
  runs: number;
  psnr: number;
  ssim: number;
  seam: number;
  truthSeam: number;
  texture: number;
  /** Total seconds / total processed-region megapixels. */
  secondsPerMegapixel: number;
  /** Worst single run. */
  worstSecondsPerMegapixel: number;
  /** Total CPU seconds (all threads) / total region megapixels. */
  cpuSecondsPerMegapixel: number;
  /** Worst single run, CPU seconds per region megapixel. */
  worstCpuSecondsPerMegapixel: number;
  /** Total wall seconds / total wall seconds of the floor on the same regions (floor.ts). */
  floorRatio: number;
  /** Total CPU seconds / total CPU seconds of the floor. */
  floorCpuRatio: number;
  /** Worst single run's wall ratio to its floor. */
  worstFloorRatio: number;
  changedOutside: number;
}

/** One target line: what was checked, the numbers, and the verdict. */
export interface TargetCheck {
  target: string;
  detail: string;
  pass: boolean;
}

const sum = (rs: RunResult[], f: (r: RunResult) => number) => rs.reduce((a, r) => a + f(r), 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
/** PSNR can be Infinity for a perfect fill; cap it so means stay finite. */
const cappedPsnr = (p: number) => Math.min(p, 100);

/** Groups results by mask kind × method. */
export function aggregate(results: RunResult[]): Aggregate[] {
  const keys = [...new Set(results.map((r) => `${r.set}\u0000${r.kind}\u0000${r.method}`))];
  return keys.map((key) => {
    const [set, kind, method] = key.split('\u0000') as [string, MaskKind, string];
    const rs = results.filter((r) => r.set === set && r.kind === kind && r.method === method);
    const mp = rs.reduce((a, r) => a + r.regionMegapixels, 0);
    return {
      set,
      kind,
      method,
      runs: rs.length,
      psnr: mean(rs.map((r) => cappedPsnr(r.psnr))),
      ssim: mean(rs.map((r) => r.ssim)),
      seam: mean(rs.map((r) => r.seam)),
      truthSeam: mean(rs.map((r) => r.truthSeam)),
      texture: mean(rs.map((r) => r.texture)),
      secondsPerMegapixel: rs.reduce((a, r) => a + r.seconds, 0) / Math.max(mp, 1e-9),
      worstSecondsPerMegapixel: Math.max(...rs.map((r) => r.secondsPerMegapixel)),
      cpuSecondsPerMegapixel: rs.reduce((a, r) => a + r.cpuSeconds, 0) / Math.max(mp, 1e-9),
      worstCpuSecondsPerMegapixel: Math.max(...rs.map((r) => r.cpuSeconds / r.regionMegapixels)),
      floorRatio:
        sum(rs, (r) => r.seconds) /
        Math.max(
          sum(rs, (r) => r.floorSeconds),
          1e-9,
        ),
      floorCpuRatio:
        sum(rs, (r) => r.cpuSeconds) /
        Math.max(
          sum(rs, (r) => r.floorCpuSeconds),
          1e-9,
        ),
      worstFloorRatio: Math.max(...rs.map((r) => r.seconds / Math.max(r.floorSeconds, 1e-9))),
      changedOutside: rs.reduce((a, r) => a + r.changedOutside, 0),
    };
  });
}

/**
 * Checks the issue-13 fill targets for `method` against the classical `reference` (Telea) per set:
 * texture 0.85–1.15 and seam below the reference on blob/box holes, PSNR ≥ reference − 0.5 dB,
 * ≤ 1 s per MP of region on average (worst case reported), nothing changed outside the mask. The
 * per-kind speed lines are stricter than the issue (they count every hole, and many dev boxes cover
 * 28–36 % of their region); with `runs`, the issue's own speed goal is checked too
 * ({@link smallHoleSpeedChecks}).
 */
export function checkTargets(aggs: Aggregate[], method: string, references: readonly string[], runs?: readonly RunResult[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const f = (x: number, d = 2) => x.toFixed(d);
  for (const set of [...new Set(aggs.map((a) => a.set))]) {
    const get = (kind: string, m: string) => aggs.find((a) => a.set === set && a.kind === kind && a.method === m);
    for (const kind of ['thin', 'blob', 'box']) {
      const a = get(kind, method);
      if (!a) continue;
      const tag = `${set}, ${kind}`;
      if (kind !== 'thin')
        out.push({ target: `texture 0.85–1.15 (${tag})`, detail: f(a.texture), pass: a.texture >= 0.85 && a.texture <= 1.15 });
      for (const reference of references) {
        const ref = get(kind, reference);
        if (!ref) continue;
        if (kind !== 'thin')
          out.push({ target: `seam < ${reference} (${tag})`, detail: `${f(a.seam)} vs ${f(ref.seam)}`, pass: a.seam < ref.seam });
        out.push({
          target: `PSNR ≥ ${reference} − 0.5 dB (${tag})`,
          detail: `${f(a.psnr)} vs ${f(ref.psnr)} (gap ${f(a.psnr - ref.psnr)})`,
          pass: a.psnr >= ref.psnr - 0.5,
        });
      }
      out.push({
        target: `≤ 1 s/MP region (${tag})`,
        detail: `${f(a.secondsPerMegapixel, 3)} s/MP wall (${f(a.floorRatio, 0)}× floor), worst ${f(a.worstSecondsPerMegapixel, 3)}; CPU ${f(a.cpuSecondsPerMegapixel, 3)} s/MP (${f(a.floorCpuRatio, 0)}× floor), worst ${f(a.worstCpuSecondsPerMegapixel, 3)}`,
        pass: a.secondsPerMegapixel <= 1,
      });
    }
  }
  if (runs) out.push(...smallHoleSpeedChecks(runs, method));
  const changed = aggs.filter((a) => a.method === method).reduce((s, a) => s + a.changedOutside, 0);
  out.push({ target: '0 px changed outside mask', detail: String(changed), pass: changed === 0 });
  return out;
}

/** Largest hole, as a share of its region, that issue 13's speed goal covers. */
export const SPEED_GOAL_HOLE_SHARE = 0.25;

/** A run's hole as a share of the region the fill works in. */
export function holeShare(r: RunResult): number {
  return r.holePixels / Math.max(1, r.regionMegapixels * 1e6);
}

/**
 * Issue 13's speed goal as written: ≤ 1 s per MP of region on average over the blob and box fills
 * whose hole is ≤ 25 % of the region, per set (wall with both cores; CPU and the worst case reported,
 * and how many fills the share left out).
 */
export function smallHoleSpeedChecks(runs: readonly RunResult[], method: string): TargetCheck[] {
  const f = (x: number) => x.toFixed(3);
  const out: TargetCheck[] = [];
  const mine = runs.filter((r) => r.method === method && r.kind !== 'thin');
  for (const set of [...new Set(mine.map((r) => r.set))]) {
    const all = mine.filter((r) => r.set === set);
    const rs = all.filter((r) => holeShare(r) <= SPEED_GOAL_HOLE_SHARE);
    if (!rs.length) continue;
    const mp = rs.reduce((a, r) => a + r.regionMegapixels, 0);
    const wall = rs.reduce((a, r) => a + r.seconds, 0) / mp;
    const cpu = rs.reduce((a, r) => a + r.cpuSeconds, 0) / mp;
    const worst = Math.max(...rs.map((r) => r.secondsPerMegapixel));
    out.push({
      target: `≤ 1 s/MP region, holes ≤ 25 % of it (${set}, blob + box)`,
      detail: `${f(wall)} s/MP wall over ${rs.length} fills (${all.length - rs.length} larger left out), worst ${f(worst)}; CPU ${f(cpu)} s/MP`,
      pass: wall <= 1,
    });
  }
  return out;
}

/** Renders rows of cells as a fixed-width text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Table rows for aggregates. */
export function aggregateRows(aggs: Aggregate[]): string[][] {
  return aggs.map((a) => [
    a.set,
    a.kind,
    a.method,
    String(a.runs),
    a.psnr.toFixed(2),
    a.ssim.toFixed(3),
    a.seam.toFixed(2),
    a.truthSeam.toFixed(2),
    a.texture.toFixed(2),
    a.secondsPerMegapixel.toFixed(3),
    a.worstSecondsPerMegapixel.toFixed(3),
    a.cpuSecondsPerMegapixel.toFixed(3),
    a.worstCpuSecondsPerMegapixel.toFixed(3),
    a.floorRatio.toFixed(1),
    a.floorCpuRatio.toFixed(1),
    String(a.changedOutside),
  ]);
}

/** Header matching {@link aggregateRows}. */
export const AGGREGATE_HEADER = [
  'set',
  'mask',
  'method',
  'n',
  'PSNR',
  'SSIM',
  'seam',
  'seam(photo)',
  'texture',
  'wall s/MP',
  'worst wall',
  'CPU s/MP',
  'worst CPU',
  'wall ×floor',
  'CPU ×floor',
  'changed',
];
