/**
 * Dev tool: the centre-half outpaint of every photo of a set, through the app's `local` path (engine-runner.ts; needs `npm run build`), with the
 * bench's quality metrics (texture, block error, seam) per photo; `--dump=DIR` writes the results;
 * `--seeds=1,2,3` runs each photo with several seeds (the texture of each); `--depth` adds the texture
 * ratio of each side and of four depth bands (W/16 wide each, from the band outwards, both sides);
 * `--rotate` turns each photo a quarter clockwise first, so its centre half is extended above and
 * below (a second case per photo, with other content beyond the edges; not tuned on).
 *
 *   node scripts/run-ts.mjs bench/fill/outpaint-quick.ts [--sets=dev] [--only=a,b] [--seeds=1] [--depth] [--rotate] [--dump=DIR]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { seamScore, textureScore, type RgbaImage } from '../../shared/engine';
import { engineFill } from './engine-runner';
import { listAllPhotos, loadRgba, type PhotoSet } from './load';
import { blockColourError, centreHalfMask, quarterTurn } from './outpaint';

const argv = process.argv.slice(2);
const arg = (f: string) => argv.find((a) => a.startsWith(`--${f}=`))?.slice(f.length + 3) ?? null;
const sets = (arg('sets') ?? 'dev').split(',') as PhotoSet[];
const only = arg('only')?.split(',') ?? null;
const dump = arg('dump');
const seeds = (arg('seeds') ?? '1').split(',').map(Number);
const depth = argv.includes('--depth');
const rotate = argv.includes('--rotate');
if (dump) mkdirSync(dump, { recursive: true });
const save = (img: RgbaImage, file: string) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .png()
    .toFile(file);
/** The hole pixels of `mask` whose column is in [x0, x1) or [w − x1, w − x0) (both sides). */
const columns = (mask: Uint8Array, w: number, keep: (x: number) => boolean) => mask.map((m, i) => (keep(i % w) ? m : 0));
let inRange = 0,
  n = 0;
for (const photo of listAllPhotos(sets)) {
  if (only && !only.some((w) => photo.name.includes(w))) continue;
  const loaded = await loadRgba(photo.path);
  const image = rotate ? quarterTurn(loaded) : loaded;
  const mask = centreHalfMask(image.width, image.height);
  for (const seed of seeds) {
    const t0 = performance.now();
    const res = await engineFill(image, mask, seed);
    const s = (performance.now() - t0) / 1000;
    const tex = textureScore(res, image, mask);
    n++;
    if (tex >= 0.7 && tex <= 1.3) inRange++;
    let extra = '';
    if (depth) {
      const w = image.width,
        a = Math.floor(w / 4),
        q = w / 16;
      const t = (keep: (x: number) => boolean) => textureScore(res, image, columns(mask, w, keep)).toFixed(2);
      // Distance from the band of a hole column, in px (left side: a − 1 − x; right side: x − (w − a)).
      const d = (x: number) => (x < w / 2 ? a - 1 - x : x - (w - a));
      extra = `  L ${t((x) => x < w / 2)} R ${t((x) => x >= w / 2)}  by depth ${[0, 1, 2, 3].map((k) => t((x) => d(x) >= k * q && d(x) < (k + 1) * q)).join(' ')}`;
    }
    console.log(
      `${photo.set.padEnd(8)} ${photo.name.padEnd(20)} seed ${seed} tex ${tex.toFixed(2)}  block ${blockColourError(res, image, mask).toFixed(1)}  seam ${seamScore(res, image, mask).toFixed(2)}/${seamScore(image, image, mask).toFixed(2)}  ${s.toFixed(1)} s${extra}`,
    );
    if (dump) await save(res, join(dump, `${photo.name}${seeds.length > 1 ? `-${seed}` : ''}-outpaint.png`));
  }
}
console.log(`in range ${inRange}/${n}`);
