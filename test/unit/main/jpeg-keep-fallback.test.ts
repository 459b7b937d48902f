/**
 * A fault inside the kept-data JPEG path (jpeg-export.ts) must not fail the export: the picture is
 * re-encoded whole, as when the path does not apply, and the export's message says why.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { renderExport } from '../../../electron/main/services/image-export';
import { AppError } from '../../../shared/errors';
import { photo } from '../../fixtures/bad-images';

const fault = vi.hoisted(() => ({ error: null as unknown }));
vi.mock('../../../electron/main/export/jpeg-export', () => ({
  patchedJpegExport: async () => {
    throw fault.error;
  },
}));

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-jpeg-fallback-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('the kept-data JPEG path fails', () => {
  it('with an unexpected error: the export is re-encoded whole and says why', async () => {
    fault.error = new Error('unexpected decode 10x10x3 for 868x600x3');
    const img = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
    const patch = await store.put(
      new Uint8Array(
        await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 1 } } })
          .png()
          .toBuffer(),
      ),
      'patch',
    );
    const out = await renderExport(store, {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: patch, x: 50, y: 50 },
      ],
      format: 'jpeg',
    });
    expect(out.notes.join(' ')).toMatch(
      /could not be kept \(unexpected decode 10x10x3 for 868x600x3\), so the whole picture was re-encoded/,
    );
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 868, 600]);
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    const i = (65 * 868 + 70) * 3;
    expect(data[i]).toBeGreaterThan(150); // the patch is in it
  });

  it("with the app's own error (a layer that cannot be read): that error, not a silent fallback", async () => {
    fault.error = new AppError({ kind: 'invalid-request', message: 'A layer mask is 1×1, its layer 40×30.' });
    const img = await importImage(store, new Uint8Array(await readFile(photo('building.jpg'))), 'building.jpg');
    await expect(
      renderExport(store, {
        canvas: { width: img.width, height: img.height },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        format: 'jpeg',
      }),
    ).rejects.toThrow(/A layer mask is 1×1/);
  });
});
