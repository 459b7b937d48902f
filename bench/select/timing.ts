/**
 * Time of object select and select subject on a 24 MP (6000×4000) photo: a product rendered at full
 * size on a real photo scaled up. Wall and CPU time (the machine is shared, so CPU time and the
 * ratio to the floor are the numbers to compare across runs). Floor: reading the region and reducing
 * it to the engine's working size once (the least any selection of that region does).
 */
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { memorySource, reducedSize, selectObject } from '../../shared/select';
import { listPhotos } from '../fill/load';
import { compositeProduct, randomLook } from './products';

/** IoU of a coverage (≥ 128) placed in a `w`-wide image against the whole truth (outside the coverage = not selected). */
function iouIn(
  cov: { rect: { x: number; y: number; width: number; height: number }; data: Uint8Array },
  truth: Uint8Array,
  w: number,
): number {
  let inter = 0;
  let sel = 0;
  let tr = 0;
  for (let p = 0; p < truth.length; p++) tr += truth[p];
  const { rect: r, data } = cov;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (data[y * r.width + x] < 128) continue;
      sel++;
      if (truth[(r.y + y) * w + r.x + x]) inter++;
    }
  }
  return inter / (sel + tr - inter);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export async function timing24(runs: number) {
  const W = 6000;
  const H = 4000;
  const bg = listPhotos().find((p) => p.name === 'colorful-cups') ?? listPhotos()[0];
  const { data } = await sharp(bg.path)
    .resize(W, H, { fit: 'cover' })
    .removeAlpha()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgba = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const at = { cx: 3000, cy: 2100, hw: 1100, hh: 1500 };
  const truth = compositeProduct(rgba, W, H, randomLook('bottle', 7), at, 7);
  const src = memorySource({ width: W, height: H, data: rgba });
  const rect = { x: 1800, y: 500, width: 2400, height: 3200 };
  const region = { x: 1560, y: 180, width: 2880, height: 3820 };
  const rows: Record<string, Record<string, string | number>> = {};
  const floor: { wall: number; cpu: number }[] = [];
  const obj: { wall: number; cpu: number }[] = [];
  const sub: { wall: number; cpu: number }[] = [];
  const subFloor: { wall: number; cpu: number }[] = [];
  let objIou = 0;
  let subIou = 0;
  for (let i = 0; i < runs; i++) {
    const s = reducedSize(region.width, region.height, 400);
    floor.push(measure(() => src.read(region, s.width, s.height)));
    obj.push(
      measure(() => {
        const r = selectObject(src, { rect });
        objIou = iouIn(r.coverage, truth, W);
      }),
    );
    const f = reducedSize(W, H, 400);
    subFloor.push(measure(() => src.read({ x: 0, y: 0, width: W, height: H }, f.width, f.height)));
    sub.push(
      measure(() => {
        subIou = iouIn(selectObject(src, {}).coverage, truth, W);
      }),
    );
  }
  const row = (xs: { wall: number; cpu: number }[], fl: { wall: number; cpu: number }[]) => ({
    'wall ms': Math.round(median(xs.map((x) => x.wall))),
    'CPU ms': Math.round(median(xs.map((x) => x.cpu))),
    'floor wall ms': Math.round(median(fl.map((x) => x.wall))),
    'ratio to floor': Number((median(xs.map((x) => x.wall)) / median(fl.map((x) => x.wall))).toFixed(2)),
    'target < 2 s (CPU)': median(xs.map((x) => x.cpu)) < 2000 ? 'PASS' : 'FAIL',
  });
  rows['object select (2400×3200 rectangle)'] = { ...row(obj, floor), IoU: Number(objIou.toFixed(3)) };
  rows['select subject (whole photo)'] = { ...row(sub, subFloor), IoU: Number(subIou.toFixed(3)) };
  return { runs, rows, loadavg: loadavg() };
}
