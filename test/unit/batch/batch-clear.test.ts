// Clear finished deletes the cleared batches' results from the app's data folder at once (only the
// startup sweep removed them, three days later), through the handler table: the current results and
// those a Redo replaced go; an exported file, the photos and masks, a batch left on the queue and bytes
// the editor put too are not touched, and the answer says what was deleted.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMain, type MainHarness } from '../../support/main-harness';
import { QueuedDialogs, untilBatch } from '../../support/batch-dialogs';
import type { BatchView } from '../../../shared/batch/batch-types';
import type { BatchClearResult } from '../../../shared/ipc/batch-contract';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, process.env.MASKWORK_PHOTOS ?? '../../../../shared/testdata/photos');
const KEY = 'AIzaSyClear-maskwork-0123456789abcdef';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-clear-'));
  await mkdir(join(dir, 'in'));
  for (const n of ['coffee.png', 'chelsea.png', 'rocket.jpg']) {
    await copyFile(join(PHOTOS, n), join(dir, 'in', n));
    const stem = n.replace(/\.\w+$/, '');
    await copyFile(join(PHOTOS, `${stem}.mask-blob.png`), join(dir, 'in', `${stem}-mask.png`));
  }
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' });
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function run(main: MainHarness, answers: QueuedDialogs, names: string[]): Promise<BatchView> {
  answers.multiOpens.push(names.map((n) => join(dir, 'in', n)));
  const { files } = await main.call('batch:addImages', {});
  const started = await main.call<BatchView>('batch:start', {
    fileIds: files.map((f: { fileId: string }) => f.fileId),
    prompt: 'remove the object',
    model: 'gemini-3.1-flash-image',
    mode: 'now',
    featherPx: 4,
    colorMatch: true,
  });
  return untilBatch(main, started.id, (b) => b.state === 'done');
}

describe('Clear finished', () => {
  it('deletes the cleared batches’ results from the app’s data folder, and nothing else', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    const asset = (id: string) => join(main.tmp, 'assets', `${id}.bin`);
    try {
      // Batch A: coffee redone (its first result replaced), rocket kept and exported.
      const a = await run(main, answers, ['coffee.png', 'rocket.jpg']);
      const firstCoffee = a.items[0].result!.assetId;
      await main.call('batch:redo', { batchId: a.id, itemId: 'item-1' });
      const redone = await untilBatch(main, a.id, (b) => b.items[0].state === 'done' && b.items[0].result?.assetId !== firstCoffee);
      const coffee = redone.items[0].result!.assetId;
      const rocket = redone.items[1].result!.assetId;
      await main.call('batch:review', { batchId: a.id, itemId: 'item-2', review: 'kept' });
      const out = join(dir, 'out');
      await mkdir(out);
      answers.folders.push(out);
      expect((await main.call('batch:export', { batchId: a.id, format: 'png' })).written).toEqual(['rocket-edited.png']);
      const exported = await readFile(join(out, 'rocket-edited.png'));
      // The editor put the redone coffee's bytes too (the same patch): shared, so it stays.
      await main.call('asset:put', { bytes: new Uint8Array(await readFile(asset(coffee))), kind: 'patch' });

      // Batch B: chelsea kept, not exported: it stays on the queue, and its result with it.
      const b = await run(main, answers, ['chelsea.png']);
      await main.call('batch:review', { batchId: b.id, itemId: 'item-1', review: 'kept' });
      const chelsea = b.items[0].result!.assetId;

      for (const id of [firstCoffee, coffee, rocket, chelsea]) expect(await exists(asset(id)), id).toBe(true);
      const inputs = (await readdir(join(dir, 'in'))).sort();

      const r = await main.call<BatchClearResult>('batch:clearFinished', {});
      expect(r.batches.map((x) => x.id)).toEqual([b.id]);
      expect(r.cleared).toBe(1);
      expect(r.deleted).toMatchObject({ results: 2, kept: 1 });
      expect(r.deleted!.bytes).toBeGreaterThan(0);
      // Deleted now: the replaced result and the exported one (its file is the user's copy).
      expect(await exists(asset(firstCoffee))).toBe(false);
      expect(await exists(asset(rocket))).toBe(false);
      // Not touched: bytes the editor has too, the batch left, the exported file, the photos and masks.
      expect(await exists(asset(coffee))).toBe(true);
      expect(await exists(asset(chelsea))).toBe(true);
      expect(await readFile(join(out, 'rocket-edited.png'))).toEqual(exported);
      expect((await readdir(join(dir, 'in'))).sort()).toEqual(inputs);
      // The batch left still previews its result.
      expect((await main.call('batch:preview', { batchId: b.id, itemId: 'item-1' })).after).toBeTruthy();

      // Nothing finished left to clear: nothing more deleted.
      expect(await main.call<BatchClearResult>('batch:clearFinished', {})).toMatchObject({ cleared: 0, deleted: { results: 0 } });
      expect(await exists(asset(chelsea))).toBe(true);
    } finally {
      await main.close();
    }
  }, 120_000);
});
