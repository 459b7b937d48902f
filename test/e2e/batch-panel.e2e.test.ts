/**
 * The Batch panel as a Photoshop retoucher expects it, with real mouse and keys:
 * - a photo added by mistake comes off the list (its "Remove <name>" button, or Delete / Backspace
 *   on its focused row or its focused ×), and the focus stays in the list;
 * - a greyed-out Start batch says why beside it ("Add images first", "Set an OpenAI key in Settings
 *   (⚙)"), as Generate says "Paint a mask first"; an empty prompt does not grey it out (it removes
 *   what is masked, and the dialog says so);
 * - after Start batch the focus is on the running batch's Cancel batch (it fell to the dialog), and on
 *   its line once it ends (it fell to the dialog again); a pressed Redo keeps it while its photo is out;
 * - a cancelled batch's bar shows what was done and says "Cancelled" (it read full);
 * - a Batch API job Google refuses says why once, in the queue (also in an alert above: twice), and
 *   the draft stays to try again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { startGeminiBatchServer, startGeminiServer, type GeminiBatchServer, type GeminiServer } from '../servers';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let folder: string;

beforeAll(async () => {
  gemini = await startGeminiServer();
  // Every Batch API job is refused (inline requests over its limit); live requests go through.
  batchApi = await startGeminiBatchServer({ fallback: gemini.baseUrl, inlineLimitBytes: 1000 });
  app = await launchApp({
    env: {
      GEMINI_API_KEY: 'AIza-e2e-batch-panel-0001',
      GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_BATCH_POLL_MS: '150',
    },
    viewport: { width: 1280, height: 800 },
  });
  folder = await photosFolder(app, ['coffee.png', 'rocket.jpg', 'smarties.png']);
});
afterAll(() => closeBatchApp(app, batchApi, gemini));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });
const rows = () => dialog().getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem');
/** The focused element: its tag, accessible label and text (a read-only probe). */
const focused = () =>
  app.page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? '', text: el?.textContent ?? '' };
  });

async function addFolder(): Promise<void> {
  app.dialogs.folders.push(folder);
  await dialog().getByRole('button', { name: 'Add folder…' }).click();
  await rows().nth(2).waitFor();
}

describe('Batch panel (retoucher)', () => {
  it('a wrong photo comes off the list (Remove, Delete, Backspace); a greyed-out Start batch says why', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    // Generate is on Offline fill: the batch's model is picked here, as a person does.
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    const start = d.getByRole('button', { name: 'Start batch' });
    const why = d.getByTestId('batch-blocker');
    expect(await start.isDisabled()).toBe(true);
    expect(await why.textContent()).toBe('Add images first');

    await addFolder();
    // No prompt needed: an empty one removes what is masked in every image (main's removal prompt), and
    // the dialog says so; Start batch is on once the price is in (it said "Type a prompt").
    const note = d.getByRole('note', { name: 'Empty prompt' });
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/^Empty prompt: the model removes what is masked/);
    await expect.poll(() => why.count(), { timeout: 10_000 }).toBe(0);
    expect(await start.isDisabled()).toBe(false);
    await d.getByRole('button', { name: 'Remove rocket.jpg' }).click();
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(2);
    // The focus moves to the next row's Remove, so the next wrong photo is one Enter away.
    await expect.poll(focused, { timeout: 5_000 }).toMatchObject({ tag: 'BUTTON', label: 'Remove smarties.png' });
    // Its row, one Shift+Tab back, takes Delete.
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).tag).toBe('LI');
    expect((await focused()).text).toMatch(/^smarties\.png/);
    await page.keyboard.press('Delete');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toMatch(/^coffee\.png/);
    await page.keyboard.press('Backspace');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toBe('Add images…');
    expect(await why.textContent()).toBe('Add images first');

    // A focused × takes Delete and Backspace too, as a file manager's list does (they did nothing
    // there; Enter and Space did): the focus goes to the next row's ×, the previous one's at the end.
    await addFolder();
    for (let i = 0; i < 4 && (await focused()).label !== 'Remove coffee.png'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'BUTTON', label: 'Remove coffee.png' });
    await page.keyboard.press('Delete');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(2);
    await expect.poll(focused, { timeout: 5_000 }).toMatchObject({ tag: 'BUTTON', label: 'Remove rocket.jpg' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'BUTTON', label: 'Remove smarties.png' });
    await page.keyboard.press('Backspace');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(1);
    await expect.poll(focused, { timeout: 5_000 }).toMatchObject({ tag: 'BUTTON', label: 'Remove rocket.jpg' });
    await page.keyboard.press('Delete');
    await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toBe('Add images…');

    await addFolder();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await expect.poll(() => note.count()).toBe(0);
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gpt-image-2');
    await expect.poll(() => why.textContent(), { timeout: 10_000 }).toBe('Set an OpenAI key in Settings (⚙)');
    expect(await start.isDisabled()).toBe(true);
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    await expect.poll(() => why.count(), { timeout: 10_000 }).toBe(0);
    expect(await start.isDisabled()).toBe(false);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('after Start batch the focus is on Cancel batch; a cancelled batch’s bar shows what was done and says Cancelled', async () => {
    const page = app.page;
    const d = dialog();
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 }).toBe('3 images · ≈ $0.201');
    // The first photo is answered; the second waits for the test (and is cancelled).
    let release = () => {};
    gemini.script({}, { until: new Promise<void>((r) => (release = r)) });
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(async () => (await focused()).text, { timeout: 30_000 }).toBe('Cancel batch');
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('Running 2 of 3 (1 done)');
    expect((await focused()).text).toBe('Cancel batch');
    await page.keyboard.press('Enter');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Cancelled: 1 of 3 done, 2 cancelled');
    release();
    const bar = d.getByRole('progressbar').first();
    expect(await bar.evaluate((el: HTMLProgressElement) => el.value)).toBeCloseTo(1 / 3, 5);
    expect(await bar.getAttribute('aria-valuetext')).toBe('Cancelled: 1 of 3 done, 2 cancelled');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('a Batch API job Google refuses says why once, and the draft stays', async () => {
    const page = app.page;
    const d = dialog();
    await addFolder();
    await d.getByRole('checkbox', { name: /Gemini Batch API/ }).click();
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('3 images · ≈ $0.101 (standard price $0.201)');
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toMatch(/^Failed: /);
    const reason = (await state.textContent())!.slice('Failed: '.length);
    expect(reason).toMatch(/exceeds the limit/);
    // Give a late alert its chance to appear before counting.
    await page.waitForTimeout(1000);
    expect((await d.textContent())!.split(reason).length - 1).toBe(1);
    expect(await rows().count()).toBe(3);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('Esc closes the dialog and gives the focus back to Batch…; Enter there opens it again', async () => {
    const page = app.page;
    if (!(await dialog().count())) await page.getByRole('button', { name: /^Batch…/ }).click();
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toMatch(/^Batch…/);
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await page.getByRole('button', { name: 'Close batch' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toMatch(/^Batch…/);
    expect(app.errors).toEqual([]);
  });

  it('a batch that ends under the focus on its Cancel batch leaves the focus on its line, with its ring; Redo keeps the focus', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    // The draft the refused Batch API job left (kept while the dialog was closed), sent now instead.
    expect(await rows().count()).toBe(3);
    await d.getByRole('checkbox', { name: /Gemini Batch API/ }).click();
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 }).toBe('3 images · ≈ $0.201');
    let release = () => {};
    gemini.script({ until: new Promise<void>((r) => (release = r)) });
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(async () => (await focused()).text, { timeout: 30_000 }).toBe('Cancel batch');
    release();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('3 of 3 done');
    const line = d.getByRole('button', { name: /^3 images · Nano Banana 2/ }).first();
    await expect.poll(async () => (await focused()).text, { timeout: 5_000 }).toBe(await line.textContent());
    expect(await line.evaluate((e) => e === document.activeElement && e.matches(':focus-visible'))).toBe(true);

    // Redo pressed: the focus stays on it while the photo is out (it fell to the dialog), and Keep is
    // two Shift+Tab away once the new result is in.
    let again = () => {};
    gemini.script({ until: new Promise<void>((r) => (again = r)) });
    const redo = d.getByRole('button', { name: 'Redo coffee.png' });
    const caption = d.getByRole('figure', { name: 'coffee.png result' }).locator('figcaption');
    await redo.click();
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toBe('coffee.png · running now');
    expect((await focused()).label).toBe('Redo coffee.png');
    expect(await redo.getAttribute('aria-disabled')).toBe('true');
    again();
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toBe('coffee.png · ready to review');
    expect((await focused()).label).toBe('Redo coffee.png');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).label).toBe('Keep coffee.png');
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toBe('coffee.png · kept');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
