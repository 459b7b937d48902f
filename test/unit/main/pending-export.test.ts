/**
 * `image:export` with a pending layer (electron/main/export/pending-layer.ts and the PNG path in
 * image-export.ts): the file equals the export made after the layer exists, the rows outside the
 * layer's rect are encoded before it arrives, and a failed or cancelled job writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { JobResult } from '../../../shared/ipc/contract-types';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import { pendingJobLayer, type PendingLayer } from '../../../electron/main/export/pending-layer';
import type { PlacedAsset } from '../../../electron/main/services/image-export';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
let building: { assetId: string; width: number; height: number };
let patchId: string;
const region = { x: 300, y: 220, width: 160, height: 120 };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-pending-export-'));
  store = new AssetStore(join(tmp, 'assets'));
  building = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
  // A soft-edged patch: partial alpha exercises libvips' compositing arithmetic.
  const rgba = Buffer.alloc(region.width * region.height * 4);
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const i = (y * region.width + x) * 4;
      rgba[i] = (x * 3) & 255;
      rgba[i + 1] = (y * 5) & 255;
      rgba[i + 2] = 200;
      rgba[i + 3] = Math.min(255, Math.min(x, y, region.width - 1 - x, region.height - 1 - y) * 12);
    }
  }
  patchId = await store.put(
    new Uint8Array(
      await sharp(rgba, { raw: { width: region.width, height: region.height, channels: 4 } })
        .png()
        .toBuffer(),
    ),
    'patch',
  );
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const canvas = { width: 868, height: 600 };
const rows = { x: 0, y: region.y, width: canvas.width, height: region.height };

function jobs(result: Promise<JobResult>) {
  return { wait: () => result };
}

function done(): JobResult {
  return {
    state: 'done',
    candidates: [{ assetId: patchId, region, requestSize: { width: region.width, height: region.height }, costUsd: 0 }],
  } as unknown as JobResult;
}

describe('export with a pending layer', () => {
  it('writes the same PNG pixels as the export made once the layer exists, when the layer arrives after the export started', async () => {
    const now = join(tmp, 'after.png');
    await exportToFile(
      store,
      {
        canvas,
        layers: [
          { assetId: building.assetId, x: 0, y: 0 },
          { assetId: patchId, x: region.x, y: region.y },
        ],
        format: 'png',
      },
      now,
    );

    let finish!: (r: JobResult) => void;
    const result = new Promise<JobResult>((r) => (finish = r));
    const pending = pendingJobLayer(jobs(result), { jobId: 'job-1', candidate: 0, rect: rows });
    let arrived = false;
    const watched: PendingLayer = {
      rect: pending.rect,
      layer: pending.layer.then((l: PlacedAsset) => {
        arrived = true;
        return l;
      }),
    };
    const early = join(tmp, 'early.png');
    const writing = exportToFile(
      store,
      { canvas, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png', pending: watched },
      early,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(arrived).toBe(false);
    finish(done());
    const r = await writing;
    expect(r).toMatchObject({ width: 868, height: 600, format: 'png' });
    const a = await sharp(now).raw().toBuffer();
    const b = await sharp(early).raw().toBuffer();
    expect(Buffer.compare(a, b)).toBe(0);
    // The edit record is written, as for any export with an AI result in it.
    expect((await sharp(early).metadata()).xmp?.toString()).toMatch(/Maskwork/i);
  });

  it('a JPEG export waits for the layer and then exports it normally', async () => {
    const out = join(tmp, 'pending.jpg');
    const pending = pendingJobLayer(jobs(Promise.resolve(done())), { jobId: 'job-2', candidate: 0, rect: rows });
    await exportToFile(store, { canvas, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'jpeg', pending }, out);
    expect((await sharp(out).metadata()).format).toBe('jpeg');
  });

  it('a failed or cancelled job, or a result outside the rows kept for it, fails the export and writes nothing', async () => {
    const dir = join(tmp, 'fails');
    const cases: [Promise<JobResult>, RegExp][] = [
      [
        Promise.resolve({ state: 'failed', error: { kind: 'moderation', message: 'The model refused the request.' } } as JobResult),
        /refused/,
      ],
      [Promise.resolve({ state: 'cancelled' } as JobResult), /cancelled/],
    ];
    for (const [result, message] of cases) {
      const pending = pendingJobLayer(jobs(result), { jobId: 'job-3', candidate: 0, rect: rows });
      const e = await exportToFile(
        store,
        { canvas, layers: [{ assetId: building.assetId, x: 0, y: 0 }], format: 'png', pending },
        join(dir, 'x.png'),
      ).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toMatch(message);
    }
    const narrow = pendingJobLayer(jobs(Promise.resolve(done())), { jobId: 'job-4', candidate: 0, rect: { ...rows, height: 10 } });
    await expect(narrow.layer).rejects.toThrow(/outside the rows/);
    const missing = pendingJobLayer(jobs(Promise.resolve(done())), { jobId: 'job-5', candidate: 3, rect: rows });
    await expect(missing.layer).rejects.toThrow(/no candidate 4/);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });
});
