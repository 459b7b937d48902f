/**
 * An extended canvas whose new area kept layers have filled to the edges is exported without an
 * alpha channel, as the opaque original was (PNG by the parallel encoder, TIFF and 16-bit through
 * the raw composite); one with any transparent pixel left keeps its alpha.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
let chelsea: { assetId: string; width: number; height: number };
// chelsea.png (451×300) placed at (10, 20) on a wider, taller canvas.
const W = 451 + 10 + 25;
const H = 300 + 20 + 5;

/** An opaque patch of `w`×`h` at (x, y): a flat colour, as a kept layer's PNG. */
async function patch(x: number, y: number, w: number, h: number) {
  const png = await sharp({ create: { width: w, height: h, channels: 4, background: { r: 40, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
  return { assetId: await store.put(new Uint8Array(png), 'patch'), x, y };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-export-opaque-'));
  store = new AssetStore(join(tmp, 'assets'));
  chelsea = await importImage(store, new Uint8Array(await readFile(photo('chelsea.png'))), 'chelsea.png');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function exported(format: 'png' | 'tiff', layers: { assetId: string; x: number; y: number }[]) {
  const r = await renderExport(store, {
    canvas: { width: W, height: H },
    layers: [{ assetId: chelsea.assetId, x: 10, y: 20 }, ...layers],
    format,
  });
  return sharp(r.bytes).raw().toBuffer({ resolveWithObject: true });
}

describe('an extended canvas filled to its edges', () => {
  for (const format of ['png', 'tiff'] as const) {
    it(`${format.toUpperCase()}: no alpha channel once the new area is covered, the pixels the same`, async () => {
      // Four opaque bands over the new area (left, right, top, bottom), overlapping the photo's edge.
      const bands = [await patch(0, 0, 12, H), await patch(W - 27, 0, 27, H), await patch(0, 0, W, 22), await patch(0, H - 7, W, 7)];
      const out = await exported(format, bands);
      expect(out.info.channels).toBe(3);
      const original = await sharp(await readFile(photo('chelsea.png')))
        .raw()
        .toBuffer({ resolveWithObject: true });
      let wrong = 0;
      for (let y = 22; y < H - 7; y++)
        for (let x = 12; x < W - 27; x++) {
          const i = (y * W + x) * 3;
          const j = ((y - 20) * 451 + (x - 10)) * original.info.channels;
          for (let c = 0; c < 3; c++) if (out.data[i + c] !== original.data[j + c]) wrong++;
        }
      expect(wrong).toBe(0);
      expect([...out.data.subarray(0, 3)]).toEqual([40, 120, 200]);
    });

    it(`${format.toUpperCase()}: one transparent pixel left keeps the alpha channel`, async () => {
      // The bottom-left pixel is the only one no band reaches.
      const bands = [
        await patch(0, 0, 12, H - 1),
        await patch(W - 27, 0, 27, H),
        await patch(0, 0, W, 22),
        await patch(1, H - 7, W - 1, 7),
      ];
      const out = await exported(format, bands);
      expect(out.info.channels).toBe(4);
      expect(out.data[((H - 1) * W + 0) * 4 + 3]).toBe(0);
      expect(out.data[((H - 1) * W + 1) * 4 + 3]).toBe(255);
    });
  }
});
