// Export kept writes the XMP edit record with the model the batch used, as a single export and the
// CLI do (IPTC AISystemUsed "Google gemini-3.1-flash-image"). It wrote "Maskwork" alone: main's batch
// export passed no models, so a file made by a cloud model did not say which (found by hand, U7).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
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
});
