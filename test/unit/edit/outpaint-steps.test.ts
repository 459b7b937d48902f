/**
 * electron/main/edit/run-outpaint.ts with an injected tile step: the tile loop only crops, asks the
 * step and blends; which model or pre-fill produces the pixels is decided outside it.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateTile, TilePixels } from '../../../electron/main/edit/outpaint-tile-steps';
import { PREFILLS, tileStepFor } from '../../../electron/main/edit/outpaint-tile-steps';
import { outpaintJob } from '../../../electron/main/edit/run-outpaint';
import type { ResolvedModel } from '../../../electron/main/edit/resolve-model';
import { getModel } from '../../../shared/models';
import { type MainHarness, startMain } from '../../support/main-harness';

let main: MainHarness;
let assetId: string;
beforeAll(async () => {
  main = await startMain();
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 30 } } })
    .png()
    .toBuffer();
  ({ assetId } = await main.call('image:import', { bytes: new Uint8Array(png), name: 'small.png' }));
});
afterAll(() => main?.close());

describe('outpaint tile steps', () => {
  it('the job runs the injected step once per tile and blends its pixels; the original stays untouched', async () => {
    const seen: TilePixels[] = [];
    const paintRed: GenerateTile = async (_tile, p) => {
      // A copy: the tile's pixels may be views of the job's canvas buffers, which the blend changes.
      seen.push({ ...p, rgba: p.rgba.slice(), unknown: p.unknown.slice() });
      const out = new Uint8Array(p.width * p.height * 4);
      for (let i = 0; i < p.width * p.height; i++) out.set([250, 0, 0, 255], i * 4);
      return out;
    };
    const job = outpaintJob(
      main.svc,
      {
        canvas: { width: 96, height: 48 },
        original: { x: 0, y: 0, width: 64, height: 48 },
        layers: [{ assetId, x: 0, y: 0 }],
        prompt: '',
        model: 'local',
        n: 1,
        featherPx: 8,
      },
      () => paintRed,
    );
    const [candidate] = await job({ signal: new AbortController().signal, progress: () => {} });
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(p.rgba).toHaveLength(p.width * p.height * 4);
      expect(p.unknown.some((v) => v === 255)).toBe(true);
      expect(p.unknown.every((v) => v === 0 || v === 255)).toBe(true);
      expect(p.ask.every((v) => v === 0 || v === 255)).toBe(true);
    }
    // The patch asset (PNG, written behind) and the raw pixels sent to the renderer agree.
    const { data, info } = await sharp(Buffer.from(await main.svc.store.get(candidate.assetId)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
    expect(at(90, 20)).toEqual([250, 0, 0, 255]); // new area: the step's pixels
    expect(at(10, 20)[3]).toBe(0); // deep inside the original: not in the patch
    expect(candidate.patch).toBeUndefined();
    const px = candidate.pixels!;
    expect(px.rect.x + px.rect.width).toBe(96);
    expect(px.rect.x).toBeGreaterThan(10);
    const raw = (x: number, y: number) => {
      const i = ((y - px.rect.y) * px.rect.width + (x - px.rect.x)) * 4;
      return [...px.rgba.subarray(i, i + 4)];
    };
    expect(raw(90, 20)).toEqual(at(90, 20));
    expect(raw(px.rect.x, 20)).toEqual(at(px.rect.x, 20));
  });

  it('tileStepFor: the offline engine paints by itself; a cloud model gets the requested pre-fill first', async () => {
    const calls: string[] = [];
    const cloud = {
      spec: getModel('gpt-image-2'),
      wireModel: 'fake',
      provider: {
        edit: async () => {
          calls.push('edit');
          return [];
        },
      },
    } as unknown as ResolvedModel;
    const req = {
      canvas: { width: 8, height: 8 },
      original: { x: 0, y: 0, width: 4, height: 8 },
      layers: [],
      prompt: 'x',
      model: 'fake',
      n: 1,
      featherPx: 0,
    };
    const step = tileStepFor(cloud, { ...req, prefill: 'smooth' }, main.svc);
    const tile = { rect: { x: 0, y: 0, width: 8, height: 8 }, request: { width: 1024, height: 1024 } } as never;
    const p: TilePixels = {
      width: 8,
      height: 8,
      rgba: new Uint8Array(256).fill(255),
      unknown: new Uint8Array(64),
      ask: new Uint8Array(64),
    };
    for (let i = 0; i < 64; i++) {
      if (i % 8 < 4) continue;
      p.unknown[i] = 1;
      p.ask[i] = 255;
    }
    await expect(step(tile, p, { signal: new AbortController().signal, onProgress: () => {}, candidate: 0 })).rejects.toThrow(
      /returned no image/,
    );
    expect(calls).toEqual(['edit']);
    const smooth = await PREFILLS.smooth(p, new AbortController().signal);
    expect(smooth).toHaveLength(256);
    expect(smooth[(4 * 8 + 6) * 4]).toBe(255); // the unknown part is filled from its (white) surroundings
  });
});
