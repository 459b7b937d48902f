/**
 * Painting on while a job runs, as a retoucher does while the model works: the stroke is a new step,
 * but only the mask changed, so the result (made for the step before it) is staged at once over the
 * photo as it is now — it used to wait one step back, hidden behind the retoucher's own stroke, and
 * Keep after undoing to it met the redo guard. Enter keeps it, dropping no step. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import { startOpenAIServer } from '../servers';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await chooseWithKeys(app.page, app.page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
  await typeInto(app.page, app.page.getByRole('textbox', { name: 'Prompt' }), 'vase');
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('painting while a job runs', () => {
  it('the result is staged over the photo as it is now, and Enter keeps it on top of the stroke', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [320, 210],
    ]);
    const made = await summary(page);
    expect(made.label).toBe('Brush stroke');
    openai.script({ delayMs: 3000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    // The next area of the mask, painted while the model works: another "Brush stroke" step.
    await dragPath(page, [
      [200, 300],
      [320, 310],
    ]);
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(made.historyLabels.length + 1);
    expect((await summary(page)).label).toBe('Brush stroke');
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => staged(page), { timeout: 15_000 }).toBe(1);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    const after = await summary(page);
    expect(after.historyLabels.length).toBe(steps + 1); // the stroke stays: no redo step dropped
    expect(after.historyLabels.at(-2)).toBe('Brush stroke');
    expect(app.errors).toEqual([]);
  });
});
