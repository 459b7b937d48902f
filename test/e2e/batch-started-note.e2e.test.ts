/**
 * Start batch empties the new-batch list (its photos went to the queue): the greyed-out Start batch
 * then said "Add images first" beside it, right under the batch that had just started, as if
 * something were wrong. It says nothing there now, also when the dialog is closed and opened again;
 * a list emptied by hand says it again. Real mouse and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;
let folder: string;

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: {
      GEMINI_API_KEY: 'AIza-e2e-batch-started-0001',
      GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_BATCH_POLL_MS: '150',
    },
    viewport: { width: 1280, height: 800 },
  });
  folder = await photosFolder(app, ['coffee.png', 'rocket.jpg']);
});
afterAll(() => closeBatchApp(app, gemini));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });
const rows = () => dialog().getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem');

describe('Batch: the note beside Start batch after a start', () => {
  it('says nothing once the batch started (its list is empty), and "Add images first" for a list emptied by hand', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    const start = d.getByRole('button', { name: 'Start batch' });
    const why = d.getByTestId('batch-blocker');
    expect(await why.textContent()).toBe('Add images first');

    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await rows().nth(1).waitFor();
    await expect.poll(() => why.count(), { timeout: 30_000 }).toBe(0);
    await start.click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('2 of 2 done');
    // The list went to the queue: Start batch is off, and nothing is said to be missing.
    expect(await rows().count()).toBe(0);
    expect(await start.isDisabled()).toBe(true);
    expect(await why.count()).toBe(0);

    // Closed and opened again: still the list the batch was started from.
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await d.waitFor();
    expect(await start.isDisabled()).toBe(true);
    expect(await why.count()).toBe(0);

    // A new list, emptied by hand: then the images are what is missing.
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await rows().nth(1).waitFor();
    await rows().first().click();
    // Two quick presses (the focus must be on the next row as soon as the first row is gone).
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => why.textContent(), { timeout: 5_000 }).toBe('Add images first');
    expect(await start.isDisabled()).toBe(true);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
