/**
 * An edit's request encoded straight from the decoded original (issue 16): when the original alone
 * makes the region, libvips crops it as it reads, and the region's own copy waits until the request
 * is out. The request is the same bytes as one encoded from the region's copy; with a kept layer in
 * the region (or padding) the region is rendered first, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeRequestImage, scaleRequestMask } from '../../../electron/main/edit/request-pixels';
import { dilatedMask, featherBand } from '../../../shared/pixels/patch';
import { clearRegionCache, originalAsSource, renderRegion } from '../../../electron/main/edit/region-pixels';
import { prepareEdit } from '../../../electron/main/edit/run-edit';
import { createSpanRecorder } from '../../../shared/timing/spans';
import { startMain, type MainHarness } from '../../support/main-harness';
import { PHOTOS } from '../../support/outpaint-layout';
import { plainEditRequest } from '../../support/edit-request';

let main: MainHarness;
let photo: { assetId: string; width: number; height: number };
let patchId: string;

beforeAll(async () => {
  main = await startMain({ OPENAI_API_KEY: 'sk-test-0000000000' });
  const jpeg = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(2400, 1500).jpeg({ quality: 90 }).toBuffer();
  const img = await main.call('image:import', { bytes: new Uint8Array(jpeg), name: 'cups.jpg' });
  photo = { assetId: img.assetId, width: 2400, height: 1500 };
  // A kept layer: an opaque red 100×80 patch.
  const red = await sharp({ create: { width: 100, height: 80, channels: 4, background: { r: 220, g: 20, b: 20, alpha: 1 } } })
    .png()
    .toBuffer();
  patchId = (await main.call('image:import', { bytes: new Uint8Array(red), name: 'patch.png' })).assetId;
});
afterAll(async () => {
  clearRegionCache();
  await main?.close();
});

async function maskPng(w: number, h: number) {
  const px = new Uint8Array(w * h).map((_, i) => {
    const x = (i % w) - w / 2;
    const y = Math.floor(i / w) - h / 2;
    return (x / (w / 2)) ** 2 + (y / (h / 2)) ** 2 < 1 ? 255 : 0;
  });
  return new Uint8Array(
    await sharp(px, { raw: { width: w, height: h, channels: 1 } })
      .png()
      .toBuffer(),
  );
}

describe('a request encoded from the decoded original', () => {
  it('is the same bytes as one encoded from the region’s copy (JPEG scaled, JPEG at size, PNG)', async () => {
    const layers = [{ assetId: photo.assetId, x: 0, y: 0 }];
    for (const region of [
      { x: 131, y: 77, width: 517, height: 389 },
      { x: 0, y: 0, width: 2400, height: 1500 },
      { x: 1883, y: 1111, width: 517, height: 389 },
    ]) {
      const src = await originalAsSource(main.svc.store, layers, region);
      expect(src).not.toBeNull();
      const copy = await renderRegion(main.svc.store, layers, region);
      for (const [request, lossless] of [
        [{ width: 384, height: 288 }, false],
        [{ width: region.width, height: region.height }, false],
        [{ width: 384, height: 288 }, true],
      ] as const) {
        const direct = await encodeRequestImage(src!, region, request, lossless);
        const fromCopy = await encodeRequestImage(copy, region, request, lossless);
        expect(Buffer.from(direct).equals(Buffer.from(fromCopy))).toBe(true);
      }
    }
  });

  it('is not used where a kept layer reaches into the region or the region leaves the original', async () => {
    const region = { x: 100, y: 100, width: 300, height: 200 };
    const withPatch = [
      { assetId: photo.assetId, x: 0, y: 0 },
      { assetId: patchId, x: 390, y: 290 },
    ];
    expect(await originalAsSource(main.svc.store, withPatch, region)).toBeNull();
    // Just outside the region: the original alone still makes it.
    expect(await originalAsSource(main.svc.store, [withPatch[0], { assetId: patchId, x: 400, y: 300 }], region)).not.toBeNull();
    // The original placed so the region reaches past it.
    expect(await originalAsSource(main.svc.store, [{ assetId: photo.assetId, x: 150, y: 0 }], region)).toBeNull();
  });

  it('prepareEdit: no region copy before the request where the original alone makes it; the copy asked for later is the rendered region', async () => {
    const rect = { x: 300, y: 200, width: 160, height: 120 };
    const plain = plainEditRequest({
      assetId: photo.assetId,
      canvas: { width: photo.width, height: photo.height },
      mask: { png: await maskPng(rect.width, rect.height), rect },
    });
    const spans = createSpanRecorder(() => performance.now());
    const prep = await prepareEdit(main.svc, plain as never, undefined, spans);
    const names = spans.spans.map((s) => s.name);
    expect(names).toContain('main: request encode');
    expect(names).not.toContain('main: region pixels');
    const pixels = await prep.regionPixels();
    expect(Buffer.from(pixels).equals(Buffer.from(await renderRegion(main.svc.store, plain.layers, prep.region)))).toBe(true);
    expect(await prep.regionPixels()).toBe(pixels); // made once
    const fromCopy = await encodeRequestImage(pixels, prep.region, prep.request, false);
    expect(Buffer.from(prep.requestImage).equals(Buffer.from(fromCopy))).toBe(true);
    // The request mask is the feather-band dilation scaled to the request: a small region is scaled
    // up (gpt-image-2's least pixels); a large one is planned at the request's size, where the
    // dilation itself is sent.
    const big = { x: 900, y: 500, width: 720, height: 560 };
    const large = await prepareEdit(main.svc, { ...plain, mask: { png: await maskPng(big.width, big.height), rect: big } } as never);
    expect([prep.request.width, prep.request.height]).not.toEqual([prep.region.width, prep.region.height]);
    expect([large.request.width, large.request.height]).toEqual([large.region.width, large.region.height]);
    for (const p of [prep, large]) {
      const dilated = dilatedMask(p.regionMask, p.region.width, p.region.height, featherBand(12), 255);
      const scaled = await scaleRequestMask(dilated, p.region, p.request);
      expect(Buffer.from(p.requestMask).equals(Buffer.from(scaled))).toBe(true);
    }
    expect(large.requestMask.filter((v) => v === 255).length).toBeGreaterThan(large.regionMask.filter((v) => v >= 128).length);

    // A kept layer inside the region: rendered first, and the request shows it.
    const kept = { ...plain, layers: [...plain.layers, { assetId: patchId, x: 340, y: 220 }] };
    const spans2 = createSpanRecorder(() => performance.now());
    const prep2 = await prepareEdit(main.svc, kept as never, undefined, spans2);
    expect(spans2.spans.map((s) => s.name)).toContain('main: region pixels');
    expect(Buffer.from(prep2.requestImage).equals(Buffer.from(prep.requestImage))).toBe(false);
    const fromCopy2 = await encodeRequestImage(await prep2.regionPixels(), prep2.region, prep2.request, false);
    expect(Buffer.from(prep2.requestImage).equals(Buffer.from(fromCopy2))).toBe(true);
  });
});
