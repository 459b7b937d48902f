import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { diffusionFill } from './diffusion';
import { inpaint } from './inpaint';
import { changedOutsideMask, psnrInMask, textureScore } from './metrics';
import type { RgbaImage } from './types';

const PHOTOS = resolve(process.env.MASKWORK_PHOTOS ?? join(process.cwd(), '..', 'shared', 'testdata', 'photos'));

async function loadPhoto(name: string): Promise<RgbaImage> {
  const { data, info } = await sharp(join(PHOTOS, name)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

async function loadMask(name: string): Promise<Uint8Array> {
  const { data, info } = await sharp(join(PHOTOS, name)).raw().toBuffer({ resolveWithObject: true });
  const out = new Uint8Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels];
  return out;
}

const cases: [photo: string, kind: string][] = [
  ['smarties.png', 'blob'],
  ['chelsea.png', 'box'],
  ['cork-texture.png', 'thin'],
];

describe.skipIf(!existsSync(PHOTOS))('inpaint on real photos', () => {
  for (const [photo, kind] of cases) {
    it(`changes only masked pixels of ${photo} (${kind} mask) and keeps texture`, async () => {
      const img = await loadPhoto(photo);
      const mask = await loadMask(photo.replace(/\.[^.]+$/, `.mask-${kind}.png`));
      const before = new Uint8ClampedArray(img.data);
      const out = inpaint(img, mask, { seed: 1 });
      expect(changedOutsideMask(out, img, mask)).toBe(0);
      // The input is never modified.
      expect(Buffer.from(img.data).equals(Buffer.from(before))).toBe(true);
      // Something was actually painted, and it is sharper than the smooth baseline.
      expect(psnrInMask(out, img, mask)).toBeLessThan(Infinity);
      const smooth = diffusionFill(img, mask);
      expect(textureScore(out, img, mask)).toBeGreaterThan(textureScore(smooth, img, mask));
    });
  }
});
