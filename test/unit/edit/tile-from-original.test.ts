/**
 * An independent outpaint tile's request made from the decoded original before the working canvas
 * (tile-from-original.ts): the same request bytes as from the canvas whatever the kept buffer held
 * before, and the job makes it before rendering the canvas, blending the same candidate.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTileRequest, PREFILLS, type GenerateTile } from '../../../electron/main/edit/outpaint-tile-steps';
import { cutAlong } from '../../../electron/main/edit/tile-at-request';
import { fromOriginalShape, tileFromOriginal } from '../../../electron/main/edit/tile-from-original';
import { outpaintJob, type OutpaintRequest } from '../../../electron/main/edit/run-outpaint';
import { unknownCanvas } from '../../../shared/pixels/outpaint-masks';
import type { OutpaintTile } from '../../../shared/geometry';
import { wallClock } from '../../../electron/main/services/wall-clock';
import { type MainHarness, startMain } from '../../support/main-harness';

type R = { x: number; y: number; width: number; height: number };

/** A textured original of `o`'s size, and the canvas with it at `o` and nothing elsewhere. */
function photoAndCanvas(width: number, height: number, o: R) {
  const photo = new Uint8Array(o.width * o.height * 4);
  for (let y = 0; y < o.height; y++)
    for (let x = 0; x < o.width; x++) {
      const q = (y * o.width + x) * 4;
      photo[q] = (x * 7 + y * 3) & 255;
      photo[q + 1] = ((x ^ y) * 13) & 255;
      photo[q + 2] = (x * y) & 255;
      photo[q + 3] = 255;
    }
  const working = new Uint8Array(width * height * 4);
  for (let y = 0; y < o.height; y++) working.set(photo.subarray(y * o.width * 4, (y + 1) * o.width * 4), ((o.y + y) * width + o.x) * 4);
  return { photo, canvas: { working, unknownMap: unknownCanvas({ width, height }, o) } };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('a tile made from the original', () => {
  const cases: [string, number, number, R, R, number, number][] = [
    ['sides, 21:9', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, { x: 0, y: 0, width: 1400, height: 600 }, 1092, 468],
    ['left only', 1200, 500, { x: 300, y: 0, width: 900, height: 500 }, { x: 0, y: 0, width: 1200, height: 500 }, 912, 380],
    ['above and below', 600, 1400, { x: 0, y: 220, width: 600, height: 960 }, { x: 0, y: 0, width: 600, height: 1400 }, 468, 1092],
    [
      'a tile of part of the canvas',
      1400,
      600,
      { x: 220, y: 0, width: 960, height: 600 },
      { x: 0, y: 0, width: 900, height: 600 },
      700,
      468,
    ],
    ['a tile to the right', 1400, 600, { x: 220, y: 0, width: 960, height: 600 }, { x: 500, y: 0, width: 900, height: 600 }, 700, 468],
  ];
  for (const [name, W, H, o, rect, rw, rh] of cases)
    it(`${name}: the same request bytes as from the canvas, whatever its buffer held`, async () => {
      const { photo, canvas } = photoAndCanvas(W, H, o);
      const tile = { rect, request: { width: rw, height: rh } } as OutpaintTile;
      expect(fromOriginalShape(tile, o)).toBe(true);
      const signal = new AbortController().signal;
      const cut = cutAlong(canvas, W, tile, 32, o)!;
      const want = await encodeTileRequest(tile, { width: rect.width, height: rect.height, ...cut }, PREFILLS.smooth, signal);
      // The kept buffer comes back with the last tile's pixels: here noise everywhere first.
      const src = { rgba: photo, width: o.width, height: o.height, x: 0, y: 0 };
      const first = tileFromOriginal(src, o, tile, 32);
      for (let i = 0; i < first.rgba.length; i++) first.rgba[i] = (i * 2654435761) >>> 24;
      first.release();
      const early = tileFromOriginal(src, o, tile, 32);
      expect(early.rgba).toBe(first.rgba); // the same buffer, noise under its unknown part
      expect(early.windows).toEqual(cut.windows);
      const got = await encodeTileRequest(tile, { ...early }, PREFILLS.smooth, signal);
      early.release();
      expect(same(got.requestMask, want.requestMask)).toBe(true);
      expect(same(got.requestImage, want.requestImage)).toBe(true);
    });

  it('reads the original where it lies in a larger decoded image (its crop)', async () => {
    const o = { x: 220, y: 0, width: 960, height: 600 };
    const { photo, canvas } = photoAndCanvas(1400, 600, o);
    // The same photo at (40, 10) inside a 1100×640 image.
    const big = new Uint8Array(1100 * 640 * 4);
    for (let y = 0; y < 600; y++) big.set(photo.subarray(y * 960 * 4, (y + 1) * 960 * 4), ((10 + y) * 1100 + 40) * 4);
    const tile = { rect: { x: 0, y: 0, width: 1400, height: 600 }, request: { width: 1092, height: 468 } } as OutpaintTile;
    const signal = new AbortController().signal;
    const cut = cutAlong(canvas, 1400, tile, 32, o)!;
    const want = await encodeTileRequest(tile, { width: 1400, height: 600, ...cut }, PREFILLS.smooth, signal);
    const early = tileFromOriginal({ rgba: big, width: 1100, height: 640, x: 40, y: 10 }, o, tile, 32);
    const got = await encodeTileRequest(tile, { ...early }, PREFILLS.smooth, signal);
    early.release();
    expect(same(got.requestImage, want.requestImage)).toBe(true);
  });

  it('takes no enlarged tile, no tile sent at its own size and no original that spans neither axis', () => {
    const o = { x: 50, y: 0, width: 300, height: 300 };
    const t = (w: number, h: number) =>
      ({ rect: { x: 0, y: 0, width: 400, height: 300 }, request: { width: w, height: h } }) as OutpaintTile;
    expect(fromOriginalShape(t(512, 256), o)).toBe(false);
    expect(fromOriginalShape(t(400, 300), o)).toBe(false);
    expect(fromOriginalShape(t(300, 225), { x: 50, y: 20, width: 300, height: 260 })).toBe(false);
    expect(fromOriginalShape(t(300, 225), o)).toBe(true);
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

/** A cloud tile step that notes when it was given the tile and whether its unknown map came with it, and makes no request. */
function recording(seen: { at: number; unknown: number }[]): GenerateTile {
  return async (_tile, p, ctx) => {
    seen.push({ at: wallClock(), unknown: p.unknown.length });
    ctx.onRequest?.({ requestImage: new Uint8Array(1), requestMask: new Uint8Array(1) });
    return new Uint8Array(p.width * p.height * 4).fill(200);
  };
}

async function run(env?: string) {
  main.svc.env.MASKWORK_REQUEST_BEFORE_CANVAS = env;
  try {
    const seen: { at: number; unknown: number }[] = [];
    const [result] = await outpaintJob(main.svc, req, () => recording(seen))({ signal: new AbortController().signal, progress: () => {} });
    const canvas = result.spans!.find((s) => s.name === 'main: working canvas')!;
    return { seen, canvas, result };
  } finally {
    main.svc.env.MASKWORK_REQUEST_BEFORE_CANVAS = undefined;
  }
}

describe('the job makes a tile after Generate before its working canvas', () => {
  it('gives the tile step its pixels before the canvas is rendered, and blends the same candidate', async () => {
    const early = await run();
    const late = await run('0');
    expect(early.seen).toHaveLength(1);
    expect(early.seen[0].unknown).toBe(0);
    expect(early.seen[0].at).toBeLessThan(early.canvas.start);
    // MASKWORK_REQUEST_BEFORE_CANVAS=0: from the canvas, as before.
    expect(late.seen[0].unknown).toBe(3733 * 1600);
    expect(late.seen[0].at).toBeGreaterThan(late.canvas.end);
    expect(early.result.assetId).toBe(late.result.assetId); // the same patch (its id is its PNG's hash)
  });
});
