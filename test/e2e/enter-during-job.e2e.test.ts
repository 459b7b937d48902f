/**
 * Enter while a new Generate runs over a strip left open: it kept the earlier candidate at once (the
 * reflex "keep what comes" after Ctrl+Enter), and the new result then arrived on top of the kept layer
 * with "made before your latest changes". Enter and Shift+Enter now keep nothing until the job's
 * candidates are in the strip, and say so; then Enter keeps the new one, shown. Real keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toastTexts } from '../support/page-helpers';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
const t = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.summary() as { layers: number; historyLabels: string[] });
const staged = (page: Page) =>
  page.evaluate(() => (window as any).__maskworkTest.staging() as { items: { key: string; jobId: string }[]; selected: number });
const toasts = toastTexts;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('Enter while a job runs over earlier candidates', () => {
  it('keeps nothing until the new candidates arrive, says why, then keeps the new one', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
    const first = (await staged(page)).items[0];
    const layers = (await t(page)).layers;
    // The candidate stays staged; Generate again with the mask still there. The answer is held.
    let release!: () => void;
    openai.script({ until: new Promise<void>((r) => (release = r)) });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    await page.getByTestId('job-progress').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    const said =
      'GPT Image 2 is still working: Enter keeps nothing until its candidates arrive (Esc twice cancels it). To keep the earlier candidate shown now, click Keep.';
    await expect.poll(() => toasts(page)).toContain(said);
    expect((await t(page)).layers).toBe(layers);
    expect((await staged(page)).items.map((c) => c.key)).toEqual([first.key]);
    // The new candidate arrives beside the earlier one, selected; Enter keeps it.
    release();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 30_000 });
    const now = await staged(page);
    expect(now.items[now.selected].jobId).not.toBe(first.jobId);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await t(page)).layers).toBe(layers + 1);
    expect((await staged(page)).items).toEqual([]);
    // Nothing said the result was made before the latest changes: it was made for this document.
    expect((await toasts(page)).filter((m) => m.includes('before your latest changes'))).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
