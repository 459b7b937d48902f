/**
 * Quality bench for the local fill engine.
 *
 *   node scripts/run-ts.mjs bench/fill/run.ts [--quick] [--verbose]
 *
 * For every photo × mask kind (thin, blob, box) it runs `inpaint` (seed 1) and two baselines
 * (`diffusionFill`, a mean-colour fill), scores them against the untouched photo, prints a table
 * per mask kind × method with PASS/FAIL per target, and writes `bench-results/fill.json`.
 * `--quick` only uses photos under 1 MP; `--only=NAME,...` and `--kinds=blob,box` pick a subset. Set MASKWORK_PHOTOS to use another photo directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  changedOutsideMask,
  diffusionFill,
  fillRegionFor,
  inpaint,
  maskBounds,
  psnrInMask,
  seamScore,
  ssimInRect,
  textureScore,
  type RgbaImage,
} from '../../shared/engine';
import { holeArea, meanColourFill } from './baselines';
import { listPhotos, loadMask, loadRgba, MASK_KINDS, photoDir } from './load';
import { AGGREGATE_HEADER, aggregate, aggregateRows, checkTargets, table, type RunResult } from './report';

type Method = { name: string; run: (img: RgbaImage, mask: Uint8Array) => RgbaImage };

const METHODS: Method[] = [
  { name: 'inpaint', run: (img, mask) => inpaint(img, mask, { seed: 1 }) },
  { name: 'diffusion', run: diffusionFill },
  { name: 'mean-colour', run: meanColourFill },
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
const verbose = args.has('--verbose');
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const dir = photoDir();
  const photos = listPhotos(dir);
  console.log(`fill bench: ${photos.length} photos from ${dir}${quick ? ' (quick: < 1 MP only)' : ''}`);
  const results: RunResult[] = [];
  const started = performance.now();
  for (const photo of photos) {
    if (only && !only.some((o) => photo.name.includes(o))) continue;
    const image = await loadRgba(photo.path);
    if (quick && image.width * image.height >= 1e6) continue;
    for (const kind of MASK_KINDS) {
      if (kinds && !kinds.includes(kind)) continue;
      const mask = await loadMask(photo.masks[kind], image.width, image.height);
      const bounds = maskBounds(mask, image.width, image.height);
      if (!bounds) continue;
      // Every method is charged per megapixel of the region the exemplar fill works in.
      const region = fillRegionFor(bounds, image.width, image.height);
      const regionMp = (region.width * region.height) / 1e6;
      for (const method of METHODS) {
        const rssBefore = maxRssMb();
        const t0 = performance.now();
        const out = method.run(image, mask);
        const seconds = (performance.now() - t0) / 1000;
        const r: RunResult = {
          image: photo.name,
          kind,
          method: method.name,
          holePixels: holeArea(mask),
          regionMegapixels: regionMp,
          seconds,
          secondsPerMegapixel: seconds / regionMp,
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
              `ssim ${r.ssim.toFixed(3)}`,
              `seam ${r.seam.toFixed(2)}`,
              `tex ${r.texture.toFixed(2)}`,
              `${r.seconds.toFixed(2)} s`,
              `${r.secondsPerMegapixel.toFixed(3)} s/MP`,
              `changed ${r.changedOutside}`,
            ].join('  '),
          );
        }
      }
    }
  }
  const aggs = aggregate(results);
  console.log(`\n${table(AGGREGATE_HEADER, aggregateRows(aggs))}\n`);
  const checks = checkTargets(aggs, 'inpaint', 'diffusion');
  console.log(
    table(
      ['target', 'value', 'result'],
      checks.map((c) => [c.target, c.detail, c.pass ? 'PASS' : 'FAIL']),
    ),
  );
  const passed = checks.filter((c) => c.pass).length;
  const wall = (performance.now() - started) / 1000;
  console.log(`\n${passed}/${checks.length} targets pass; wall time ${wall.toFixed(1)} s`);
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', 'fill.json');
  writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), quick, photoDir: dir, wallSeconds: wall, aggregates: aggs, targets: checks, runs: results },
      null,
      2,
    ),
  );
  console.log(`wrote ${file}`);
}

await main();
