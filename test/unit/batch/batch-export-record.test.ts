// Export kept writes the XMP edit record with the model the batch used, as a single export and the
// CLI do (IPTC AISystemUsed "Google gemini-3.1-flash-image"). It wrote "Maskwork" alone: main's batch
// export passed no models, so a file made by a cloud model did not say which (found by hand, U7).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readPsd } from 'ag-psd';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs, runBatchNow } from '../../support/batch-dialogs';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'AIzaSyBatchRecord-maskwork-0123456789ab';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-record-'));
  await mkdir(join(dir, 'in'));
  await copyFile(join(PHOTOS, 'rocket.jpg'), join(dir, 'in', 'rocket.jpg'));
  await copyFile(join(PHOTOS, 'rocket.mask-blob.png'), join(dir, 'in', 'rocket-mask.png'));
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

const aiSystem = async (path: string) => {
  const xmp = (await sharp(path).metadata()).xmp?.toString('utf8') ?? '';
  return /<Iptc4xmpExt:AISystemUsed>([^<]*)</.exec(xmp)?.[1];
};

describe('Export kept of a batch', () => {
  it('names the batch’s model in the edit record, in every format', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      const done = await runBatchNow(main, files);
      expect(done.items.map((i) => i.state)).toEqual(['done']);
      await main.call('batch:review', { batchId: done.id, itemId: done.items[0].id, review: 'kept' });
      for (const format of ['png', 'jpeg'] as const) {
        const out = join(dir, `out-${format}`);
        await mkdir(out);
        answers.folders.push(out);
        const ex = await main.call('batch:export', { batchId: done.id, format });
        expect(ex.failed).toEqual([]);
        expect(await aiSystem(join(out, ex.written[0]))).toBe('Google gemini-3.1-flash-image');
      }
    } finally {
      await main.close();
    }
  }, 120_000);

  it('writes TIFF and a layered PSD too, as the CLI’s batch --format does (it offered PNG, JPEG and WebP)', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      const done = await runBatchNow(main, files);
      await main.call('batch:review', { batchId: done.id, itemId: done.items[0].id, review: 'kept' });
      const out = join(dir, 'out-deep');
      await mkdir(out);
      answers.folders.push(out, out);
      const tif = await main.call('batch:export', { batchId: done.id, format: 'tiff' });
      const psd = await main.call('batch:export', { batchId: done.id, format: 'psd' });
      expect([tif.written, tif.failed, psd.written, psd.failed]).toEqual([['rocket-edited.tif'], [], ['rocket-edited.psd'], []]);
      const t = await sharp(join(out, 'rocket-edited.tif')).metadata();
      expect([t.format, t.width, t.height, !!t.icc]).toEqual(['tiff', 640, 427, true]);
      expect(await aiSystem(join(out, 'rocket-edited.tif'))).toBe('Google gemini-3.1-flash-image');
      // The PSD: the original and the result as layers, the result named as the app names a kept layer.
      const psdFile = readPsd(await readFile(join(out, 'rocket-edited.psd')), { skipLayerImageData: true, skipCompositeImageData: true });
      expect(psdFile.children?.map((l) => l.name)).toEqual(['Original', 'Remove the object · Nano Banana 2 (Gemini 3.1 Flash Image)']);
    } finally {
      await main.close();
    }
  }, 120_000);
});
