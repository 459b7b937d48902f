/**
 * The export's base rows from the decode edit prep keeps (electron/main/export/decoded-base.ts):
 * only for files whose kept decode holds the original's own samples, and then the PNG written is
 * the one a fresh libvips decode gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { JobResult } from '../../../shared/ipc/contract-types';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { exportToFile } from '../../../electron/main/services/image-files';
import { pendingJobLayer } from '../../../electron/main/export/pending-layer';
import { decodedBaseFor, rgbRows } from '../../../electron/main/export/decoded-base';
import { forgetDecoded, recallDecoded } from '../../../electron/main/services/decoded-original';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-decoded-base-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  forgetDecoded();
  await rm(tmp, { recursive: true, force: true });
});

describe('rgbRows', () => {
  it('drops the alpha byte of every pixel, for any width, row range and buffer offset', () => {
    for (const width of [1, 3, 4, 7, 13]) {
      const height = 9;
      for (const offset of [0, 1, 4]) {
        const backing = new Uint8Array(offset + width * height * 4);
        for (let i = 0; i < backing.length; i++) backing[i] = (i * 37 + 11) & 255;
        const rgba = backing.subarray(offset);
        const got = rgbRows(rgba, width, 2, 7);
        const want = new Uint8Array(5 * width * 3);
        for (let p = 0; p < 5 * width; p++) for (let c = 0; c < 3; c++) want[p * 3 + c] = rgba[(2 * width + p) * 4 + c];
        expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
      }
    }
  });
});

describe('the kept decode as the export base', () => {
  it('is used for an 8-bit RGB file without a profile, and never for one with a profile (its kept decode is sRGB)', async () => {
    const plain = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
    const plainMeta = await sharp(await store.get(plain.assetId)).metadata();
    expect(recallDecoded(plain.assetId)).not.toBeNull();
    expect(decodedBaseFor(plain.assetId, plainMeta)).not.toBeNull();

    const p3 = new Uint8Array(await sharp(photo('building.jpg')).withIccProfile('p3').jpeg({ quality: 92 }).toBuffer());
    const tagged = await importImage(store, p3, 'p3.jpg');
    expect(recallDecoded(tagged.assetId)).not.toBeNull();
    expect(decodedBaseFor(tagged.assetId, await sharp(p3).metadata())).toBeNull();
  });

  it('writes the same PNG as a fresh decode of the file, with a pending layer', async () => {
    const img = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
    const region = { x: 100, y: 200, width: 64, height: 40 };
    const rgba = Buffer.alloc(region.width * region.height * 4);
    for (let i = 0; i < rgba.length; i += 4) rgba.set([200, (i >> 4) & 255, 30, i % 3 ? 255 : 90], i);
    const patchId = await store.put(
      new Uint8Array(
        await sharp(rgba, { raw: { width: region.width, height: region.height, channels: 4 } })
          .png()
          .toBuffer(),
      ),
      'patch',
    );
    const done = {
      state: 'done',
      candidates: [{ assetId: patchId, region, requestSize: region, costUsd: 0 }],
    } as unknown as JobResult;
    const exportOnce = async (name: string) => {
      const pending = pendingJobLayer(
        { wait: () => Promise.resolve(done) },
        { jobId: name, candidate: 0, rect: { x: 0, y: region.y, width: img.width, height: region.height } },
      );
      const out = join(tmp, `${name}.png`);
      await exportToFile(
        store,
        { canvas: { width: img.width, height: img.height }, layers: [{ assetId: img.assetId, x: 0, y: 0 }], format: 'png', pending },
        out,
      );
      return sharp(out).raw().toBuffer({ resolveWithObject: true });
    };
    const kept = await exportOnce('kept');
    forgetDecoded();
    expect(recallDecoded(img.assetId)).toBeNull();
    const fresh = await exportOnce('fresh');
    expect(kept.info.channels).toBe(3);
    expect(fresh.info.channels).toBe(3);
    expect(Buffer.compare(kept.data, fresh.data)).toBe(0);
    // And the patch is in it: a pixel under the opaque part differs from the original.
    const original = await sharp(await store.get(img.assetId))
      .raw()
      .toBuffer();
    const at = ((region.y + 5) * img.width + region.x + 5) * 3;
    expect([...kept.data.subarray(at, at + 3)]).not.toEqual([...original.subarray(at, at + 3)]);
  });
});
