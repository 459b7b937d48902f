/**
 * The fill bench's holes through the app's offline edit path, as a user sends them: `run.ts` hands
 * each hole straight to the engine, while the app grows the mask (Grow, 6 px by default for the
 * offline engine), adds the Edge feather (12 px by default) and builds a patch from the engine's
 * answer in main (`edit:start` → run-edit.ts → local provider → patch). This runs that path — main's
 * real handlers, the engine's worker pool, seed 1, one candidate, colour match on — and scores the
 * photo with the candidate composited over it against the untouched photo (needs `npm run build`).
 *
 *   node scripts/run-ts.mjs bench/fill/app-path.ts [--only=NAME,…] [--kinds=blob,box] [--sets=dev,heldout]
 *                                                  [--grow=6] [--feather=12] [--label=NAME]
 *
 * Per case, with G = the bench hole grown by Grow (what the user asked to replace) and D = G plus the
 * feather's band (every pixel an edit may touch):
 * - PSNR in D and in G, texture ratio in G and seam at G's edge (engine metrics, as run.ts);
 * - band changed / band > 60: pixels of D outside G that differ from the photo at all / by more than
 *   60 in a channel (a hole wider than the mask cuts through what lies beside it: a cup's rim);
 * - see-through: pixels of G where the patch is not opaque, so what the mask covered shows through.
 * Note: the bench's "object" is the photo itself, so whatever shows through in G raises PSNR there.
 * Writes `bench-results/app-path-LABEL.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { maskBounds, psnrInMask, seamScore, textureScore, type RgbaImage } from '../../shared/engine';
import { dilatedMask, featherBand, compositeOverInto } from '../../shared/pixels/patch';
import { maskRectFor } from '../../renderer/model/edit-request';
import { startMain } from '../../test/support/main-harness';
import { grown } from './app-path-lib';
import { listAllPhotos, loadRgba, MASK_KINDS, maskOf, type PhotoSet } from './load';

const argv = process.argv.slice(2);
const arg = (flag: string) => argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
const list = (flag: string) => arg(flag)?.split(',') ?? null;
const only = list('only');
const kinds = list('kinds');
const sets = (list('sets') ?? ['dev', 'heldout']) as PhotoSet[];
const growPx = Number(arg('grow') ?? 6);
const featherPx = Number(arg('feather') ?? 12);
const label = arg('label') ?? 'run';

export interface AppPathCase {
  image: string;
  set: PhotoSet;
  kind: string;
  holePixels: number;
  region: { x: number; y: number; width: number; height: number };
  seconds: number;
  psnrBand: number;
  psnrHole: number;
  texture: number;
  seam: number;
  truthSeam: number;
  bandChanged: number;
  bandOver60: number;
  seeThrough: number;
}

async function main(): Promise<void> {
  const h = await startMain({});
  const cases: AppPathCase[] = [];
  const started = performance.now();
  console.log(
    `app path: grow ${growPx}, feather ${featherPx}, sets ${sets.join(' + ')}; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const photo of listAllPhotos(sets)) {
    if (only && !only.some((o) => photo.name.includes(o))) continue;
    const truth = await loadRgba(photo.path);
    const { width: W, height: H } = truth;
    const img = await h.call('image:import', { bytes: new Uint8Array(readFileSync(photo.path)), name: photo.path.split('/').pop() });
    for (const kind of MASK_KINDS) {
      if (kinds && !kinds.includes(kind)) continue;
      const hole = grown(await maskOf(photo, kind, W, H), W, H, growPx);
      const b = maskBounds(hole, W, H);
      if (!b) continue;
      const rect = maskRectFor({ x: b.x, y: b.y, width: b.width, height: b.height }, featherPx, { width: W, height: H });
      const crop = new Uint8Array(rect.width * rect.height);
      for (let y = 0; y < rect.height; y++)
        crop.set(hole.subarray((rect.y + y) * W + rect.x, (rect.y + y) * W + rect.x + rect.width), y * rect.width);
      const png = new Uint8Array(
        await sharp(crop, { raw: { width: rect.width, height: rect.height, channels: 1 } })
          .png()
          .toBuffer(),
      );
      const t0 = performance.now();
      const { jobId } = await h.call('edit:start', {
        canvas: { width: W, height: H },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        mask: { png, rect },
        prompt: '',
        model: 'local',
        n: 1,
        references: [],
        featherPx,
        colorMatch: true,
        seed: 1,
      });
      const result = await h.waitJob(jobId);
      const seconds = (performance.now() - t0) / 1000;
      if (result.state !== 'done') throw new Error(`${photo.name} ${kind}: ${result.state} ${JSON.stringify(result)}`);
      const c = result.candidates[0];
      const patch = await sharp(await h.svc.store.get(c.assetId))
        .ensureAlpha()
        .raw()
        .toBuffer();
      const out: RgbaImage = { width: W, height: H, data: new Uint8ClampedArray(truth.data) };
      const outBytes = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
      const r = c.region;
      compositeOverInto(outBytes, W, new Uint8Array(patch), r.width, { sx: 0, sy: 0, dx: r.x, dy: r.y, width: r.width, height: r.height });
      const band = dilatedMask(hole, W, H, featherBand(featherPx), 255);
      let bandChanged = 0;
      let bandOver60 = 0;
      let bandMax = 0;
      let seeThrough = 0;
      let holePixels = 0;
      for (let i = 0; i < W * H; i++) {
        if (hole[i] >= 128) {
          holePixels++;
          const x = (i % W) - r.x;
          const y = Math.floor(i / W) - r.y;
          const a = x >= 0 && y >= 0 && x < r.width && y < r.height ? patch[(y * r.width + x) * 4 + 3] : 0;
          if (a < 255) seeThrough++;
          continue;
        }
        if (!band[i]) continue;
        let d = 0;
        for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(out.data[i * 4 + k] - truth.data[i * 4 + k]));
        if (d > 0) bandChanged++;
        if (d > bandMax) bandMax = d;
        if (d > 60) bandOver60++;
      }
      const row: AppPathCase = {
        image: photo.name,
        set: photo.set,
        kind,
        holePixels,
        region: r,
        seconds,
        psnrBand: psnrInMask(out, truth, band),
        psnrHole: psnrInMask(out, truth, hole),
        texture: textureScore(out, truth, hole),
        seam: seamScore(out, truth, hole),
        truthSeam: seamScore(truth, truth, hole),
        bandChanged,
        bandOver60,
        seeThrough,
      };
      cases.push(row);
      console.log(
        [
          photo.name,
          kind,
          `psnr D ${row.psnrBand.toFixed(2)} G ${row.psnrHole.toFixed(2)}`,
          `tex ${row.texture.toFixed(2)}`,
          `seam ${row.seam.toFixed(2)} (photo ${row.truthSeam.toFixed(2)})`,
          `band changed ${bandChanged} >60 ${bandOver60} max ${bandMax}`,
          `see-through ${seeThrough}`,
          `${seconds.toFixed(2)} s`,
        ].join('  '),
      );
    }
  }
  console.log('\nset        kind  n   PSNR D  PSNR G  texture  seam (photo)   band changed  band >60  see-through');
  for (const set of sets)
    for (const kind of MASK_KINDS) {
      const rows = cases.filter((c) => c.set === set && c.kind === kind);
      if (!rows.length) continue;
      const mean = (f: (c: AppPathCase) => number) => rows.reduce((s, c) => s + f(c), 0) / rows.length;
      const sum = (f: (c: AppPathCase) => number) => rows.reduce((s, c) => s + f(c), 0);
      console.log(
        [
          set.padEnd(9),
          kind.padEnd(5),
          String(rows.length).padEnd(3),
          mean((c) => c.psnrBand)
            .toFixed(2)
            .padStart(6),
          mean((c) => c.psnrHole)
            .toFixed(2)
            .padStart(7),
          mean((c) => c.texture)
            .toFixed(2)
            .padStart(8),
          `${mean((c) => c.seam).toFixed(2)} (${mean((c) => c.truthSeam).toFixed(2)})`.padStart(13),
          String(sum((c) => c.bandChanged)).padStart(14),
          String(sum((c) => c.bandOver60)).padStart(9),
          String(sum((c) => c.seeThrough)).padStart(12),
        ].join('  '),
      );
    }
  const wall = (performance.now() - started) / 1000;
  console.log(
    `\nwall ${wall.toFixed(0)} s; load now ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    join('bench-results', `app-path-${label}.json`),
    JSON.stringify({ date: new Date().toISOString(), growPx, featherPx, cases }, null, 2),
  );
  await h.close();
  process.exit(0);
}

await main();
