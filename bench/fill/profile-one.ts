/**
 * One in-process `inpaint` (single thread, no workers) on a bench photo, timed on the CPU clock:
 *   node [--cpu-prof] scripts/run-ts.mjs bench/fill/profile-one.ts NAME KIND [REPEATS] [--worker]
 * `--worker`: through the app's `local` path instead (a fresh worker per fill, lanes; needs `npm run build:main`).
 * Prints the region size, the CPU seconds of each repeat (the first is cold: JIT warm-up, as in the
 * app's fresh worker per fill) and the median's CPU s per MP of region, with PSNR and texture so an
 * A/B of two checkouts shows both speed and quality. Use with `node --cpu-prof` to see where the time goes.
 */
import { inpaint, psnrInMask, seamScore, textureScore } from '../../shared/engine';
import { engineFill } from './engine-runner';
import { loadFillCase, type MaskKind } from './load';

const worker = process.argv.includes('--worker');
const [name = 'building', kind = 'blob', repeats = '3'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const { image, mask, region } = await loadFillCase(name, kind as MaskKind);
const mp = (region.width * region.height) / 1e6;
const times: number[] = [];
let out = image;
for (let i = 0; i < Math.max(1, Number(repeats)); i++) {
  const c0 = process.cpuUsage();
  out = worker ? await engineFill(image, mask, 1) : inpaint(image, mask, { seed: 1 });
  const c = process.cpuUsage(c0);
  times.push((c.user + c.system) / 1e6);
}
const sorted = [...times].sort((a, b) => a - b);
const med = sorted[sorted.length >> 1];
console.log(
  `${name} ${kind}: region ${region.width}×${region.height} (${mp.toFixed(3)} MP), CPU ${times.map((t) => t.toFixed(2)).join(' ')} s → median ${(med / mp).toFixed(2)} s/MP; psnr ${psnrInMask(out, image, mask).toFixed(3)} seam ${seamScore(out, image, mask).toFixed(3)} tex ${textureScore(out, image, mask).toFixed(4)}`,
);
process.exit(0);
