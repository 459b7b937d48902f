/**
 * Painting on while a job runs, as a retoucher does while the model works: the stroke is a new step,
 * so the result (made for the step before it) waits there, and the message says how far back it is —
 * both steps are "Brush stroke", and "waiting on the step “Brush stroke”" read like the step on
 * screen. Ctrl+Z once stages it. Real keys and mouse.
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
  it('the result waits one step back and the message says so; Ctrl+Z once shows it', async () => {
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
    await page
      .locator('[data-testid="toast"]', {
        hasText: 'A candidate is waiting on the step “Brush stroke”, one step back: undo (Ctrl/⌘ Z) once to see it.',
      })
      .waitFor({ state: 'visible' });
    expect(await staged(page)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => staged(page)).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
