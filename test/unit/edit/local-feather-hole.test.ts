/**
 * The offline engine fills the mask alone, whatever the Edge feather (issue 13, found by hand on
 * colorful-cups.jpg): a red blob brushed out just below a thin white rim, with Grow 6 and a 12-px
 * feather. The engine's hole used to be the mask plus the feather's whole band (18 px), so it cut
 * through the rim, and the candidate pasted a notch of background into it; and the feather's ramp
 * reached into the mask, where the blob showed through at up to 1/8 strength. Now the request mask
 * is the mask, the rim and every pixel outside the mask stay as they were, and the patch is opaque
 * over the mask. Cloud models still get the band (they repaint the whole request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { patchRgba, startMain, type MainHarness } from '../../support/main-harness';
import { prepareEdit } from '../../../electron/main/edit/run-edit';
import { engineHoleMargin } from '../../../electron/main/edit/request-pixels';
import { clearRegionCache } from '../../../electron/main/edit/region-pixels';
import { compositeOverInto } from '../../../shared/pixels/patch';

const workerBuilt = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));
const W = 240;
const H = 180;
/** The cup's rim: a 2-px white arc of radius 70 about (120, 150), its top at y ≈ 80. */
const onRim = (x: number, y: number) => y < 150 && Math.abs(Math.hypot(x - 120, y - 150) - 70) <= 1;
/** The object: a red disc of radius 14 below the rim's top, 8 px clear of it. */
const BLOB = { x: 120, y: 108, r: 14 };
const GROW = 6;

let main: MainHarness;
let photo: Uint8Array;
let assetId: string;
let mask: Uint8Array;

beforeAll(async () => {
  main = await startMain({ OPENAI_API_KEY: 'sk-test-0000000000' }); // a key: prepareEdit resolves gpt-image-2 (nothing is sent)
  photo = new Uint8Array(W * H * 4);
  let s = 7;
  for (let i = 0; i < W * H; i++) {
    const x = i % W;
    const y = Math.floor(i / W);
    s = (s * 1103515245 + 12345) >>> 0;
    const n = (s >>> 24) % 9; // the cup's dark inside, a little grain on R and G alike
    let px = [50 + n, 50 + n, 70 + n];
    if (onRim(x, y)) px = [245, 245, 245];
    if (Math.hypot(x - BLOB.x, y - BLOB.y) <= BLOB.r) px = [220, 30, 30];
    photo.set([...px, 255], i * 4);
  }
  const png = await sharp(photo, { raw: { width: W, height: H, channels: 4 } })
    .png()
    .toBuffer();
  assetId = (await main.call('image:import', { bytes: new Uint8Array(png), name: 'rim.png' })).assetId;
  // The blob grown by Grow, as the renderer sends it (a 1-px soft edge).
  mask = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const d = Math.hypot((i % W) - BLOB.x, Math.floor(i / W) - BLOB.y) - BLOB.r - GROW;
    mask[i] = d <= 0 ? 255 : d >= 1 ? 0 : Math.round((1 - d) * 255);
  }
});
afterAll(async () => {
  clearRegionCache();
  await main?.close();
});

async function request(model: string) {
  const png = await sharp(mask, { raw: { width: W, height: H, channels: 1 } })
    .png()
    .toBuffer();
  return {
    canvas: { width: W, height: H },
    layers: [{ assetId, x: 0, y: 0 }],
    mask: { png: new Uint8Array(png), rect: { x: 0, y: 0, width: W, height: H } },
    prompt: model === 'local' ? '' : 'the inside of the cup',
    model,
    n: 2,
    references: [],
    featherPx: 12,
    colorMatch: true,
    seed: 1,
  };
}

describe('an offline fill beside a thin rim, with an edge feather', () => {
  it('asks the engine to fill the mask only; a cloud model still gets the feather band', async () => {
    const local = await prepareEdit(main.svc, (await request('local')) as never);
    const inMask = (m: Uint8Array) => m.reduce((n, v) => n + (v >= 128 ? 1 : 0), 0);
    expect(inMask(local.requestMask)).toBe(inMask(local.regionMask));
    for (let i = 0; i < local.regionMask.length; i++) if (local.requestMask[i]) expect(local.regionMask[i]).toBeGreaterThanOrEqual(128);
    const cloud = await prepareEdit(main.svc, (await request('gpt-image-2')) as never);
    expect(inMask(cloud.requestMask)).toBeGreaterThan(2 * inMask(cloud.regionMask));
  });

  it.runIf(workerBuilt)('keeps the rim and every pixel outside the mask, and nothing of the blob shows in the mask', async () => {
    const { jobId } = await main.call('edit:start', await request('local'));
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    expect(result.candidates).toHaveLength(2);
    for (const c of result.candidates) {
      const patch = await patchRgba(main, c.assetId);
      const out = new Uint8Array(photo);
      const r = c.region;
      compositeOverInto(out, W, patch, r.width, { sx: 0, sy: 0, dx: r.x, dy: r.y, width: r.width, height: r.height });
      let rimChanged = 0;
      let outsideChanged = 0;
      let seeThrough = 0;
      let reddish = 0;
      for (let i = 0; i < W * H; i++) {
        const x = i % W;
        const y = Math.floor(i / W);
        const same = out[i * 4] === photo[i * 4] && out[i * 4 + 1] === photo[i * 4 + 1] && out[i * 4 + 2] === photo[i * 4 + 2];
        if (mask[i] >= 128) {
          const inRegion = x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
          if (!inRegion || patch[((y - r.y) * r.width + x - r.x) * 4 + 3] < 255) seeThrough++;
          if (out[i * 4] - out[i * 4 + 1] > 12) reddish++; // the background has R = G
          continue;
        }
        if (!same) outsideChanged++;
        if (onRim(x, y) && !same) rimChanged++;
      }
      expect({ rimChanged, outsideChanged, seeThrough, reddish }).toEqual({ rimChanged: 0, outsideChanged: 0, seeThrough: 0, reddish: 0 });
    }
  });
});

describe('a region over the offline engine’s 16 MP, scaled down for it', () => {
  it('gets a hole that still covers every pixel of the mask, with room to scale the answer back', async () => {
    const [BW, BH] = [5200, 3600]; // 18.7 MP
    const jpeg = await sharp({ create: { width: BW, height: BH, channels: 3, background: { r: 90, g: 120, b: 60 } } })
      .jpeg()
      .toBuffer();
    const big = (await main.call('image:import', { bytes: new Uint8Array(jpeg), name: 'big.jpg' })).assetId;
    const m = new Uint8Array(BW * BH);
    for (let y = 0; y < BH; y++)
      for (let x = 0; x < BW; x++) if (((x - BW / 2) / (BW * 0.47)) ** 2 + ((y - BH / 2) / (BH * 0.47)) ** 2 <= 1) m[y * BW + x] = 255;
    const png = await sharp(m, { raw: { width: BW, height: BH, channels: 1 } })
      .png()
      .toBuffer();
    const prep = await prepareEdit(main.svc, {
      ...(await request('local')),
      canvas: { width: BW, height: BH },
      layers: [{ assetId: big, x: 0, y: 0 }],
      mask: { png: new Uint8Array(png), rect: { x: 0, y: 0, width: BW, height: BH } },
    } as never);
    const { region, request: rq } = prep;
    expect(rq.width * rq.height).toBeLessThan(region.width * region.height);
    const [sx, sy] = [rq.width / region.width, rq.height / region.height];
    // Every request pixel within 2 of a mask pixel's image is in the hole (the answer is scaled back with
    // a kernel of that reach), so no mask pixel is left to the scaled original.
    let uncovered = 0;
    for (let y = 0; y < region.height; y += 3)
      for (let x = 0; x < region.width; x += 3) {
        if (prep.regionMask[y * region.width + x] < 128) continue;
        const [qx, qy] = [Math.floor(x * sx), Math.floor(y * sy)];
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) {
            const [px, py] = [qx + dx, qy + dy];
            if (px >= 0 && py >= 0 && px < rq.width && py < rq.height && prep.requestMask[py * rq.width + px] !== 255) uncovered++;
          }
      }
    expect(uncovered).toBe(0);
    // … and not the feather's band: at most a few px past the mask.
    const inMask = (a: Uint8Array) => a.reduce((n, v) => n + (v >= 128 ? 1 : 0), 0);
    expect(inMask(prep.requestMask) / (sx * sy)).toBeLessThan(inMask(prep.regionMask) * 1.01);
  }, 60_000);
});

describe('engineHoleMargin', () => {
  it('is 0 at the region’s own size; scaled to the pixel budget, three request pixels in region px', () => {
    expect(engineHoleMargin({ width: 900, height: 600 }, { width: 900, height: 600 })).toBe(0);
    expect(engineHoleMargin({ width: 6000, height: 4000 }, { width: 4800, height: 3200 })).toBe(5); // ×1.25
    expect(engineHoleMargin({ width: 12000, height: 8000 }, { width: 4800, height: 3200 })).toBe(9); // ×2.5
  });
});
