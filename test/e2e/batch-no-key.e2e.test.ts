/**
 * A batch for a model with no key, at 1280×800 with real mouse and keys: Start batch is greyed out
 * and says which key ("Set a Google Gemini key in Settings (⚙)"); a click on it sends nothing,
 * stores nothing and charges nothing. Doing what it says — close the dialog, set the key in
 * Settings, open Batch… again — finds the photos, the prompt and the model as they were (the new
 * batch was lost when the dialog closed, so following the advice meant picking everything again),
 * and the batch then runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';
import { chooseOption } from '../support/user-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;

beforeAll(async () => {
  gemini = await startGeminiServer();
  // No key at all: only the service's address.
  app = await launchApp({
    env: { GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(() => closeBatchApp(app, gemini));

describe('Batch without the model’s key', () => {
  it('nothing is sent or charged; after setting the key in Settings the new batch is still there and runs', async () => {
    const page = app.page;
    const folder = await photosFolder(app, ['coffee.png', 'rocket.jpg']);
    const d = page.getByRole('dialog', { name: 'Batch' });
    const rows = d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem');
    await page.getByRole('button', { name: /^Batch…/ }).click();
    await d.waitFor();
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await rows.nth(1).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3-pro-image');
    // The price is made without a key: the user sees what it will cost once the key is there.
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.268');
    const why = d.getByTestId('batch-blocker');
    await expect.poll(() => why.textContent(), { timeout: 10_000 }).toBe('Set a Google Gemini key in Settings (⚙)');
    const start = d.getByRole('button', { name: 'Start batch' });
    expect(await start.isDisabled()).toBe(true);
    // A click on it anyway: nothing is stored, sent or counted.
    const box = (await start.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(500);
    expect(await d.getByText('No batches yet.').count()).toBe(1);
    expect(gemini.requests.length).toBe(0);
    expect(app.services.ledger.summary().today.usd).toBe(0);
    expect(await rows.count()).toBe(2);

    // As it says: close, set the key in Settings, come back.
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
    await settings.waitFor();
    const keyRow = page.getByTestId('key-gemini');
    await keyRow.getByRole('textbox', { name: 'Google Gemini API key' }).pressSequentially('AIza-e2e-batch-no-key-0001');
    await keyRow.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('key-status-gemini').textContent(), { timeout: 10_000 }).toMatch(/^set · …0001/);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Batch…/ }).click();
    await d.waitFor();

    // The new batch as it was left: its photos, prompt and model.
    expect(await rows.count()).toBe(2);
    expect(await d.getByRole('textbox', { name: 'Batch prompt' }).inputValue()).toBe('remove the object');
    expect(await d.getByRole('combobox', { name: 'Batch model' }).inputValue()).toBe('gemini-3-pro-image');
    await expect.poll(() => why.count(), { timeout: 10_000 }).toBe(0);
    await start.click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 60_000 }).toBe('2 of 2 done');
    expect(gemini.requests.length).toBe(2);
    expect(app.errors).toEqual([]);
  }, 180_000);
});
