/**
 * An independent outpaint tile made at its request size from one row of its masks (tile-at-request.ts)
 * sends the model the bytes the full-size path sends (request JPEG and mask), and the job takes that
 * way for a tile it makes after Generate (no full-size ask mask).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTileRequest, PREFILLS, type GenerateTile, type TilePixels } from '../../../electron/main/edit/outpaint-tile-steps';
import { tileCut } from '../../../electron/main/edit/outpaint-prepare';
import { cutAlong, tileAtRequest, unknownAlong } from '../../../electron/main/edit/tile-at-request';
import { tileAtSize } from '../../../electron/main/edit/tile-scale';
import { outpaintJob, type OutpaintRequest } from '../../../electron/main/edit/run-outpaint';
import { unknownCanvas } from '../../../shared/pixels/outpaint-masks';
import type { OutpaintTile } from '../../../shared/geometry';
import { type MainHarness, startMain } from '../../support/main-harness';

/** A canvas with a textured original at `o` and nothing elsewhere. */
function canvasOf(width: number, height: number, o: { x: number; y: number; width: number; height: number }) {
  const working = new Uint8Array(width * height * 4);
  for (let y = o.y; y < o.y + o.height; y++)
    for (let x = o.x; x < o.x + o.width; x++) {
      const q = (y * width + x) * 4;
      working[q] = (x * 7 + y * 3) & 255;
      working[q + 1] = ((x ^ y) * 13) & 255;
      working[q + 2] = (x * y) & 255;
      working[q + 3] = 255;
    }
  return { working, unknownMap: unknownCanvas({ width, height }, o) };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('a tile at its request size from one row of its masks', () => {
  const cases: [string, number, number, { x: number; y: number; width: number; height: number }, number, number, number][] = [
    ['sides, 21:9', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, 1092, 468, 32],
    ['sides, wide band', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, 1092, 468, 64],
    ['left only, no band', 1200, 500, { x: 300, y: 0, width: 900, height: 500 }, 912, 380, 0],
    ['shrunk more than 2×', 3000, 800, { x: 900, y: 0, width: 1200, height: 800 }, 900, 240, 32],
    ['above and below', 600, 1400, { x: 0, y: 220, width: 600, height: 960 }, 468, 1092, 32],
    ['a tile of part of the canvas', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, 700, 468, 32],
  ];
  for (const [name, W, H, o, rw, rh, band] of cases)
    it(`${name}: the same request bytes as from the full-size masks (pre-filled after the scale, MASKWORK_ALONG_PREFILL=0)`, async () => {
      const canvas = canvasOf(W, H, o);
      const rect = name.startsWith('a tile of part') ? { x: 0, y: 0, width: 900, height: H } : { x: 0, y: 0, width: W, height: H };
      const tile = { rect, request: { width: rw, height: rh } } as OutpaintTile;
      const old = tileCut(canvas, W, tile, band);
      const cut = cutAlong(canvas, W, tile, band, o);
      expect(cut).not.toBeNull();
      expect(cut!.ask.length).toBe(0); // no full-size ask mask
      expect(cut!.windows).toEqual(old.windows);
      const signal = new AbortController().signal;
      const a = await encodeTileRequest(tile, { width: rect.width, height: rect.height, ...old }, PREFILLS.smooth, signal);
      const b = await encodeTileRequest(tile, { width: rect.width, height: rect.height, ...cut! }, PREFILLS.smooth, signal, {
        alongPrefill: false,
      });
      expect(same(a.requestMask, b.requestMask)).toBe(true);
      expect(same(a.requestImage, b.requestImage)).toBe(true);
      // The masks themselves, as tileAtSize gives them.
      const s = await tileAtSize({ width: rect.width, height: rect.height, ...old } as TilePixels, tile.request);
      const t = await tileAtRequest(cut!.rgba, rect, cut!.along.along, band, tile.request);
      expect(same(s.unknown, t.unknown)).toBe(true);
      expect(same(s.ask, t.ask)).toBe(true);
      t.release();
    });

  it('leaves an enlarged tile, a tile sent at its own size, and an original that spans neither axis to the full-size path', () => {
    const canvas = canvasOf(400, 300, { x: 50, y: 0, width: 300, height: 300 });
    const t = (w: number, h: number) =>
      ({ rect: { x: 0, y: 0, width: 400, height: 300 }, request: { width: w, height: h } }) as OutpaintTile;
    expect(cutAlong(canvas, 400, t(512, 256), 8, { x: 50, y: 0, width: 300, height: 300 })).toBeNull();
    expect(cutAlong(canvas, 400, t(400, 300), 8, { x: 50, y: 0, width: 300, height: 300 })).toBeNull();
    expect(unknownAlong({ x: 0, y: 0, width: 400, height: 300 }, { x: 50, y: 20, width: 300, height: 260 })).toBeNull();
  });

  it('gives its buffers back for the next request', async () => {
    const along = unknownAlong({ x: 0, y: 0, width: 400, height: 200 }, { x: 100, y: 0, width: 200, height: 200 })!;
    const rgba = canvasOf(400, 200, { x: 100, y: 0, width: 200, height: 200 }).working;
    const first = await tileAtRequest(rgba, { width: 400, height: 200 }, along, 8, { width: 300, height: 150 });
    const kept = first.rgba;
    first.release();
    const next = await tileAtRequest(rgba, { width: 400, height: 200 }, along, 8, { width: 300, height: 150 });
    expect(next.rgba).toBe(kept);
    next.release();
  });
});

let main: MainHarness;
let req: OutpaintRequest;
beforeAll(async () => {
  main = await startMain({ OPENAI_API_KEY: 'sk-test-openai-key-1234' });
  const png = await sharp({ create: { width: 2560, height: 1600, channels: 3, background: { r: 10, g: 120, b: 30 } } })
    .png()
    .toBuffer();
  const { assetId } = await main.call('image:import', { bytes: new Uint8Array(png), name: 'cups-sized.png' });
  // colorful-cups' size to 21:9: one 3733×1600 tile sent at 2912×1248 (the bench's unprepared row).
  req = {
    canvas: { width: 3733, height: 1600 },
    original: { x: 586, y: 0, width: 2560, height: 1600 },
    layers: [{ assetId, x: 586, y: 0 }],
    prompt: '',
    model: 'gpt-image-2',
    n: 1,
    featherPx: 32,
  };
});
afterAll(() => main?.close());

/** A cloud tile step that records what the job gave it and makes no request. */
function recording(seen: { ask: number; along: boolean }[]): GenerateTile {
  return async (_tile, p, ctx) => {
    seen.push({ ask: p.ask.length, along: p.along !== undefined });
    ctx.onRequest?.({ requestImage: new Uint8Array(1), requestMask: new Uint8Array(1) });
    return new Uint8Array(p.width * p.height * 4).fill(200);
  };
}

const run = (step: GenerateTile) => outpaintJob(main.svc, req, () => step)({ signal: new AbortController().signal, progress: () => {} });

describe('the job makes a tile after Generate from one row of its masks', () => {
  it('gives the tile step no full-size ask mask, but how its unknown part lies', async () => {
    const seen: { ask: number; along: boolean }[] = [];
    await run(recording(seen));
    expect(seen).toEqual([{ ask: 0, along: true }]);
  });

  it('MASKWORK_MASKS_AT_REQUEST=0: the full-size ask mask, as before', async () => {
    const seen: { ask: number; along: boolean }[] = [];
    main.svc.env.MASKWORK_MASKS_AT_REQUEST = '0';
    try {
      await run(recording(seen));
    } finally {
      main.svc.env.MASKWORK_MASKS_AT_REQUEST = undefined;
    }
    expect(seen).toEqual([{ ask: 3733 * 1600, along: false }]);
  });
});
