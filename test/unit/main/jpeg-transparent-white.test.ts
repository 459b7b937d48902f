/**
 * JPEG has no alpha: the transparent part of an extended canvas (not filled yet) is exported over
 * white, as Photoshop's JPEG matte and the PSD's merged image have it — on the kept-original-data
 * path, the whole re-encode and a PNG original alike. It was black bars, without a word (hands-on
 * H3). A half-transparent layer over the extension blends over white the same way.
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
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-jpeg-white-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A 64×64 layer of (40, 120, 200) at half opacity (alpha 128). */
async function halfBlue(): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 40, g: 120, b: 200, alpha: 128 / 255 } } })
    .png()
    .toBuffer();
  return store.put(new Uint8Array(png), 'patch');
}

async function pixels(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
}

const near = (got: number[], want: number[], tol: number) => got.every((v, i) => Math.abs(v - want[i]) <= tol);

describe('JPEG export of a canvas extension left transparent', () => {
  const cases = [
    { name: 'building.jpg, the original data kept', file: 'building.jpg', keep: true, kept: true },
    { name: 'building.jpg, re-encoded whole', file: 'building.jpg', keep: false, kept: false },
    { name: 'chelsea.png (a PNG original)', file: 'chelsea.png', keep: true, kept: false },
  ];
  for (const c of cases)
    it(`${c.name}: the empty extension is white, a half-transparent layer there blends over white`, async () => {
      const img = await importImage(store, new Uint8Array(await readFile(photo(c.file))), c.file);
      // 160 px on the right, 48 below: the original stays on its JPEG block grid.
      const canvas = { width: img.width + 160, height: img.height + 48 };
      const out = await renderExport(store, {
        canvas,
        layers: [
          { assetId: img.assetId, x: 0, y: 0 },
          { assetId: await halfBlue(), x: img.width + 64, y: 16 },
        ],
        format: 'jpeg',
        quality: 95,
        jpegKeepOriginal: c.keep,
      });
      expect(/was kept/.test(out.notes.join(' '))).toBe(c.kept);
      const at = await pixels(out.bytes);
      for (const [x, y] of [
        [img.width + 20, 10],
        [canvas.width - 5, canvas.height - 5],
        [10, img.height + 30],
      ])
        expect(near(at(x, y), [255, 255, 255], 3), `${x},${y}: ${at(x, y)}`).toBe(true);
      // (40,120,200) at alpha 128 over white: 40·0.502 + 255·0.498 ≈ 148, 188, 228.
      const mid = at(img.width + 96, 48);
      expect(near(mid, [148, 188, 228], 4), `${mid}`).toBe(true);
    });
});
