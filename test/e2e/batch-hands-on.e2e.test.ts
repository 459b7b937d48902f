/**
 * What a retoucher trips on in the Batch dialog, with real mouse and keys:
 * - Add images… and then Add folder… over the same photos lists (and sends, and charges) each photo
 *   once, and says so; it listed every photo twice and the price doubled.
 * - after Cancel batch, the photo whose request was already out says it was charged (the queue's
 *   "Spent" counted it while every card said only "cancelled"); a redo's cost is named beside the
 *   estimate ("Spent $0.134 of ≈ $0.134" read as all planned, "$0.402 of ≈ $0.335" as an overrun).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { copyPhotosWithMasks } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: { GEMINI_API_KEY: 'AIza-e2e-batch-hands-on-0001', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(() => closeBatchApp(app, gemini));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });

/** A folder of `names` (test photos), each with its one labelled mask beside it. */
async function photoFolder(dir: string, names: string[]): Promise<string> {
  const folder = join(app.tmp, dir);
  await mkdir(folder);
  await copyPhotosWithMasks(folder, names);
  return folder;
}

describe('Batch: what a retoucher trips on (hands-on)', () => {
  it('the same photos added twice are listed, priced and sent once', async () => {
    const page = app.page;
    const folder = await photoFolder('twice', ['coffee.png', 'rocket.jpg', 'smarties.png']);
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    app.dialogs.multiOpens.push([join(folder, 'coffee.png'), join(folder, 'rocket.jpg')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await list.getByRole('listitem').nth(1).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.134');

    // Then the whole folder: the two already listed come back, only smarties.png is new.
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await list.getByRole('listitem').nth(2).waitFor();
    await expect
      .poll(() => d.getByRole('status', { name: 'Images already in the batch' }).textContent(), { timeout: 10_000 })
      .toBe('2 images are already in the batch (listed once, sent once).');
    const rows = (await list.getByRole('listitem').allTextContents()).map((r) => r.replace(/×$/, ''));
    expect(rows).toEqual(['coffee.pngcoffee.mask-blob.png', 'rocket.jpgrocket.mask-blob.png', 'smarties.pngsmarties.mask-blob.png']);
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('3 images · ≈ $0.201');

    const sent = gemini.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('3 of 3 done');
    expect(gemini.requests.length - sent).toBe(3);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('a cancelled photo whose request was out says it is charged; a redo is named beside the estimate', async () => {
    const page = app.page;
    const folder = await photoFolder('cancel', ['coffee.png', 'rocket.jpg']);
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').nth(1).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.134');

    // coffee.png's request is held at the service while the batch is cancelled; rocket.jpg is never sent.
    let release = () => {};
    gemini.script({ until: new Promise<void>((r) => (release = r)) });
    const sent = gemini.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => gemini.requests.length, { timeout: 30_000 }).toBe(sent + 1);
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Running 1 of 2');
    await d.getByRole('button', { name: 'Cancel batch' }).click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Cancelled: 0 of 2 done, 2 cancelled');
    release();
    const caption = (name: string) =>
      d
        .getByLabel('Batch results')
        .getByRole('figure', { name: `${name} result` })
        .locator('figcaption')
        .textContent();
    expect(await caption('coffee.png')).toBe('coffee.png · cancelled after its request was sent (may be charged by Google, ≈ $0.067)');
    expect(await caption('rocket.jpg')).toBe('rocket.jpg · cancelled');
    const spent = d.getByTestId('batch-spent').first();
    expect(await spent.textContent()).toBe('Spent $0.067 of ≈ $0.134');

    // Redo coffee.png: sent again at the standard price, named beside the estimate.
    await d.getByRole('button', { name: 'Redo coffee.png' }).click();
    await expect.poll(() => caption('coffee.png'), { timeout: 30_000 }).toBe('coffee.png · ready to review');
    await expect.poll(() => spent.textContent(), { timeout: 10_000 }).toBe('Spent $0.134 of ≈ $0.134 + $0.067 for redos (1 image)');
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  }, 120_000);
});
