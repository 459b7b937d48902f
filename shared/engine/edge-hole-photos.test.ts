import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inpaint } from './inpaint';
import { changedOutsideMask } from './metrics';
import type { RgbaImage } from './types';

const PHOTOS = resolve(process.env.MASKWORK_PHOTOS ?? join(process.cwd(), '..', 'shared', 'testdata', 'photos'));
const DESK = join(PHOTOS, 'desk-stuff.jpg');

/**
 * desk-stuff.jpg as the app sends it after the lighter is brushed out (a 60-px stroke from the lighter's
 * top to the photo's bottom edge, grown by 6, plus the 18-px band of a 12-px edge feather): the region
 * x 181–493, y 147–479 and a 108-px-wide capsule hole reaching the bottom edge.
 */
async function deskCase(): Promise<{ image: RgbaImage; mask: Uint8Array }> {
  const { data, info } = await sharp(DESK).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const X = 181,
    Y = 147,
    w = 313,
    h = 333;
  const image: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  for (let y = 0; y < h; y++) image.data.set(data.subarray(((y + Y) * info.width + X) * 4, ((y + Y) * info.width + X + w) * 4), y * w * 4);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const cy = Math.min(470, Math.max(303, y + Y));
      if ((x + X - 337.5) ** 2 + (y + Y - cy) ** 2 <= 54 * 54) mask[y * w + x] = 255;
    }
  }
  return { image, mask };
}

const lum = (d: ArrayLike<number>, i: number) => (d[i * 4] + d[i * 4 + 1] + d[i * 4 + 2]) / 3;

describe.skipIf(!existsSync(DESK))('a brush hole at the photo edge (desk-stuff, lighter removed)', () => {
  // Seeds 4 and 6 stamped half a copy of the coin (left of the hole) into it while such holes took the
  // extension path: 36 and 116 hole pixels brighter than anything around the hole (luminance up to 236).
  it.each([4, 6])('copies no coin into the desk (seed %i)', async (seed) => {
    const { image, mask } = await deskCase();
    const out = inpaint(image, mask, { seed });
    expect(changedOutsideMask(out, image, mask)).toBe(0);
    // The brightest known pixel within 8 px of the hole: plain desk (the coin and the ball are farther).
    const { width: w, height: h } = image;
    let ringMax = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (mask[y * w + x]) continue;
        let near = false;
        for (let dy = -8; dy <= 8 && !near; dy++)
          for (let dx = -8; dx <= 8 && !near; dx++)
            near = mask[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))] > 127;
        if (near) ringMax = Math.max(ringMax, lum(image.data, y * w + x));
      }
    }
    let bright = 0;
    for (let i = 0; i < w * h; i++) if (mask[i] && lum(out.data, i) > ringMax + 10) bright++;
    expect(bright).toBe(0);
  });
});
