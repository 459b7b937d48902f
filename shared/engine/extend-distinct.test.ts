import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { patchDistinctness } from './extend-distinct';
import { sourceMask } from './extend-synth';
import { inpaint } from './inpaint';
import { cropToLayer } from './region';
import { boxMask, makeImage } from './test-helpers';
import type { RgbaImage } from './types';

const PHOTOS = resolve(process.env.MASKWORK_PHOTOS ?? join(process.cwd(), '..', 'shared', 'testdata', 'photos'));

/** The night sky's colour at row y of an h-high scene (before noise). */
const skyAt = (y: number, h: number): [number, number, number] => [15 + (y * 40) / h, 30 + (y * 50) / h, 80 + (y * 60) / h];
const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * A night sky (a smooth vertical gradient with fine noise) with one distinct object in the middle: a
 * white rocket with a rounded nose and a red badge, and two yellow lamps by its foot. Nothing of
 * them reaches the edges of the centre half, so the extension should be sky only.
 */
function rocketScene(w: number, h: number): RgbaImage {
  let s = 777;
  const noise = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s / 0x7fffffff - 0.5) * 10;
  };
  const cx = w / 2,
    bodyTop = 0.25 * h,
    rx = 0.03 * w;
  return makeImage(w, h, (x, y) => {
    const n = noise();
    const inNose =
      y < bodyTop && y >= bodyTop - 2 * rx && Math.abs(x - cx) <= rx * Math.sqrt(Math.max(0, 1 - ((bodyTop - y) / (2 * rx)) ** 2));
    if (inNose || (y >= bodyTop && Math.abs(x - cx) <= rx)) {
      if (Math.hypot(x - cx, y - bodyTop - 10) < rx * 0.6) return [200, 30, 30];
      const shade = 235 - 40 * ((x - cx) / rx) ** 2 + n / 2;
      return [shade, shade, shade - 5];
    }
    for (const lx of [cx - 0.12 * w, cx + 0.12 * w]) if (Math.hypot(x - lx, y - 0.88 * h) < 5) return [255, 230, 120];
    const [r, g, b] = skyAt(y, h);
    return [r + n, g + n, b + n];
  });
}

describe('outpaint: a distinct object is not copied into the extension', () => {
  it('extends the sky around a lone rocket with sky only: no pieces of the rocket, its outline or its lamps', () => {
    // Before the distinctness penalty and the wider sub-cell detail window: the rocket's nose and
    // lamps floated in the real rocket photo's extension; here ~750 pixels of dark dashes (the blur of
    // the rocket carried along with sources of sky next to it) and light lines (its outline).
    const w = 640,
      h = 400;
    const img = rocketScene(w, h);
    const right = boxMask(w, h, (3 * w) / 4, 0, w, h);
    const mask = boxMask(w, h, 0, 0, w / 4, h).map((v, i) => v | right[i]);
    for (const seed of [1, 2]) {
      const out = inpaint(img, mask, { seed });
      let off = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const sky = luma(...skyAt(Math.floor(i / w), h));
        if (Math.abs(luma(out.data[i * 4], out.data[i * 4 + 1], out.data[i * 4 + 2]) - sky) > 25) off++;
      }
      expect(off, `seed ${seed}`).toBe(0);
    }
  }, 60_000);

  it('scores the object as distinct and the sky as not', () => {
    const w = 160,
      h = 100;
    const img = rocketScene(w, h);
    const layer = cropToLayer(img, boxMask(w, h, 0, 0, 20, h), { x: 0, y: 0, width: w, height: h });
    const ok = sourceMask(layer, 2);
    const d = patchDistinctness(layer.pix, ok, w, h, 2);
    const at = (x: number, y: number) => d[y * w + x];
    // The nose's tip and the badge stand out; open sky and the body's straight flank (it has
    // look-alikes along its length) do not, nor do the lamps (each is the other's look-alike).
    expect(at(80, Math.round(0.25 * h - 0.06 * w))).toBeGreaterThan(500);
    expect(at(80, 35)).toBeGreaterThan(500);
    expect(at(Math.round(80 + 0.03 * w), 70)).toBeLessThan(100);
    expect(at(Math.round(80 + 0.12 * w), 88)).toBeLessThan(100);
    expect(at(40, 30)).toBeLessThan(100);
    expect(at(120, 60)).toBeLessThan(100);
  });
});

describe.skipIf(!existsSync(join(PHOTOS, 'rocket.jpg')))('outpaint of the rocket photo', () => {
  it('puts no piece of the rocket or a lamp into the new sky', async () => {
    // The centre half extended to the full width (the bench's case). Before the distinctness penalty
    // the rocket's nose floated in the right sky and a piece of its body in the left: bright pixels
    // in the sky more than 64 px beyond the band, where the truth has only the dim tower lattice.
    const { data, info } = await sharp(join(PHOTOS, 'rocket.jpg')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const w = info.width,
      h = info.height;
    const img: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
    const a = Math.floor(w / 4),
      b = Math.floor((3 * w) / 4);
    const mask = new Uint8Array(w * h).map((_, i) => (i % w < a || i % w >= b ? 255 : 0));
    const out = inpaint(img, mask, { seed: 1 });
    const bright = (im: RgbaImage) => {
      let n = 0;
      for (let y = 0; y < 330; y++)
        for (let x = 0; x < w; x++) {
          if (x >= a - 64 && x < b + 64) continue;
          const i = (y * w + x) * 4;
          if (luma(im.data[i], im.data[i + 1], im.data[i + 2]) > 120) n++;
        }
      return n;
    };
    expect(bright(out)).toBeLessThanOrEqual(bright(img));
  }, 60_000);
});
