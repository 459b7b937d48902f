/**
 * A batch takes the formats Ctrl+O opens, from one list (shared/files/image-formats.ts): a .gif and an
 * .avif picked with Add images… were dropped from the list without a word (the dialog did not even offer
 * them), though each batch item opens as Ctrl+O opens it. Here both are listed with their masks, edited
 * and exported; and Add images… offers exactly Open's image formats.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs, runBatchNow } from '../../support/batch-dialogs';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'AIzaSyGifAvif-maskwork-0123456789abcdef';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-gif-avif-'));
  await mkdir(join(dir, 'in'));
  await sharp(join(PHOTOS, 'coffee.png'))
    .gif()
    .toFile(join(dir, 'in', 'coffee.gif'));
  await sharp(join(PHOTOS, 'chelsea.png'))
    .avif({ quality: 80 })
    .toFile(join(dir, 'in', 'chelsea.avif'));
  await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(dir, 'in', 'coffee-mask.png'));
  await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(dir, 'in', 'chelsea-mask.png'));
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a batch with a .gif and an .avif', () => {
  it('Add images… lists both with their masks; the batch edits them and exports the kept results', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      answers.multiOpens.push([join(dir, 'in', 'coffee.gif'), join(dir, 'in', 'chelsea.avif')]);
      const { files } = await main.call('batch:addImages', {});
      expect(files.map((f: { name: string; mask: string }) => [f.name, f.mask])).toEqual([
        ['coffee.gif', 'coffee-mask.png'],
        ['chelsea.avif', 'chelsea-mask.png'],
      ]);
      const done = await runBatchNow(main, files);
      expect(done.items.map((i) => [i.name, i.state])).toEqual([
        ['coffee.gif', 'done'],
        ['chelsea.avif', 'done'],
      ]);
      for (const item of done.items) await main.call('batch:review', { batchId: done.id, itemId: item.id, review: 'kept' });
      await mkdir(join(dir, 'export'));
      answers.folders.push(join(dir, 'export'));
      const ex = await main.call('batch:export', { batchId: done.id, format: 'png' });
      expect([ex.written.sort(), ex.failed]).toEqual([['chelsea-edited.png', 'coffee-edited.png'], []]);
      expect((await readdir(join(dir, 'export'))).sort()).toEqual(['chelsea-edited.png', 'coffee-edited.png']);
      const m = await sharp(join(dir, 'export', 'coffee-edited.png')).metadata();
      expect([m.format, m.width, m.height]).toEqual(['png', 600, 400]);
    } finally {
      await main.close();
    }
  }, 120_000);

  it('a folder lists them too', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl }, answers);
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      expect(files.map((f: { name: string }) => f.name)).toEqual(['chelsea.avif', 'coffee.gif']);
    } finally {
      await main.close();
    }
  });
});
