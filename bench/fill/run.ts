/**
 * Quality bench for the local fill engine.
 *
 *   node scripts/run-ts.mjs bench/fill/run.ts [--quick] [--verbose] [--only=NAME,…] [--kinds=blob,box]
 *                                             [--sets=dev,heldout] [--methods=inpaint,ns,telea] [--no-fill] [--no-outpaint] [--no-poster]
 *                                             [--cold]
 *
 * Photo sets: `dev` = the shared dev set (../shared/testdata/photos, with its mask files) plus this
 * repo's bokeh/foliage extras (bench/fill/photos/dev); `heldout` = bench/fill/photos/heldout, photos
 * the engine was never tuned on. Extras get deterministic masks from masks.ts.
 * 1. Fill: every photo × mask kind (thin, blob, box) with `inpaint` (seed 1) and three baselines
 *    (OpenCV's two — Navier–Stokes and Telea, bench/fill/telea.ts — and the harmonic `diffusionFill`),
 *    scored against the untouched photo.
 * 2. Outpaint: centre half → full width on every photo (truth known).
 * 3. Poster: a 1080-px-high 9:16 poster extended to 8:1 — wall time and the longest progress gap.
 * Prints tables with PASS/FAIL per target; writes `bench-results/fill.json`.
 * `--quick` skips photos of 1 MP or more and the poster. Set MASKWORK_PHOTOS for another shared dir.
 * The engine is warmed up first, as every other bench warms up what it times: a fresh process runs
 * its first 4–7 fills 2–5× slower while V8 compiles the engine's loops, so without it the set that
 * runs first is charged for the JIT (see `warmUpEngine`). `--cold` skips the warm-up; the cold first
 * fill of a fresh process, with and without the app's own warm-up, is `warm-first.ts`'s measure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import {
  changedOutsideMask,
  diffusionFill,
  fillRegionFor,
  maskBounds,
  psnrInMask,
  seamScore,
  ssimInRect,
  textureScore,
  type RgbaImage,
} from '../../shared/engine';
import { holeArea } from './baselines';
import { engineFill } from './engine-runner';
import { blurFloor } from './floor';
import { listAllPhotos, loadRgba, MASK_KINDS, maskOf, photoDir, type PhotoSet } from './load';
import { runOutpaintCases, runPosterCase, outpaintChecks, outpaintRows, OUTPAINT_HEADER, type OutpaintResult } from './outpaint-run';
import { AGGREGATE_HEADER, aggregate, aggregateRows, checkTargets, table, type RunResult, type TargetCheck } from './report';
import { nsFill, teleaFill } from './telea';
import { warmupJob } from '../../electron/main/providers/engine-warmup';

export type Method = { name: string; run: (img: RgbaImage, mask: Uint8Array, onProgress?: (f: number) => void) => Promise<RgbaImage> };

export const METHODS: Method[] = [
  { name: 'inpaint', run: (img, mask, onProgress) => engineFill(img, mask, 1, onProgress) },
  { name: 'ns', run: async (img, mask) => nsFill(img, mask) },
  { name: 'telea', run: async (img, mask) => teleaFill(img, mask) },
  { name: 'diffusion', run: async (img, mask) => diffusionFill(img, mask) },
];

const argv = process.argv.slice(2);
const args = new Set(argv);
const quick = args.has('--quick');
/** `--only=a,b` restricts to photos whose name contains one of the words; `--kinds=blob,box` to mask kinds. */
const listArg = (flag: string) =>
  argv
    .find((a) => a.startsWith(`--${flag}=`))
    ?.slice(flag.length + 3)
    .split(',') ?? null;
const only = listArg('only');
const kinds = listArg('kinds');
const sets = (listArg('sets') ?? ['dev', 'heldout']) as PhotoSet[];
const methodNames = listArg('methods');
const methods = METHODS.filter((m) => !methodNames || methodNames.includes(m.name));
const verbose = args.has('--verbose');
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Untimed fills of synthetic textured regions (the app's warm-up picture, no photo of any set) at
 * the sizes the sets' regions have, round and deep holes, until V8 has compiled the engine's loops
 * in the pool's workers and their lane helpers: the timed fills then measure the engine, not the
 * JIT. Returns the warm-up's wall time in seconds.
 * The 448-px region's hole (≈ 57 k pixels) is above the fill worker's lane-start threshold (50 k,
 * local-worker.ts), so the lane helper starts and compiles its half of the split passes here. Up to
 * 384 px only (≈ 42 k), it never started: the first real fills with ≥ 50 k hole pixels (the dev set's
 * building, first in the run) started it cold and waited on its interpreted half — the first 8 dev
 * blob/box fills cost 1.13–1.15 CPU s/MP vs 0.89–0.97 with the helper warmed (3 alternating fresh
 * processes each, load 9–10).
 */
async function warmUpEngine(): Promise<number> {
  const t0 = performance.now();
  for (let round = 0; round < 2; round++)
    for (const side of [128, 256, 384, 448]) {
      const job = warmupJob(side, 0.6);
      const data = new Uint8ClampedArray(job.rgba.buffer, job.rgba.byteOffset, job.rgba.byteLength);
      await engineFill({ width: job.width, height: job.height, data }, job.mask, round + 1);
    }
  return (performance.now() - t0) / 1000;
}

async function fillBench(): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const photo of listAllPhotos(sets)) {
    if (only && !only.some((o) => photo.name.includes(o))) continue;
    const image = await loadRgba(photo.path);
    if (quick && image.width * image.height >= 1e6) continue;
    for (const kind of MASK_KINDS) {
      if (kinds && !kinds.includes(kind)) continue;
      const mask = await maskOf(photo, kind, image.width, image.height);
      const bounds = maskBounds(mask, image.width, image.height);
      if (!bounds) continue;
      // Every method is charged per megapixel of the region the exemplar fill works in.
      const region = fillRegionFor(bounds, image.width, image.height);
      const regionMp = (region.width * region.height) / 1e6;
      // The speed floor of this region, timed in this run (see floor.ts): the s/MP targets are read as ratios to it.
      const floor = await blurFloor(image, region);
      for (const method of methods) {
        const rssBefore = maxRssMb();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const out = await method.run(image, mask);
        const seconds = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        const r: RunResult = {
          image: photo.name,
          set: photo.set,
          kind,
          method: method.name,
          holePixels: holeArea(mask),
          regionMegapixels: regionMp,
          seconds,
          secondsPerMegapixel: seconds / regionMp,
          cpuSeconds,
          floorSeconds: floor.seconds,
          floorCpuSeconds: floor.cpuSeconds,
          psnr: psnrInMask(out, image, mask),
          ssim: ssimInRect(out, image, bounds),
          seam: seamScore(out, image, mask),
          truthSeam: seamScore(image, image, mask),
          texture: textureScore(out, image, mask),
          changedOutside: changedOutsideMask(out, image, mask),
          maxRssGrowthMb: maxRssMb() - rssBefore,
        };
        results.push(r);
        if (verbose) {
          console.log(
            [
              photo.name,
              kind,
              method.name,
              `psnr ${r.psnr.toFixed(2)}`,
              `seam ${r.seam.toFixed(2)}`,
              `tex ${r.texture.toFixed(2)}`,
              `${r.seconds.toFixed(2)} s`,
              `${r.secondsPerMegapixel.toFixed(3)} s/MP`,
              `CPU ${(r.cpuSeconds / regionMp).toFixed(3)} s/MP`,
              `${(r.seconds / r.floorSeconds).toFixed(1)}× floor`,
              `changed ${r.changedOutside}`,
            ].join('  '),
          );
        }
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  console.log(
    `fill bench: sets ${sets.join(' + ')} (shared dev photos from ${photoDir()})${quick ? ' (quick: < 1 MP only, no poster)' : ''}`,
  );
  const started = performance.now();
  const checks: TargetCheck[] = [];
  let runs: RunResult[] = [];
  let outpaint: OutpaintResult[] = [];
  let poster: Awaited<ReturnType<typeof runPosterCase>> | null = null;
  if (!args.has('--no-fill')) {
    if (args.has('--cold')) console.log('engine not warmed up (--cold): the first fills include V8 compiling the engine');
    else console.log(`engine warmed up: ${(await warmUpEngine()).toFixed(1)} s of untimed synthetic fills`);
    runs = await fillBench();
    const aggs = aggregate(runs);
    console.log(`\nFill\n${table(AGGREGATE_HEADER, aggregateRows(aggs))}\n`);
    checks.push(...checkTargets(aggs, 'inpaint', ['ns', 'telea'], runs));
  }
  if (!args.has('--no-outpaint')) {
    outpaint = await runOutpaintCases(methods, { sets, only, quick, verbose });
    console.log(`\nOutpaint: centre half → full width\n${table(OUTPAINT_HEADER, outpaintRows(outpaint))}\n`);
  }
  if (!quick && !args.has('--no-poster')) {
    poster = await runPosterCase(METHODS[0]);
    console.log(
      `\nPoster 1080 px high, 9:16 → 8:1 (${poster.width}×${poster.height}): ${poster.seconds.toFixed(1)} s, longest progress gap ${poster.maxGapSeconds.toFixed(2)} s, texture ${poster.texture.toFixed(2)} (vs poster ${poster.posterTexture.toFixed(2)})`,
    );
  }
  checks.push(...outpaintChecks(outpaint, poster, 'inpaint', ['ns', 'telea']));
  console.log(
    `\n${table(
      ['target', 'value', 'result'],
      checks.map((c) => [c.target, c.detail, c.pass ? 'PASS' : 'FAIL']),
    )}`,
  );
  const passed = checks.filter((c) => c.pass).length;
  const wall = (performance.now() - started) / 1000;
  console.log(
    `\n${passed}/${checks.length} targets pass; wall time ${wall.toFixed(1)} s; load average now ${loadavg()[0].toFixed(1)} on this machine`,
  );
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', 'fill.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        quick,
        sets,
        warmedUp: !args.has('--no-fill') && !args.has('--cold'),
        wallSeconds: wall,
        aggregates: runs.length ? aggregate(runs) : [],
        targets: checks,
        runs,
        outpaint,
        poster,
      },
      null,
      2,
    ),
  );
  console.log(`wrote ${file}`);
  // Worker pools keep the event loop alive.
  process.exit(0);
}

await main();
