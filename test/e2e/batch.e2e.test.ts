/**
 * The Batch dialog with real mouse and keys: five photos with their masks found by name, the price
 * before starting, the queue, the review grid (keep, discard, redo) and the export of what was kept;
 * then a Gemini Batch API job at half price against the local batch server, polled until its
 * results land in the grid, and a second job cancelled from the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { startGeminiBatchServer, startGeminiServer, type GeminiBatchServer, type GeminiServer } from '../servers';
import { copyPhotosWithMasks } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

const FIVE = ['chelsea.png', 'coffee.png', 'desk-stuff.jpg', 'rocket.jpg', 'smarties.png'];
let app: AppHarness;
let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let inDir: string;

beforeAll(async () => {
  gemini = await startGeminiServer();
  batchApi = await startGeminiBatchServer({ fallback: gemini.baseUrl, pendingMs: 300, runningMs: 300 });
  app = await launchApp({
    env: {
      GEMINI_API_KEY: 'gm-e2e-test-key-0002',
      GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_BATCH_POLL_MS: '150',
    },
    viewport: { width: 1600, height: 1000 },
  });
  inDir = join(app.tmp, 'photos');
  await mkdir(inDir);
  await copyPhotosWithMasks(inDir, FIVE, 'dashed');
});
afterAll(() => closeBatchApp(app, batchApi, gemini));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });

async function openBatch(): Promise<void> {
  await app.page.getByRole('button', { name: /^Batch…/ }).click();
  await dialog().waitFor();
}

describe('Batch dialog', () => {
  it('five photos: price first, queue to done, keep / discard / redo in the grid, export the kept ones', async () => {
    const page = app.page;
    await openBatch();
    const d = dialog();
    app.dialogs.folders.push(inDir);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await list.getByRole('listitem').nth(4).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(5);
    expect(await list.textContent()).toContain('coffee-mask.png');

    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    const price = d.getByRole('status', { name: 'Batch price' });
    await price.waitFor();
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('5 images · ≈ $0.335');

    const before = gemini.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('5 of 5 done');
    expect(gemini.requests.length - before).toBe(5);

    const grid = d.getByLabel('Batch results');
    await grid.getByRole('img', { name: 'rocket.jpg after' }).waitFor();
    for (const n of ['chelsea.png', 'coffee.png', 'rocket.jpg']) await grid.getByRole('button', { name: `Keep ${n}` }).click();
    await grid.getByRole('button', { name: 'Discard desk-stuff.jpg' }).click();
    await expect
      .poll(() => grid.getByRole('button', { name: 'Keep coffee.png' }).getAttribute('aria-pressed'), { timeout: 30_000 })
      .toBe('true');

    const redoBefore = gemini.requests.length;
    await grid.getByRole('button', { name: 'Redo smarties.png' }).click();
    await expect.poll(() => gemini.requests.length, { timeout: 30_000 }).toBe(redoBefore + 1);
    const keepSmarties = grid.getByRole('button', { name: 'Keep smarties.png' });
    await expect.poll(() => keepSmarties.isEnabled(), { timeout: 30_000 }).toBe(true);
    await keepSmarties.click();

    const out = join(app.tmp, 'kept');
    await mkdir(out);
    app.dialogs.folders.push(out);
    await d.getByRole('button', { name: 'Export kept (4)…' }).click();
    await expect.poll(() => d.getByRole('status', { name: 'Batch export' }).textContent(), { timeout: 30_000 }).toContain('Wrote 4 files');
    expect((await readdir(out)).sort()).toEqual(['chelsea-edited.png', 'coffee-edited.png', 'rocket-edited.png', 'smarties-edited.png']);
    const [a, b] = await Promise.all([sharp(join(PHOTOS, 'rocket.jpg')).metadata(), sharp(join(out, 'rocket-edited.png')).metadata()]);
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('Gemini Batch API: half price, one job polled until the results land in the grid; another job cancelled', async () => {
    const page = app.page;
    await openBatch();
    const d = dialog();
    app.dialogs.multiOpens.push([join(inDir, 'coffee.png'), join(inDir, 'rocket.jpg')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').nth(1).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.134');
    await d.getByRole('checkbox', { name: /Gemini Batch API/ }).click();
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.067 (standard price $0.134)');

    const jobs = batchApi.batches.size;
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/^Batch API: (queued at Google|Google is working)/);
    expect(batchApi.batches.size).toBe(jobs + 1);
    const job = [...batchApi.batches.values()].at(-1)!;
    expect(job.requests).toHaveLength(2);
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('2 of 2 done');
    const grid = d.getByLabel('Batch results');
    await grid.getByRole('img', { name: 'coffee.png after' }).waitFor();
    await grid.getByRole('button', { name: 'Keep coffee.png' }).click();
    await expect
      .poll(() => grid.getByRole('button', { name: 'Keep coffee.png' }).getAttribute('aria-pressed'), { timeout: 30_000 })
      .toBe('true');

    batchApi.hold();
    app.dialogs.multiOpens.push([join(inDir, 'chelsea.png')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').first().waitFor();
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect
      .poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 30_000 })
      .toMatch(/^Batch API: (queued at Google|Google is working)/);
    await d.getByRole('button', { name: 'Cancel batch' }).click();
    await expect
      .poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 30_000 })
      .toBe('Cancelled: 0 of 1 done, 1 cancelled');
    expect([...batchApi.batches.values()].at(-1)?.state).toBe('BATCH_STATE_CANCELLED');
    batchApi.release();
    expect(app.errors).toEqual([]);
  }, 180_000);
});
