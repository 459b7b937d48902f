// The batch queue through the handler table (the same dispatch the IPC transports use): files and
// masks from main's dialogs, the whole price before starting, now and Batch API runs against the
// local Gemini servers, review, redo, export of what was kept, and a restart in the middle.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs, untilBatch } from '../../support/batch-dialogs';
import type { BatchView } from '../../../shared/batch/batch-types';
import { startGeminiBatchServer, startGeminiServer, startOpenAIServer, type GeminiBatchServer, type GeminiServer } from '../../servers';
import { estimateCost } from '../../../shared/models';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'AIzaSyQueue-maskwork-0123456789abcdef';
const NAMES = ['coffee.png', 'chelsea.png', 'rocket.jpg'];

let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  batchApi = await startGeminiBatchServer({ acceptedKeys: [KEY], fallback: gemini.baseUrl, pendingMs: 50, runningMs: 50 });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batchq-'));
  await mkdir(join(dir, 'in'));
  for (const n of NAMES) {
    await copyFile(join(PHOTOS, n), join(dir, 'in', n));
    const stem = n.replace(/\.\w+$/, '');
    await copyFile(join(PHOTOS, `${stem}.mask-blob.png`), join(dir, 'in', `${stem}-mask.png`));
  }
});
afterAll(async () => {
  await batchApi?.close();
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  GEMINI_API_KEY: KEY,
  GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl,
  MASKWORK_MAX_RETRIES: '0',
  MASKWORK_BATCH_POLL_MS: '40',
});

const settings = (fileIds: string[], mode: 'now' | 'batch-api', model = 'gemini-3.1-flash-image') => ({
  fileIds,
  prompt: 'remove the object',
  model,
  mode,
});

describe('batch queue (main)', () => {
  it('now: folder with masks by name, the price first, results reviewed, one redone, the kept ones exported', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      expect(files.map((f: { name: string }) => f.name)).toEqual(['chelsea.png', 'coffee.png', 'rocket.jpg']);
      expect(files.map((f: { mask: string }) => f.mask)).toEqual(['chelsea-mask.png', 'coffee-mask.png', 'rocket-mask.png']);
      const ids = files.map((f: { fileId: string }) => f.fileId);

      const now = await main.call('batch:estimate', settings(ids, 'now'));
      const half = await main.call('batch:estimate', settings(ids, 'batch-api'));
      expect(now.totalUsd).toBeCloseTo(3 * 0.067, 4);
      expect(half.totalUsd).toBeCloseTo(now.totalUsd / 2, 4);
      expect(half.standardUsd).toBeCloseTo(now.totalUsd, 4);

      const before = gemini.requests.length;
      const started = await main.call<BatchView>('batch:start', { ...settings(ids, 'now'), featherPx: 4, colorMatch: true });
      expect(JSON.stringify(started)).not.toContain(dir); // no paths reach the renderer
      const done = await untilBatch(main, started.id, (b) => b.state === 'done');
      expect(done.items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
      expect(gemini.requests.length - before).toBe(3);
      expect(done.items[0].result?.costUsd).toBeCloseTo(0.067, 4);

      const preview = await main.call('batch:preview', { batchId: done.id, itemId: 'item-2' });
      expect((await sharp(Buffer.from(preview.after)).metadata()).width).toBe(512);

      await main.call('batch:review', { batchId: done.id, itemId: 'item-1', review: 'kept' });
      await main.call('batch:review', { batchId: done.id, itemId: 'item-2', review: 'discarded' });
      const first = done.items[2].result!.assetId;
      await main.call('batch:redo', { batchId: done.id, itemId: 'item-3' });
      const redone = await untilBatch(main, done.id, (b) => b.items[2].state === 'done' && b.items[2].result?.assetId !== first);
      expect(redone.items[2].review).toBe('pending');
      await main.call('batch:review', { batchId: done.id, itemId: 'item-3', review: 'kept' });

      answers.folders.push(join(dir, 'export'));
      await mkdir(join(dir, 'export'));
      const ex = await main.call('batch:export', { batchId: done.id, format: 'png' });
      expect(ex.written.sort()).toEqual(['chelsea-edited.png', 'rocket-edited.png']);
      expect(ex.failed).toEqual([]);
      expect((await readdir(join(dir, 'export'))).sort()).toEqual(['chelsea-edited.png', 'rocket-edited.png']);
      const [a, b] = await Promise.all([
        sharp(join(PHOTOS, 'rocket.jpg')).metadata(),
        sharp(join(dir, 'export', 'rocket-edited.png')).metadata(),
      ]);
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      // Exporting again never replaces what is there.
      answers.folders.push(join(dir, 'export'));
      const again = await main.call('batch:export', { batchId: done.id, format: 'png' });
      expect(again.written).toEqual([]);
      expect(again.failed[0]).toMatchObject({
        message: expect.stringMatching(/is already in the folder$/),
        exists: expect.stringMatching(/-edited\.png$/),
      });
    } finally {
      await main.close();
    }
  }, 120_000);

  it('Batch API: one job at half price, polled to done; a job in flight survives a restart; cancel reaches Google', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    const settingsDir = join(main.tmp, 'settings');
    try {
      answers.multiOpens.push(NAMES.map((n) => join(dir, 'in', n)));
      const { files } = await main.call('batch:addImages', {});
      const ids = files.map((f: { fileId: string }) => f.fileId);
      const spentBefore = main.svc.ledger.summary().today.usd;
      batchApi.hold();
      const b = await main.call<BatchView>('batch:start', { ...settings(ids, 'batch-api'), featherPx: 4, colorMatch: true });
      expect(b.state).toBe('submitted');
      expect(b.remote?.name).toMatch(/^batches\//);
      expect(b.estimateUsd).toBeCloseTo((3 * 0.067) / 2, 4);
      expect(main.svc.ledger.summary().today.usd - spentBefore).toBeCloseTo((3 * 0.067) / 2, 4);
      const job = batchApi.batches.get(b.remote!.name.split('/')[1])!;
      expect(job.requests).toHaveLength(3);

      // "Restart": the first services stop; new ones on the same settings folder find the job and poll it.
      main.svc.batches.stop();
      const { createServices } = await import('../../../electron/main/create-services');
      const svc2 = createServices({
        host: 'test',
        version: '0',
        assetDir: join(main.tmp, 'assets'),
        settingsDir,
        dialogs: answers,
        env: env(),
      });
      expect(svc2.batches.list()[0]).toMatchObject({ id: b.id, state: 'submitted' });
      batchApi.release();
      const end = Date.now() + 30_000;
      while (svc2.batches.list()[0].state !== 'done' && Date.now() < end) await new Promise((r) => setTimeout(r, 40));
      const done = svc2.batches.list()[0];
      expect(done.items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
      expect(done.items[0].result?.costUsd).toBeCloseTo(0.0335, 4);
      expect(await svc2.store.assetExists(done.items[0].result!.assetId)).toBe(true);
      svc2.batches.stop();

      // Cancel while Google is still working on it.
      batchApi.hold();
      const c = await main.call<BatchView>('batch:start', { ...settings(ids.slice(0, 1), 'batch-api'), featherPx: 4, colorMatch: true });
      const cancelled = await main.call<BatchView>('batch:cancel', { batchId: c.id });
      expect(cancelled).toMatchObject({ state: 'cancelled', remote: { state: 'cancelled' } });
      expect(cancelled.items[0].state).toBe('cancelled');
      expect(batchApi.batches.get(c.remote!.name.split('/')[1])?.state).toBe('BATCH_STATE_CANCELLED');
      batchApi.release();
    } finally {
      main.svc.batches.stop();
      await main.close();
    }
  }, 120_000);

  it('now: a batch interrupted by a restart is sent again at the next start', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      answers.multiOpens.push([join(dir, 'in', 'coffee.png'), join(dir, 'in', 'rocket.jpg')]);
      const { files } = await main.call('batch:addImages', {});
      gemini.script({ delayMs: 5000 });
      const b = await main.call<BatchView>('batch:start', {
        ...settings(
          files.map((f: { fileId: string }) => f.fileId),
          'now',
        ),
        featherPx: 4,
        colorMatch: true,
      });
      await untilBatch(main, b.id, (x) => x.items[0].state === 'running', 10_000);
      main.svc.batches.stop(); // the app quits while the first image is out
      await new Promise((r) => setTimeout(r, 100));
      const { createServices } = await import('../../../electron/main/create-services');
      const svc2 = createServices({
        host: 'test',
        version: '0',
        assetDir: join(main.tmp, 'assets'),
        settingsDir: join(main.tmp, 'settings'),
        dialogs: answers,
        env: env(),
      });
      expect(svc2.batches.store.get(b.id)?.items.map((i) => i.state)).toEqual(['running', 'queued']);
      svc2.batches.list(); // the app starts and reads the queue: it resumes
      const end = Date.now() + 30_000;
      while (svc2.batches.store.get(b.id)?.state !== 'done' && Date.now() < end) await new Promise((r) => setTimeout(r, 40));
      expect(svc2.batches.store.get(b.id)?.items.map((i) => i.state)).toEqual(['done', 'done']);
      svc2.batches.stop();
    } finally {
      gemini.clearScript();
      await main.close();
    }
  }, 60_000);

  it('refuses the Batch API for a model it does not serve, and a file without a mask (sends the others); Auto picks Nano Banana for it', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      // building.jpg alone in a folder: no mask by name (beside it in the photos folder are its three labelled masks).
      await mkdir(join(dir, 'lone'), { recursive: true });
      await copyFile(join(PHOTOS, 'building.jpg'), join(dir, 'lone', 'building.jpg'));
      answers.multiOpens.push([join(dir, 'in', 'coffee.png'), join(dir, 'in', 'coffee-mask.png'), join(dir, 'lone', 'building.jpg')]);
      const { files } = await main.call('batch:addImages', {});
      expect(files.map((f: { name: string }) => f.name)).toEqual(['coffee.png', 'building.jpg']); // the mask file is not an image
      expect(files[1].mask).toBeNull();
      const r = await main.callRaw('batch:start', {
        ...settings([files[0].fileId], 'batch-api', 'gpt-image-2'),
        featherPx: 4,
        colorMatch: true,
      });
      expect(r.ok).toBe(false);
      expect(r.error.message).toMatch(/Nano Banana/);
      const noMask = await main.callRaw('batch:start', { ...settings([files[1].fileId], 'now'), featherPx: 4, colorMatch: true });
      expect(noMask.error.message).toMatch(/No mask for building.jpg/);
      // With a photo that has its mask, the batch goes without the one that has none (it refused them all).
      const both = await main.call<BatchView>('batch:start', {
        ...settings([files[0].fileId, files[1].fileId], 'now'),
        featherPx: 4,
        colorMatch: true,
      });
      expect(both.items.map((i) => i.name)).toEqual(['coffee.png']);
      await untilBatch(main, both.id, (b) => b.state === 'done');
      const est = await main.call('batch:estimate', settings([files[0].fileId], 'batch-api', 'auto'));
      expect(est.model).toBe('gemini-3.1-flash-image');
      expect(est.autoReason).toMatch(/Batch API serves Nano Banana models only/);
    } finally {
      main.svc.batches.stop();
      await main.close();
    }
  });

  it('GPT Image 2 without a quality asked: priced and sent at Generate’s default, medium (not auto, billed like high); each item says what it spent', async () => {
    const openai = await startOpenAIServer();
    const answers = new QueuedDialogs();
    const main = await startMain(
      { ...env(), OPENAI_API_KEY: 'sk-batch-quality-0001', OPENAI_BASE_URL: openai.url, MASKWORK_STREAM: '0' },
      answers,
    );
    try {
      answers.multiOpens.push([join(dir, 'in', 'coffee.png'), join(dir, 'in', 'rocket.jpg')]);
      const { files } = await main.call('batch:addImages', {});
      const ids = files.map((f: { fileId: string }) => f.fileId);
      const medium = await main.call('batch:estimate', settings(ids, 'now', 'gpt-image-2'));
      const asked = await main.call('batch:estimate', { ...settings(ids, 'now', 'gpt-image-2'), quality: 'medium' });
      const high = await main.call('batch:estimate', { ...settings(ids, 'now', 'gpt-image-2'), quality: 'high' });
      expect(medium.totalUsd).toBe(asked.totalUsd);
      expect(high.totalUsd).toBeGreaterThan(2 * medium.totalUsd);
      // Gemini has no quality: one asked for is not sent and does not change the price.
      const gem = await main.call('batch:estimate', { ...settings(ids, 'now'), quality: 'high' });
      expect(gem.totalUsd).toBeCloseTo(2 * 0.067, 4);

      const spentBefore = main.svc.ledger.summary().today.usd;
      const b = await main.call<BatchView>('batch:start', { ...settings(ids, 'now', 'gpt-image-2'), featherPx: 4, colorMatch: true });
      expect(b.quality).toBe('medium');
      expect(b.estimateUsd).toBeCloseTo(medium.totalUsd, 4);
      const done = await untilBatch(main, b.id, (x) => x.state === 'done');
      expect(done.items.map((i) => i.state)).toEqual(['done', 'done']);
      const edits = openai.requests.filter((r) => r.path.endsWith('/images/edits'));
      expect(edits.map((r) => r.fields.quality)).toEqual(['medium', 'medium']);
      const spent = done.items.reduce((sum, i) => sum + (i.spentUsd ?? 0), 0);
      expect(spent).toBeGreaterThan(0);
      expect(spent).toBeCloseTo(main.svc.ledger.summary().today.usd - spentBefore, 5);
      expect(spent).toBeLessThan(estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'high' }).usd * 2);
    } finally {
      main.svc.batches.stop();
      await main.close();
      await openai.close();
    }
  }, 60_000);
});
