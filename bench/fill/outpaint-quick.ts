/**
 * Dev tool: the centre-half outpaint of every photo of a set, through the app's `local` path (engine-runner.ts; needs `npm run build`), with the
 * bench's quality metrics (texture, block error, seam) per photo; `--dump=DIR` writes the results.
 *
 *   node scripts/run-ts.mjs bench/fill/outpaint-quick.ts [--sets=dev] [--only=a,b] [--dump=DIR]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { seamScore, textureScore, type RgbaImage } from '../../shared/engine';
import { engineFill } from './engine-runner';
import { listAllPhotos, loadRgba, type PhotoSet } from './load';
import { blockColourError, centreHalfMask } from './outpaint';

const argv = process.argv.slice(2);
const arg = (f: string) => argv.find((a) => a.startsWith(`--${f}=`))?.slice(f.length + 3) ?? null;
const sets = (arg('sets') ?? 'dev').split(',') as PhotoSet[];
const only = arg('only')?.split(',') ?? null;
const dump = arg('dump');
if (dump) mkdirSync(dump, { recursive: true });
const save = (img: RgbaImage, file: string) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .png()
    .toFile(file);
let inRange = 0,
  n = 0;
for (const photo of listAllPhotos(sets)) {
  if (only && !only.some((w) => photo.name.includes(w))) continue;
  const image = await loadRgba(photo.path);
  const mask = centreHalfMask(image.width, image.height);
  const t0 = performance.now();
  const res = await engineFill(image, mask, 1);
  const s = (performance.now() - t0) / 1000;
  const tex = textureScore(res, image, mask);
  n++;
  if (tex >= 0.7 && tex <= 1.3) inRange++;
  console.log(
    `${photo.set.padEnd(8)} ${photo.name.padEnd(20)} tex ${tex.toFixed(2)}  block ${blockColourError(res, image, mask).toFixed(1)}  seam ${seamScore(res, image, mask).toFixed(2)}/${seamScore(image, image, mask).toFixed(2)}  ${s.toFixed(1)} s`,
  );
  if (dump) await save(res, join(dump, `${photo.name}-outpaint.png`));
}
console.log(`in range ${inRange}/${n}`);
