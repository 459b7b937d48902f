/**
 * The centre-half outpaint through the app's offline outpaint path, as a user runs it: Extend canvas
 * (the photo's middle half as the original, the full width as the canvas), then Generate with the
 * offline engine (`outpaint:start` → run-outpaint.ts → the engine's tile step → blend → the patch with
 * its overlap band of `--band` px, 32 by default as in the Extend tool). `outpaint-quick.ts` hands
 * the new area straight to the engine and never sees the band. Scores the patch composited over the
 * photo against the whole photo (needs `npm run build`):
 * - texture, block-colour error and seam as outpaint-quick.ts (the seam against the photo's pixels
 *   beside the new area), and the seam as it shows (against the composite's own pixels there);
 * - the original's pixels the outpaint changed (at all, by more than 10, the most) and the texture of
 *   the band (the original's pixels within `--band` px of an extended side: 1 when left as they were).
 *
 *   node scripts/run-ts.mjs bench/fill/outpaint-app-path.ts [--sets=dev,heldout] [--only=a,b] [--band=32] [--seed=1] [--label=NAME] [--dump=DIR]
 *
 * Writes `bench-results/outpaint-app-path-LABEL.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { seamScore, textureScore, type RgbaImage } from '../../shared/engine';
import { compositeOverInto } from '../../shared/pixels/patch';
import { startMain } from '../../test/support/main-harness';
import { listAllPhotos, loadRgba, type PhotoSet } from './load';
import { blockColourError, centreHalfMask } from './outpaint';

const argv = process.argv.slice(2);
const arg = (flag: string) => argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
const sets = (arg('sets') ?? 'dev,heldout').split(',') as PhotoSet[];
const only = arg('only')?.split(',') ?? null;
const band = Number(arg('band') ?? 32);
const seed = Number(arg('seed') ?? 1);
const label = arg('label') ?? 'run';
const dump = arg('dump');
if (dump) mkdirSync(dump, { recursive: true });

interface Row {
  image: string;
  set: PhotoSet;
  seconds: number;
  texture: number;
  blockError: number;
  seam: number;
  seamShown: number;
  truthSeam: number;
  changed: number;
  changedOver10: number;
  changedMax: number;
  bandTexture: number;
}

const h = await startMain({});
const rows: Row[] = [];
console.log(
  `outpaint app path: band ${band}, seed ${seed}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const photo of listAllPhotos(sets)) {
  if (only && !only.some((o) => photo.name.includes(o))) continue;
  const truth = await loadRgba(photo.path);
  const { width: W, height: H } = truth;
  const mask = centreHalfMask(W, H);
  const x0 = Math.floor(W / 4);
  const original = { x: x0, y: 0, width: Math.floor((3 * W) / 4) - x0, height: H };
  const cropPng = await sharp(Buffer.from(truth.data.buffer, truth.data.byteOffset, truth.data.length), {
    raw: { width: W, height: H, channels: 4 },
  })
    .extract({ left: original.x, top: 0, width: original.width, height: H })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const img = await h.call('image:import', { bytes: new Uint8Array(cropPng), name: `${photo.name}-centre.png` });
  const t0 = performance.now();
  const { jobId } = await h.call('outpaint:start', {
    canvas: { width: W, height: H },
    original,
    layers: [{ assetId: img.assetId, x: original.x, y: 0 }],
    prompt: '',
    model: 'local',
    n: 1,
    featherPx: band,
    seed,
  });
  const result = await h.waitJob(jobId);
  const seconds = (performance.now() - t0) / 1000;
  if (result.state !== 'done') throw new Error(`${photo.name}: ${result.state} ${JSON.stringify(result)}`);
  const c = result.candidates[0];
  const patch = await sharp(await h.svc.store.get(c.assetId))
    .ensureAlpha()
    .raw()
    .toBuffer();
  const out: RgbaImage = { width: W, height: H, data: new Uint8ClampedArray(truth.data) };
  const r = c.region;
  compositeOverInto(new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength), W, new Uint8Array(patch), r.width, {
    sx: 0,
    sy: 0,
    dx: r.x,
    dy: r.y,
    width: r.width,
    height: r.height,
  });
  let changed = 0;
  let changedOver10 = 0;
  let changedMax = 0;
  const bandMask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = original.x; x < original.x + original.width; x++) {
      const i = y * W + x;
      if (Math.min(x - original.x, original.x + original.width - 1 - x) < band) bandMask[i] = 255;
      let d = 0;
      for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(out.data[i * 4 + k] - truth.data[i * 4 + k]));
      if (d > 0) changed++;
      if (d > 10) changedOver10++;
      changedMax = Math.max(changedMax, d);
    }
  const row: Row = {
    image: photo.name,
    set: photo.set,
    seconds,
    texture: textureScore(out, truth, mask),
    blockError: blockColourError(out, truth, mask),
    seam: seamScore(out, truth, mask),
    seamShown: seamScore(out, undefined, mask),
    truthSeam: seamScore(truth, truth, mask),
    changed,
    changedOver10,
    changedMax,
    bandTexture: textureScore(out, truth, bandMask),
  };
  rows.push(row);
  if (dump)
    await sharp(Buffer.from(out.data.buffer, out.data.byteOffset, out.data.length), { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toFile(join(dump, `${photo.name}-outpaint.png`));
  console.log(
    `${photo.set.padEnd(8)} ${photo.name.padEnd(20)} tex ${row.texture.toFixed(2)}  block ${row.blockError.toFixed(1)}  seam ${row.seam.toFixed(2)} shown ${row.seamShown.toFixed(2)} (photo ${row.truthSeam.toFixed(2)})  original changed ${changed} >10 ${changedOver10} max ${changedMax}  band tex ${row.bandTexture.toFixed(2)}  ${seconds.toFixed(1)} s`,
  );
}
console.log('\nset       n   texture mean (min–max)  in 0.7–1.3  block  seam  shown  (photo)  changed  >10  band tex');
for (const set of sets) {
  const g = rows.filter((r) => r.set === set);
  if (!g.length) continue;
  const mean = (f: (r: Row) => number) => g.reduce((s, r) => s + f(r), 0) / g.length;
  const tex = g.map((r) => r.texture);
  console.log(
    [
      set.padEnd(9),
      String(g.length).padEnd(3),
      `${mean((r) => r.texture).toFixed(2)} (${Math.min(...tex).toFixed(2)}–${Math.max(...tex).toFixed(2)})`.padEnd(23),
      `${tex.filter((t) => t >= 0.7 && t <= 1.3).length}/${g.length}`.padEnd(11),
      mean((r) => r.blockError).toFixed(1),
      mean((r) => r.seam).toFixed(2),
      mean((r) => r.seamShown).toFixed(2),
      mean((r) => r.truthSeam).toFixed(2),
      String(g.reduce((s, r) => s + r.changed, 0)),
      String(g.reduce((s, r) => s + r.changedOver10, 0)),
      mean((r) => r.bandTexture).toFixed(3),
    ].join('  '),
  );
}
console.log(
  `load now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  join('bench-results', `outpaint-app-path-${label}.json`),
  JSON.stringify({ date: new Date().toISOString(), band, seed, rows }, null, 2),
);
await h.close();
process.exit(0);
