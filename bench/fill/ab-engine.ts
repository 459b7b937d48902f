/**
 * A/B of the engine against another checkout, in one process (dev tool):
 *
 *   node scripts/run-ts.mjs bench/fill/ab-engine.ts --base=/path/to/other/checkout [--kinds=thin,blob,box]
 *        [--sets=dev,heldout] [--only=NAME,…] [--rounds=3] [--each]
 *
 * Bundles the other checkout's `shared/engine` with esbuild, then runs every quick fill (< 1 MP, seed 1,
 * in-process, one thread) with both engines, alternating per fill (the order flips each round), and prints
 * CPU s/MP per set and kind (median of the rounds after the first, which is cold) and whether every
 * output has the same sha1 in both — the byte-identity proof for a speed change.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as current from '../../shared/engine';
import { listAllPhotos, loadRgba, maskOf, type MaskKind, type PhotoSet } from './load';

const argv = process.argv.slice(2);
const opt = (k: string) => argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const base = opt('base');
if (!base) throw new Error('--base=/path/to/checkout is required');
const kinds = (opt('kinds') ?? 'thin,blob,box').split(',') as MaskKind[];
const sets = (opt('sets') ?? 'dev,heldout').split(',') as PhotoSet[];
const only = opt('only')?.split(',');
const rounds = Math.max(1, Number(opt('rounds') ?? 3));

const outfile = join(mkdtempSync(join(tmpdir(), 'ab-engine-')), 'engine.mjs');
await build({
  entryPoints: [resolve(base, 'shared/engine/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const other = (await import(pathToFileURL(outfile).href)) as typeof current;

interface Case {
  key: string;
  name: string;
  image: current.RgbaImage;
  mask: Uint8Array;
  mp: number;
  t: [number[], number[]];
}
const cases: Case[] = [];
for (const photo of listAllPhotos(sets)) {
  if (only && !only.includes(photo.name)) continue;
  const image = await loadRgba(photo.path);
  if (image.width * image.height >= 1e6) continue;
  for (const kind of kinds) {
    const mask = await maskOf(photo, kind, image.width, image.height);
    const bounds = current.maskBounds(mask, image.width, image.height);
    if (!bounds) continue;
    const r = current.fillRegionFor(bounds, image.width, image.height);
    cases.push({
      key: `${photo.set} ${kind}`,
      name: `${photo.set} ${photo.name} ${kind}`,
      image,
      mask,
      mp: (r.width * r.height) / 1e6,
      t: [[], []],
    });
  }
}
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const engines = [other, current];
let differ = 0;
for (let round = 0; round < rounds; round++) {
  for (const c of cases) {
    const sums: string[] = [];
    for (const e of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = cpu();
      const out = engines[e].inpaint(c.image, c.mask, { seed: 1 });
      c.t[e].push(cpu() - t0);
      if (round === 0) sums[e] = createHash('sha1').update(out.data).digest('hex');
    }
    if (round === 0 && sums[0] !== sums[1]) {
      differ++;
      console.log(`differs: ${c.name}`);
    }
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const perMp = (c: Case, e: number) => median(rounds > 1 ? c.t[e].slice(1) : c.t[e]) / c.mp;
for (const key of new Set(cases.map((c) => c.key))) {
  const cs = cases.filter((c) => c.key === key);
  const [a, b] = [0, 1].map((e) => cs.reduce((s, c) => s + perMp(c, e), 0) / cs.length);
  console.log(`${key}: base ${a.toFixed(3)} → this ${b.toFixed(3)} CPU s/MP (${((b / a - 1) * 100).toFixed(1)} %)`);
}
if (argv.includes('--each')) for (const c of cases) console.log(`${c.name}: ${perMp(c, 0).toFixed(2)} → ${perMp(c, 1).toFixed(2)}`);
console.log(`same bytes: ${differ === 0 ? 'yes' : `NO, ${differ} differ`} (${cases.length} fills); load ${loadavg()[0].toFixed(1)}`);
process.exit(differ === 0 ? 0 : 1);
