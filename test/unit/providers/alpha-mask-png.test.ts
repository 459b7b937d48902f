import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { alphaMaskPng } from '../../../electron/main/providers/alpha-mask-png';
import { toOpenAIMaskPng } from '../../../electron/main/providers/mask-encoding';

/** libvips decodes the PNG: every pixel must be black, alpha 0 where the mask is non-zero, else 255. */
async function expectDecodesTo(png: Uint8Array, mask: Uint8Array, width: number, height: number) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height, info.channels]).toEqual([width, height, 4]);
  let wrong = 0;
  for (let i = 0; i < width * height; i++) {
    const want = mask[i] === 0 ? 255 : 0;
    if (data[i * 4] !== 0 || data[i * 4 + 1] !== 0 || data[i * 4 + 2] !== 0 || data[i * 4 + 3] !== want) wrong++;
  }
  expect(wrong).toBe(0);
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('alphaMaskPng (the OpenAI mask written directly)', () => {
  it('decodes to the mask exactly: a rectangle, soft values, runs touching both edges, repeated and changing rows', async () => {
    const w = 57;
    const h = 23;
    const mask = new Uint8Array(w * h);
    for (let y = 3; y < 15; y++) for (let x = 0; x < 40; x++) mask[y * w + x] = 255; // touches the left edge
    for (let y = 10; y < 23; y++) for (let x = 50; x < w; x++) mask[y * w + x] = 7; // feathered value, right edge, last row
    mask[5 * w + 45] = 1; // a lone pixel
    await expectDecodesTo(alphaMaskPng(mask, w, h), mask, w, h);
  });

  it('decodes exactly for random masks of many shapes, one after another (the scratch buffer is reused)', async () => {
    const next = rng(7);
    for (const [w, h, density] of [
      [1, 1, 0.5],
      [1, 9, 0.5],
      [13, 1, 0.3],
      [64, 48, 0.02],
      [64, 48, 0.98],
      [301, 77, 0.5],
      [20, 20, 0],
      [20, 20, 1],
    ] as const) {
      const mask = new Uint8Array(w * h);
      // Blocks, so rows repeat (Up) and change (Sub), with random holes.
      for (let i = 0; i < mask.length; i++) mask[i] = next() < density ? 255 : 0;
      for (let y = 1; y < h; y += 2) if (next() < 0.5) mask.copyWithin(y * w, (y - 1) * w, y * w);
      await expectDecodesTo(alphaMaskPng(mask, w, h), mask, w, h);
    }
  });

  it('is what toOpenAIMaskPng sends, and compresses a typical edit mask to a few kB', async () => {
    const w = 1056;
    const h = 912;
    const mask = new Uint8Array(w * h);
    for (let y = 231; y < 681; y++) for (let x = 228; x < 828; x++) mask[y * w + x] = 255;
    const png = await toOpenAIMaskPng(mask, { width: w, height: h });
    await expectDecodesTo(png, mask, w, h);
    expect(png.length).toBeLessThan(16 * 1024);
  });
});
