// A batch folder with a PSD: the app opens a PSD as its merged image (services/psd-import.ts), and
// the batch now lists it beside the JPEG/PNG/WebP/TIFF files, edits it through the same open path
// and writes its kept result in the batch's export format (`<stem>-edited.png`), as for a TIFF.
// Before, the folder's PSD was skipped (and a folder of PSDs only was "No images").
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs, runBatchNow } from '../../support/batch-dialogs';
import { writePsdOf } from '../../support/psd-fixture';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'AIzaSyPsdBatch-maskwork-0123456789abcdef';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-psd-'));
  await mkdir(join(dir, 'in'));
  await mkdir(join(dir, 'only-psd'));
  await writePsdOf(join(PHOTOS, 'coffee.png'), join(dir, 'in', 'coffee.psd'));
  await copyFile(join(dir, 'in', 'coffee.psd'), join(dir, 'only-psd', 'coffee.psd'));
  await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(dir, 'in', 'coffee-mask.png'));
  await copyFile(join(PHOTOS, 'chelsea.png'), join(dir, 'in', 'chelsea.png'));
  await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(dir, 'in', 'chelsea-mask.png'));
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a batch folder with a PSD', () => {
  it('lists the PSD with its mask, edits its merged image and exports the kept result as PNG', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      answers.folders.push(join(dir, 'only-psd'));
      const only = await main.call('batch:addFolder', {});
      expect(only.files.map((f: { name: string }) => f.name)).toEqual(['coffee.psd']);

      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      expect(files.map((f: { name: string; mask: string }) => [f.name, f.mask])).toEqual([
        ['chelsea.png', 'chelsea-mask.png'],
        ['coffee.psd', 'coffee-mask.png'],
      ]);
      const done = await runBatchNow(main, files);
      expect(done.items.map((i) => [i.name, i.state])).toEqual([
        ['chelsea.png', 'done'],
        ['coffee.psd', 'done'],
      ]);
      const preview = await main.call('batch:preview', { batchId: done.id, itemId: done.items[1].id });
      expect((await sharp(Buffer.from(preview.after)).metadata()).width).toBe(512);

      await main.call('batch:review', { batchId: done.id, itemId: done.items[1].id, review: 'kept' });
      await mkdir(join(dir, 'export'));
      answers.folders.push(join(dir, 'export'));
      const ex = await main.call('batch:export', { batchId: done.id, format: 'png' });
      expect([ex.written, ex.failed]).toEqual([['coffee-edited.png'], []]);
      expect(await readdir(join(dir, 'export'))).toEqual(['coffee-edited.png']);
      const m = await sharp(join(dir, 'export', 'coffee-edited.png')).metadata();
      expect([m.format, m.width, m.height]).toEqual(['png', 600, 400]);
      // Outside the mask the pixels are the PSD's merged image (= the photo it was made from).
      const corner = async (p: string) => sharp(p).extract({ left: 0, top: 0, width: 40, height: 40 }).removeAlpha().raw().toBuffer();
      expect(Buffer.compare(await corner(join(dir, 'export', 'coffee-edited.png')), await corner(join(PHOTOS, 'coffee.png')))).toBe(0);
    } finally {
      await main.close();
    }
  }, 120_000);
});
