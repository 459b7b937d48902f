/**
 * The content's reduced copies (electron/main/edit/content-mip.ts): a tile scaled to its request
 * from the level nearest above the request's scale is a faithful image of the document — within a
 * small tolerance of the same tile scaled from the full-resolution canvas, with the same unknown
 * flags — and the levels are those of the content asked for: a change of the layers makes new ones,
 * a change of the canvas around the original does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain, startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';
import { buildLevels, colourFromLevels, ContentMip, halve, levelFor, type MipLevel } from '../../../electron/main/edit/content-mip';
import { tileAtSize } from '../../../electron/main/edit/tile-scale';
import { renderRegion } from '../../../electron/main/edit/region-pixels';
import { activeWindows } from '../../../shared/pixels/active-windows';
import { tileAskMask, tileReach, unknownCanvas } from '../../../shared/pixels/outpaint-masks';
import type { RequestOf } from '../../../shared/ipc/contract';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

/** Levels of `rgba` (w×h) made the way buildLevels makes them, without the store. */
function levelsOf(rgba: Uint8Array, w: number, h: number): MipLevel[] {
  const levels: MipLevel[] = [{ factor: 2, ...halve(rgba, w, h) }];
  while (Math.min(levels.at(-1)!.width, levels.at(-1)!.height) > 256) {
    const l = levels.at(-1)!;
    levels.push({ factor: l.factor * 2, ...halve(l.rgba, l.width, l.height) });
  }
  return levels;
}

describe('halve', () => {
  it('averages 2×2 blocks; an odd last row or column averages what it has', () => {
    // 3×3 grey: values 0..8 in R, alpha 255.
    const src = new Uint8Array(3 * 3 * 4);
    for (let i = 0; i < 9; i++) src.set([i * 10, 0, 0, 255], i * 4);
    const { width, height, rgba } = halve(src, 3, 3);
    expect([width, height]).toEqual([2, 2]);
    expect([rgba[0], rgba[4], rgba[8], rgba[12]]).toEqual([20, 35, 65, 80]);
    expect(rgba[3]).toBe(255);
  });
});

describe('a tile scaled to its request from the content levels', () => {
  it('matches the tile scaled from the full resolution within a small tolerance (same unknown flags)', async () => {
    // A 3600×1500 photo in a 5250×1500 canvas, one tile sent at 2184×624 (scale 0.416: the ½ level).
    const ow = 3600;
    const H = 1500;
    const W = 5250;
    const ox = 825;
    const photo = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(ow, H, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
    const rgba = new Uint8Array(W * H * 4);
    for (let y = 0; y < H; y++) rgba.set(photo.subarray(y * ow * 4, (y + 1) * ow * 4), (y * W + ox) * 4);
    const original = { x: ox, y: 0, width: ow, height: H };
    const unknown = unknownCanvas({ width: W, height: H }, original);
    const windows = activeWindows(unknown, W, H, tileReach(32));
    const ask = tileAskMask(unknown, W, H, 32, windows);
    const tile = { rect: { x: 0, y: 0, width: W, height: H }, request: { width: 2184, height: 624 } } as never;
    const levels = levelsOf(new Uint8Array(photo.buffer, photo.byteOffset, photo.byteLength), ow, H);
    expect(levelFor(levels, 0.416)?.factor).toBe(2);
    expect(levelFor(levels, 0.78)).toBeNull(); // the full resolution is the nearest above
    const fromMip = colourFromLevels(levels, original, tile);
    expect(fromMip).toBeDefined();
    const size = { width: 2184, height: 624 };
    const p = { width: W, height: H, rgba, unknown, ask, windows };
    const full = await tileAtSize(p, size);
    const mip = await tileAtSize({ ...p, fromMip }, size);
    expect(Buffer.from(mip.unknown).equals(Buffer.from(full.unknown))).toBe(true);
    expect(Buffer.from(mip.ask).equals(Buffer.from(full.ask))).toBe(true);
    let sum = 0;
    let far = 0;
    let n = 0;
    for (let i = 0; i < size.width * size.height; i++) {
      if (full.unknown[i]) continue;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(full.rgba[i * 4 + c] - mip.rgba[i * 4 + c]);
        sum += d;
        if (d > 24) far++;
        n++;
      }
      expect(mip.rgba[i * 4 + 3]).toBe(255);
    }
    expect(n).toBeGreaterThan(size.width * size.height * 2);
    expect(sum / n).toBeLessThan(1);
    expect(far / n).toBeLessThan(0.0005);
  });
});

describe('ContentMip', () => {
  let main: MainHarness;
  let photo: string;
  let patch: string;
  beforeAll(async () => {
    main = await startMain({});
    const png = await sharp(join(PHOTOS, 'building.jpg')).resize(600, 400, { fit: 'fill' }).png().toBuffer();
    photo = (await main.call('image:import', { bytes: new Uint8Array(png), name: 'photo.png' })).assetId;
    const red = await sharp({ create: { width: 100, height: 80, channels: 4, background: { r: 220, g: 20, b: 20, alpha: 1 } } })
      .png()
      .toBuffer();
    patch = (await main.call('image:import', { bytes: new Uint8Array(red), name: 'patch.png' })).assetId;
  });
  afterAll(async () => {
    await main?.close();
  });

  const req = (ox: number, kept = false) =>
    ({
      canvas: { width: 600 + 2 * ox, height: 400 },
      original: { x: ox, y: 0, width: 600, height: 400 },
      layers: [{ assetId: photo, x: ox, y: 0 }, ...(kept ? [{ assetId: patch, x: ox + 200, y: 100 }] : [])],
      prompt: '',
      model: 'gpt-image-2',
      n: 1,
      featherPx: 16,
    }) as RequestOf<'outpaint:start'>;

  it('builds the content halved in bands; other sides keep it, a kept layer makes new levels', async () => {
    const mip = new ContentMip();
    const a = req(100);
    mip.update(main.svc, a, 64);
    expect(mip.levels(a)).toBeNull(); // built in the background
    await mip.settled();
    const levels = mip.levels(a)!;
    const content = await renderRegion(main.svc.store, a.layers, a.original);
    expect(Buffer.from(levels[0].rgba).equals(Buffer.from(halve(content, 600, 400).rgba))).toBe(true);
    // Levels down to 256 px on the shorter side.
    expect(levels.map((l) => [l.width, l.height])).toEqual([[300, 200]]);
    expect(mip.bytes()).toBe(300 * 200 * 4);
    // The extension's sides changed: the same content, the same levels (no new build).
    mip.update(main.svc, req(300), 64);
    expect(mip.levels(req(300))).toBe(levels);
    // A kept layer: the old levels are never handed out for it; the new ones show the layer.
    const b = req(300, true);
    expect(mip.levels(b)).toBeNull();
    mip.update(main.svc, b, 64);
    await mip.settled();
    const kept = mip.levels(b)!;
    expect(kept).not.toBe(levels);
    const at = (70 * 300 + 125) * 4; // the patch's middle at ½
    expect([...kept[0].rgba.subarray(at, at + 3)]).toEqual([220, 20, 20]);
    expect(mip.levels(a)).toBeNull();
    // Off: nothing is built.
    const off = new ContentMip();
    off.update({ ...main.svc, env: { MASKWORK_OUTPAINT_MIP: '0' } }, a);
    await off.settled();
    expect(off.levels(a)).toBeNull();
  });

  it('a build asked for other content stops the one under way', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await buildLevels(main.svc, req(0), abort.signal, 64)).toBeNull();
  });
});

describe('an outpaint tile not prepared, made from the content levels', () => {
  let cloud: CloudHarness;
  let photo: string;
  let patch: string;
  beforeAll(async () => {
    // Preparing off: an outpaint:prepare ask only builds the content levels.
    cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_OUTPAINT_PREPARE: '0' });
    const { main } = cloud;
    const png = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(2400, 1600, { fit: 'fill' }).png().toBuffer();
    photo = (await main.call('image:import', { bytes: new Uint8Array(png), name: 'cups.png' })).assetId;
    const red = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 220, g: 20, b: 20, alpha: 1 } } })
      .png()
      .toBuffer();
    patch = (await main.call('image:import', { bytes: new Uint8Array(red), name: 'patch.png' })).assetId;
  });
  afterAll(async () => {
    await cloud?.close();
  });

  // 2400×1600 → 21:9 (3733×1600): one tile, sent to gemini-3.1-flash-image at 1K as 1584×672 (scale 0.42: the ½ level).
  const req = (kept = false) =>
    ({
      canvas: { width: 3733, height: 1600 },
      original: { x: 667, y: 0, width: 2400, height: 1600 },
      layers: [{ assetId: photo, x: 667, y: 0 }, ...(kept ? [{ assetId: patch, x: 1800, y: 700 }] : [])],
      prompt: 'extend the table',
      model: 'gemini-3.1-flash-image',
      imageSize: '1K',
      n: 1,
      featherPx: 16,
    }) as RequestOf<'outpaint:start'>;

  /** The request image the server received for `r`'s one tile, decoded (RGB). */
  async function sent(r: RequestOf<'outpaint:start'>, mip: boolean) {
    const { main, gemini } = cloud;
    main.svc.env.MASKWORK_OUTPAINT_MIP = mip ? '1' : '0';
    const before = gemini.requests.length;
    const { jobId } = await main.call('outpaint:start', r);
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    const q = gemini.requests.slice(before);
    expect(q).toHaveLength(1);
    const image = q[0].images![0];
    return { image, raw: await sharp(image).raw().toBuffer() };
  }

  it('sends a faithful image of the document, and never levels of other content', async () => {
    const { main } = cloud;
    await main.call('outpaint:prepare', req());
    await main.svc.contentMip.settled();
    expect(main.svc.contentMip.levels(req())).not.toBeNull();
    const full = await sent(req(), false);
    const fromMip = await sent(req(), true);
    expect(fromMip.image.equals(full.image)).toBe(false); // made another way…
    let sum = 0;
    for (let i = 0; i < full.raw.length; i++) sum += Math.abs(full.raw[i] - fromMip.raw[i]);
    expect(sum / full.raw.length).toBeLessThan(1.5); // …to within a level and a half on average
    // A kept layer the levels do not hold (no prepare ask for it yet): the request is made from the
    // full resolution, the same bytes as with the levels off — the old levels would have left the
    // layer out.
    const kept = await sent(req(true), true);
    expect(kept.image.equals((await sent(req(true), false)).image)).toBe(true);
    // Asked to prepare it, the levels are made of the new content.
    main.svc.env.MASKWORK_OUTPAINT_MIP = undefined;
    await main.call('outpaint:prepare', req(true));
    await main.svc.contentMip.settled();
    expect(main.svc.contentMip.levels(req(true))).not.toBeNull();
    expect(main.svc.contentMip.levels(req())).toBeNull();
  });
});
