/**
 * An offline outpaint keeps the original's pixels (issue 13). The engine's hole in an outpaint tile
 * used to be the tile's ask area — the new area plus the overlap band (the Extend tool's Band, 32 px
 * by default) into the original — so the engine refilled a strip of real photo along the original's
 * edge, and the blend mixed that fill into it: on the centre-half bench a saucer's rim beside the
 * edge was cut off and replaced by wood (coffee), a wizard's face halved (imagemagick-logo), 700 k
 * pixels of the originals changed. A cloud model repaints the whole ask area and still gets it; the
 * engine returns every known pixel as it was, so its hole is the new area alone, and the band's blend
 * mixes the original with itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { patchRgba, startMain, type MainHarness } from '../../support/main-harness';
import { compositeOverInto } from '../../../shared/pixels/patch';
import { photo } from '../../fixtures/bad-images';

const workerBuilt = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));
/** The original: 160×120, extended to 320×120 with 80 px on either side. */
const OW = 160;
const H = 120;
const W = 320;
const OX = 80;
/** A 2-px bright post 10 px inside the original's right edge, and a red one 6 px inside its left edge. */
const post = (x: number) => (x >= OW - 12 && x < OW - 10 ? [240, 240, 235] : x >= 6 && x < 8 ? [210, 40, 40] : null);

let main: MainHarness;
let original: Uint8Array;
let assetId: string;

beforeAll(async () => {
  main = await startMain({});
  original = new Uint8Array(OW * H * 4);
  let s = 11;
  for (let i = 0; i < OW * H; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = (s >>> 24) % 13; // a grainy grey-green wall
    const px = post(i % OW) ?? [70 + n, 90 + n, 60 + n];
    original.set([...px, 255], i * 4);
  }
  const png = await sharp(original, { raw: { width: OW, height: H, channels: 4 } })
    .png()
    .toBuffer();
  assetId = (await main.call('image:import', { bytes: new Uint8Array(png), name: 'posts.png' })).assetId;
});
afterAll(async () => {
  await main?.close();
});

describe('an offline outpaint with the default 32-px band', () => {
  it.runIf(workerBuilt)('leaves every pixel of the original as it was, the posts beside its edges too', async () => {
    const { jobId } = await main.call('outpaint:start', {
      canvas: { width: W, height: H },
      original: { x: OX, y: 0, width: OW, height: H },
      layers: [{ assetId, x: OX, y: 0 }],
      prompt: '',
      model: 'local',
      n: 2,
      featherPx: 32,
      seed: 1,
    });
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    expect(result.candidates).toHaveLength(2);
    for (const c of result.candidates) {
      const patch = await patchRgba(main, c.assetId);
      // The canvas as the document shows it: the original at its place, the patch over it.
      const out = new Uint8Array(W * H * 4);
      for (let y = 0; y < H; y++) out.set(original.subarray(y * OW * 4, (y + 1) * OW * 4), (y * W + OX) * 4);
      const r = c.region;
      compositeOverInto(out, W, patch, r.width, { sx: 0, sy: 0, dx: r.x, dy: r.y, width: r.width, height: r.height });
      let changed = 0;
      let postChanged = 0;
      let newOpaque = 0;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const i = (y * W + x) * 4;
          if (x < OX || x >= OX + OW) {
            if (out[i + 3] === 255) newOpaque++;
            continue;
          }
          const o = (y * OW + x - OX) * 4;
          const same = out[i] === original[o] && out[i + 1] === original[o + 1] && out[i + 2] === original[o + 2];
          if (!same) changed++;
          if (!same && post(x - OX)) postChanged++;
        }
      expect({ changed, postChanged, newOpaque }).toEqual({ changed: 0, postChanged: 0, newOpaque: (W - OW) * H });
    }
  });
});

describe('an offline outpaint of a photo in a wide-gamut profile', () => {
  // rocket.jpg is tagged Adobe RGB (1998). The engine works in sRGB and the patch is converted back
  // to the photo's profile, so the band's pixels, the photo's own, came back a few levels off (up to 4
  // on rocket.jpg to 21:9, in every export format): the engine's patch now covers the new area alone.
  it.runIf(workerBuilt)("leaves the original's samples in the band exactly as they were", async () => {
    // Its top-left corner: a deep blue sky, where the round trip through sRGB moved 248 of its pixels.
    const src = sharp(photo('rocket.jpg')).extract({ left: 0, top: 0, width: OW, height: H }).keepIccProfile();
    const png = new Uint8Array(await src.png().toBuffer());
    expect((await sharp(png).metadata()).icc).toBeTruthy();
    const tagged = new Uint8Array(await sharp(png).keepIccProfile().ensureAlpha().raw().toBuffer());
    const id = (await main.call('image:import', { bytes: png, name: 'rocket-crop.png' })).assetId;
    const { jobId } = await main.call('outpaint:start', {
      canvas: { width: W, height: H },
      original: { x: OX, y: 0, width: OW, height: H },
      layers: [{ assetId: id, x: OX, y: 0 }],
      prompt: '',
      model: 'local',
      n: 1,
      featherPx: 32,
      seed: 1,
    });
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    const c = result.candidates[0];
    // The patch's samples as stored (in the photo's profile, as the export composites them).
    const patch = new Uint8Array(
      await sharp(await main.svc.store.get(c.assetId))
        .keepIccProfile()
        .ensureAlpha()
        .raw()
        .toBuffer(),
    );
    const out = new Uint8Array(W * H * 4);
    for (let y = 0; y < H; y++) out.set(tagged.subarray(y * OW * 4, (y + 1) * OW * 4), (y * W + OX) * 4);
    const r = c.region;
    compositeOverInto(out, W, patch, r.width, { sx: 0, sy: 0, dx: r.x, dy: r.y, width: r.width, height: r.height });
    let changed = 0;
    let newOpaque = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 4;
        if (x < OX || x >= OX + OW) {
          if (out[i + 3] === 255) newOpaque++;
          continue;
        }
        const o = (y * OW + x - OX) * 4;
        if (out[i] !== tagged[o] || out[i + 1] !== tagged[o + 1] || out[i + 2] !== tagged[o + 2]) changed++;
      }
    expect({ changed, newOpaque }).toEqual({ changed: 0, newOpaque: (W - OW) * H });
  });
});
