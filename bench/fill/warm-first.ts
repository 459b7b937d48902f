/**
 * The first fill of a fresh app process, cold vs warmed before Generate (issue 13, `engine:warm`):
 *   node scripts/run-ts.mjs bench/fill/warm-first.ts [--runs=N] [--cases=chelsea:blob,building:box]
 *     [--sides=default,64:0.32] [--again] [--one-thread]
 * Each sample is its own Node process (a fresh app: no engine worker, nothing compiled). "cold" runs
 * the fill through the app's `local` path at once; "warm S" first asks for a warm worker (warm-up
 * region S × S px), waits until it is idle, then runs the same fill. Modes alternate within each
 * round (load drift hits all alike). Timed: the fill's wall and CPU seconds (all threads of the
 * process, helper included), and in the same process a libvips σ = 4 blur of the same region (the
 * fill bench's floor, floor.ts); the warm-up's own CPU and the process's RSS growth from it. Prints a
 * table of medians and writes bench-results/fill-warm.json. Needs `npm run build:main`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { engineFill } from './engine-runner';
import { blurFloor } from './floor';
import { loadFillCase, type MaskKind } from './load';

interface Sample {
  mode: string;
  name: string;
  kind: string;
  regionMP: number;
  fillWall: number;
  fillCpu: number;
  floorWall: number;
  floorCpu: number;
  warmCpu: number;
  warmWall: number;
  warmRssMB: number;
}

const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);

async function child(mode: string, name: string, kind: string): Promise<Sample> {
  // Imported here: the parent never starts an engine worker.
  const { warmLocalEngine } = await import('../../electron/main/providers/local-provider');
  const { engineWorkerState } = await import('../../electron/main/providers/local-worker-pool');
  const { image, mask, region } = await loadFillCase(name, kind as MaskKind);
  // "… 1t": one engine thread (no lane helper), MASKWORK_ENGINE_THREADS=1.
  if (mode.endsWith(' 1t')) process.env.MASKWORK_ENGINE_THREADS = '1';
  let warmCpu = 0,
    warmWall = 0,
    warmRssMB = 0;
  if (mode.startsWith('warm')) {
    const [, a, b] = mode.replace(/ 1t$/, '').split(' ').map(Number);
    const side = Number.isFinite(a) ? a : undefined;
    const hole = Number.isFinite(b) ? b : undefined;
    const rss0 = process.memoryUsage().rss;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (warmLocalEngine(side, hole) !== 'started') throw new Error('the warm-up did not start');
    while (engineWorkerState().warming > 0) await new Promise((r) => setTimeout(r, 5));
    const c = process.cpuUsage(c0);
    warmWall = (performance.now() - t0) / 1000;
    warmCpu = (c.user + c.system) / 1e6;
    warmRssMB = (process.memoryUsage().rss - rss0) / 2 ** 20;
    if (engineWorkerState().idle !== 1) throw new Error('no warm worker after the warm-up');
  }
  // "again": the same fill twice first (the third fill of a worker: the warm time to compare with).
  if (mode.startsWith('again')) for (let i = 0; i < 2; i++) await engineFill(image, mask, 1);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await engineFill(image, mask, 1);
  const c = process.cpuUsage(c0);
  const fillWall = (performance.now() - t0) / 1000;
  const floor = await blurFloor(image, region);
  return {
    mode,
    name,
    kind,
    regionMP: (region.width * region.height) / 1e6,
    fillWall,
    fillCpu: (c.user + c.system) / 1e6,
    floorWall: floor.seconds,
    floorCpu: floor.cpuSeconds,
    warmCpu,
    warmWall,
    warmRssMB,
  };
}

function runChild(mode: string, name: string, kind: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['scripts/run-ts.mjs', 'bench/fill/warm-first.ts', '--child', mode, name, kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`child ${mode} ${name} ${kind} exited ${code}: ${out.slice(-300)}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main(): Promise<void> {
  const runs = Number(arg('runs') ?? 5);
  const cases = (arg('cases') ?? 'chelsea:blob,building:box').split(',').map((c) => c.split(':') as [string, string]);
  // --sides=64,96:0.7 → "warm 64", "warm 96 0.7" (side px : hole diameter ÷ side); --again adds the third-fill reference.
  const modes = [
    'cold',
    ...(arg('sides') ?? 'default').split(',').map((s) => (s === 'default' ? 'warm' : `warm ${s.replace(':', ' ')}`)),
    ...(process.argv.includes('--again') ? ['again'] : []),
  ];
  // --one-thread: each mode also with one engine thread (no lane helper), alternating with the others.
  if (process.argv.includes('--one-thread')) modes.push(...modes.map((m) => `${m} 1t`));
  const load0 = loadavg()[0];
  const samples: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    for (const [name, kind] of cases) {
      // Alternate which mode goes first.
      const order = r % 2 ? [...modes].reverse() : modes;
      for (const mode of order) samples.push(await runChild(mode, name, kind));
    }
  }
  const load1 = loadavg()[0];
  const rows = [];
  for (const [name, kind] of cases) {
    const cold = samples.filter((s) => s.name === name && s.kind === kind && s.mode === 'cold');
    const cold1t = samples.filter((s) => s.name === name && s.kind === kind && s.mode === 'cold 1t');
    for (const mode of modes) {
      const xs = samples.filter((s) => s.name === name && s.kind === kind && s.mode === mode);
      const f = (k: keyof Sample) => median(xs.map((s) => s[k] as number));
      rows.push({
        case: `${name} ${kind} (${xs[0].regionMP.toFixed(3)} MP)`,
        mode,
        'fill wall s': +f('fillWall').toFixed(3),
        'fill CPU s': +f('fillCpu').toFixed(3),
        '× floor wall': +median(xs.map((s) => s.fillWall / s.floorWall)).toFixed(1),
        '× floor CPU': +median(xs.map((s) => s.fillCpu / s.floorCpu)).toFixed(1),
        'CPU ÷ cold': +(f('fillCpu') / median((mode.endsWith(' 1t') ? cold1t : cold).map((s) => s.fillCpu))).toFixed(2),
        'warm-up CPU s': mode.startsWith('warm') ? +f('warmCpu').toFixed(3) : '',
        'warm-up wall s': mode.startsWith('warm') ? +f('warmWall').toFixed(3) : '',
        'warm-up RSS MB': mode.startsWith('warm') ? +f('warmRssMB').toFixed(1) : '',
      });
    }
  }
  console.log(
    `\nFirst fill of a fresh app process, cold vs warmed before Generate (${runs} runs each, medians; load ${load0.toFixed(1)} → ${load1.toFixed(1)})`,
  );
  console.table(rows);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/fill-warm.json',
    JSON.stringify({ date: new Date().toISOString(), load: [load0, load1], rows, samples }, null, 2),
  );
}

const k = process.argv.indexOf('--child');
if (k >= 0) {
  const [mode, name, kind] = process.argv.slice(k + 1);
  console.log(JSON.stringify(await child(mode, name, kind)));
  process.exit(0);
} else await main();
