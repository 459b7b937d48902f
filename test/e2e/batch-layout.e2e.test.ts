/**
 * The Batch dialog at 1280×800 (a laptop window), with real mouse and keys:
 * - a long caption ("<long camera name>.jpg · cancelled after its request was sent (may be charged by Google, ≈
 *   $0.067)") wraps inside its card (it ran on in one line into the next card) and all of it is read;
 * - the export Format list and "Export kept (N)…" do not overlap;
 * - after Start batch the focused Cancel batch shows a focus ring (the focus was moved there by code
 *   after a mouse click, so Chromium drew none and nothing on screen said where the keys would go).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';
import { chooseOption } from '../support/user-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
const LONG = 'rocket_launchpad_20261205_DSC04417_final_retouch';
let gemini: GeminiServer;

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: { GEMINI_API_KEY: 'AIza-e2e-batch-layout-0001', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(() => closeBatchApp(app, gemini));

type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Where the text of `el` is drawn (its lines' union), not only its box: text can run out of a box. */
const textBox = (el: Locator) =>
  el.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
/** What draws a focus ring on the focused element (a read-only probe). */
const ringOf = (el: Locator) =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
  });

describe('Batch dialog at 1280×800', () => {
  it('Cancel batch shows its focus ring; a long caption stays in its card; Format and Export kept do not overlap', async () => {
    const page = app.page;
    const folder = await photosFolder(app, ['coffee.png', 'smarties.png']);
    // A camera-style name with no place to break, second in the list: its request goes out, then is cancelled.
    await copyFile(join(PHOTOS, 'rocket.jpg'), join(folder, `${LONG}.jpg`));
    await copyFile(join(PHOTOS, 'rocket.mask-blob.png'), join(folder, `${LONG}.mask-blob.png`));
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    await d.waitFor();
    // Generate is on Offline fill: the batch's model is picked here, as a person does.
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').nth(2).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 }).toBe('3 images · ≈ $0.201');

    // The first photo is answered; the second's request goes out and waits for the test (then cancelled).
    let release = () => {};
    gemini.script({}, { until: new Promise<void>((r) => (release = r)) });
    const unfocused = await ringOf(d.getByRole('button', { name: 'Add folder…' }));
    await d.getByRole('button', { name: 'Start batch' }).click();
    const cancel = d.getByRole('button', { name: 'Cancel batch' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 30_000 }).toBe('Cancel batch');
    // The ring Chromium draws for keyboard focus (:focus-visible), not the unfocused button's look.
    expect(await cancel.evaluate((e) => e.matches(':focus-visible'))).toBe(true);
    const ring = await ringOf(cancel);
    expect(ring).not.toEqual(unfocused);
    expect(ring.outline.startsWith('none') && ring.shadow === 'none').toBe(false);

    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('Running 2 of 3 (1 done)');
    // The second photo's request is out (the server has it), so its cancel is a charged one.
    await expect.poll(() => gemini.requests.length, { timeout: 30_000 }).toBe(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Cancelled: 1 of 3 done, 2 cancelled');
    release();

    const long = `${LONG}.jpg · cancelled after its request was sent (may be charged by Google, ≈ $0.067)`;
    const card = d.getByRole('figure', { name: `${LONG}.jpg result` });
    const caption = card.locator('figcaption');
    await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toBe(long);
    const cardBox = (await card.boundingBox())!;
    expect(inside((await caption.boundingBox())!, cardBox)).toBe(true);
    expect(inside(await textBox(caption), cardBox)).toBe(true);
    // Nothing of it is drawn over the next card either.
    const next = (await d.getByRole('figure', { name: /^smarties\.png/ }).boundingBox())!;
    expect(overlap(await textBox(caption), next)).toBe(false);
    // All of it is there to read (wrapped, not cut): nothing scrolls out of sight inside the caption.
    expect(await caption.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

    const format = d.getByRole('combobox', { name: 'Batch export format' });
    const exportKept = d.getByRole('button', { name: /^Export kept \(\d+\)…$/ });
    await exportKept.scrollIntoViewIfNeeded();
    const [f, x] = [(await format.boundingBox())!, (await exportKept.boundingBox())!];
    expect(overlap(f, x)).toBe(false);
    // The "Format" word belongs to its list: it does not run under the button either.
    expect(overlap((await format.locator('xpath=..').boundingBox())!, x)).toBe(false);
    expect(app.errors).toEqual([]);
  }, 180_000);
});
