/**
 * A speed floor for the fill bench, measured in the same run as the engine: libvips (sharp) blurs the
 * same region of the same photo. The machine is shared (load 8–12 on 2 cores), so absolute seconds
 * say more about the load than about the engine; the ratio engine ÷ floor, both timed moments apart,
 * is what can be compared between runs. libvips uses both cores too, so the floor is "two cores doing
 * a cheap neighbourhood operation over every pixel of the region".
 */
import sharp from 'sharp';
import type { Rect, RgbaImage } from '../../shared/engine';

/** Gaussian σ of the floor's blur (libvips picks a separable kernel of about 6σ taps). */
const FLOOR_SIGMA = 4;
/** Repeats per region; the median is kept (a single blur of 0.1–0.5 MP takes a few ms). */
const FLOOR_REPEATS = 5;

/** Wall and CPU seconds (all threads of this process) of the floor for one region: medians of the repeats. */
export interface FloorTime {
  seconds: number;
  cpuSeconds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Times a σ = 4 libvips blur of `rect` of `image` (raw RGBA in, raw RGBA out), median of 5. */
export async function blurFloor(image: RgbaImage, rect: Rect): Promise<FloorTime> {
  const region = new Uint8Array(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const s = ((rect.y + y) * image.width + rect.x) * 4;
    region.set(image.data.subarray(s, s + rect.width * 4), y * rect.width * 4);
  }
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < FLOOR_REPEATS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await sharp(region, { raw: { width: rect.width, height: rect.height, channels: 4 } })
      .blur(FLOOR_SIGMA)
      .raw()
      .toBuffer();
    const c = process.cpuUsage(c0);
    walls.push((performance.now() - t0) / 1000);
    cpus.push((c.user + c.system) / 1e6);
  }
  return { seconds: median(walls), cpuSeconds: median(cpus) };
}
