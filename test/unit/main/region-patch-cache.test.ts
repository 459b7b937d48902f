/**
 * The region sent to a model (edit/region-pixels.ts) keeps decoded patches only inside their alpha
 * bounds. A patch transparent around its middle, with and without a layer mask and opacity, must
 * give exactly the composite of the whole decoded patch — on the first edit and from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { clearRegionCache, renderRegion } from '../../../electron/main/edit/region-pixels';
import { applyLayerAlpha } from '../../../shared/pixels/layer-alpha';
import { compositeOver } from '../../../shared/pixels/patch';

const W = 200;
const H = 150;
let tmp: string;
let store: AssetStore;
let originalId: string;
let originalRgba: Uint8Array;

const png = async (data: Uint8Array, w: number, h: number, channels: 3 | 4) =>
  new Uint8Array(
    await sharp(data, { raw: { width: w, height: h, channels } })
      .png()
      .toBuffer(),
  );

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-region-cache-'));
  store = new AssetStore(join(tmp, 'assets'));
  const rgb = new Uint8Array(W * H * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 13) & 255;
  originalId = await store.put(await png(rgb, W, H, 3), 'img');
  originalRgba = new Uint8Array(
    await sharp(rgb, { raw: { width: W, height: H, channels: 3 } })
      .ensureAlpha()
      .raw()
      .toBuffer(),
  );
});

afterAll(async () => {
  clearRegionCache();
  await rm(tmp, { recursive: true, force: true });
});

/** A 120×100 patch, transparent except a feathered-looking block at (20,15)–(90,70). */
function patchPixels(seed: number): Uint8Array {
  const w = 120;
  const rgba = new Uint8Array(w * 100 * 4);
  for (let y = 15; y < 70; y++)
    for (let x = 20; x < 90; x++) {
      const q = (y * w + x) * 4;
      rgba[q] = (x * 7 + seed) & 255;
      rgba[q + 1] = (y * 5 + seed * 3) & 255;
      rgba[q + 2] = (x + y) & 255;
      rgba[q + 3] = 1 + ((x * 3 + y * 11 + seed) % 255);
    }
  return rgba;
}

/** What the region must be: the whole patch, alpha × mask × opacity, composited over the original. */
function expected(
  patch: Uint8Array,
  at: { x: number; y: number },
  region: { x: number; y: number; width: number; height: number },
  mask: Uint8Array | null,
  opacity: number,
) {
  const shown = applyLayerAlpha(patch, 120, 100, { mask, opacity });
  const base = new Uint8Array(region.width * region.height * 4);
  const layer = new Uint8Array(region.width * region.height * 4);
  for (let y = 0; y < region.height; y++)
    for (let x = 0; x < region.width; x++) {
      const d = (y * region.width + x) * 4;
      base.set(originalRgba.subarray(((region.y + y) * W + region.x + x) * 4, ((region.y + y) * W + region.x + x) * 4 + 4), d);
      const px = region.x + x - at.x;
      const py = region.y + y - at.y;
      if (px >= 0 && py >= 0 && px < 120 && py < 100) layer.set(shown.subarray((py * 120 + px) * 4, (py * 120 + px) * 4 + 4), d);
    }
  return compositeOver(base, layer);
}

describe('region pixels with patches cached inside their alpha bounds', () => {
  it('a plain patch and a masked, half-opaque one give the whole patch’s composite, first time and from the cache', async () => {
    const plain = patchPixels(1);
    const masked = patchPixels(2);
    const mask = new Uint8Array(120 * 100);
    for (let i = 0; i < mask.length; i++) mask[i] = (i * 37) & 255;
    const grey = new Uint8Array(120 * 100 * 3);
    for (let i = 0; i < mask.length; i++) grey.fill(mask[i], i * 3, i * 3 + 3);
    const plainId = await store.put(await png(plain, 120, 100, 4), 'patch');
    const maskedId = await store.put(await png(masked, 120, 100, 4), 'patch');
    const maskId = await store.put(await png(grey, 120, 100, 3), 'mask');
    const region = { x: 10, y: 5, width: 170, height: 130 };
    const layers = [
      { assetId: originalId, x: 0, y: 0 },
      { assetId: plainId, x: 30, y: 20 },
      { assetId: maskedId, x: 55, y: 35, opacity: 0.6, maskAssetId: maskId },
    ];
    const want = compositeOver(
      expected(plain, { x: 30, y: 20 }, region, null, 1),
      // the second layer over the first: its own layer, composited over the result
      (() => {
        const shown = applyLayerAlpha(masked, 120, 100, { mask, opacity: 0.6 });
        const layer = new Uint8Array(region.width * region.height * 4);
        for (let y = 0; y < 100; y++)
          for (let x = 0; x < 120; x++) {
            const rx = 55 + x - region.x;
            const ry = 35 + y - region.y;
            if (rx < 0 || ry < 0 || rx >= region.width || ry >= region.height) continue;
            layer.set(shown.subarray((y * 120 + x) * 4, (y * 120 + x) * 4 + 4), (ry * region.width + rx) * 4);
          }
        return layer;
      })(),
    );
    clearRegionCache();
    const first = await renderRegion(store, layers, region);
    const cached = await renderRegion(store, layers, region);
    expect(Buffer.from(first).equals(Buffer.from(want))).toBe(true);
    expect(Buffer.from(cached).equals(Buffer.from(want))).toBe(true);
    // A region that only touches the patch's transparent margin is the original there.
    const margin = { x: 30, y: 20, width: 15, height: 10 };
    const onlyMargin = await renderRegion(store, [layers[0], layers[1]], margin);
    expect(Buffer.from(onlyMargin).equals(Buffer.from(expected(plain, { x: 30, y: 20 }, margin, null, 1)))).toBe(true);
  });
});
