/**
 * The 24 MP test photo: colorful-cups.jpg (2560×1600) upscaled to 6000×4000 (lanczos, JPEG q90,
 * 4:2:0 — a camera-like file). Deterministic: same bytes on every run with the same sharp.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS } from '../../test/support/app-harness';

export const BIG = { width: 6000, height: 4000 };

export async function bigJpeg(): Promise<Buffer> {
  return sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(BIG.width, BIG.height, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
}

export async function writeBigJpeg(dir: string, name = 'big-6000x4000.jpg'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, await bigJpeg());
  return path;
}

/** A filled ellipse inscribed in w×h, one byte per pixel (255 inside). */
export function ellipse(w: number, h: number): Uint8Array {
  const m = new Uint8Array(w * h);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (((x + 0.5 - cx) / cx) ** 2 + ((y + 0.5 - cy) / cy) ** 2 <= 1) m[y * w + x] = 255;
  return m;
}
