/**
 * Photoshop gestures a retoucher uses without thinking, which did nothing and said nothing (found by
 * hand): Shift+Backspace / Shift+F5 (Edit › Fill…) fill the mask as Generate does. Real keys and
 * mouse; the offline engine (the default model). Read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 60_000);
afterAll(() => app?.close());

const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);
const infos = async (page: Page): Promise<string[]> =>
  (await summary(page)).toasts.filter((t: { tone: string }) => t.tone === 'info').map((t: { message: string }) => t.message);

describe('Shift+Backspace and Shift+F5 (Photoshop’s Edit › Fill…)', () => {
  it('with no mask say to paint one; in the prompt box Shift+Backspace deletes a letter; with a mask each fills it as Generate', async () => {
    const page = app.page;
    await page.keyboard.press('Shift+Backspace');
    await expect.poll(() => infos(page)).toContain('Paint a mask first');
    expect(await staged(page)).toBe(0);

    // Typing: the key is the prompt box's.
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially('ab');
    await page.keyboard.press('Shift+Backspace');
    expect(await prompt.inputValue()).toBe('a');
    await leaveField(page);

    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 150],
      [300, 150],
    ]);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Shift+Backspace');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
    await waitIdle(page);
    // Nothing else happened: no history step, the mask is still there (Backspace alone says how to fill it).
    expect((await summary(page)).historyLabels.length).toBe(steps);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);

    await page.keyboard.press('Shift+F5');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
    await waitIdle(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
