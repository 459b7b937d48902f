/**
 * A preset with a blank taken with Enter, then typed at once on a busy renderer: the caret must be in
 * the prompt box before the next key. It was placed by a timer, and CI (preset-blank-typing.e2e) typed
 * "EXIT" before it ran: the letters switched tools and the "…" stayed. Here every zero-delay timer of
 * the page is held back 400 ms (a loaded machine), so the keys always come first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithSignMarquee } from '../support/launch-photo';

let app: AppHarness;
beforeAll(async () => {
  app = await launchWithSignMarquee();
}, 120_000);
afterAll(() => app?.close());

describe('a preset with a blank, on a busy machine', () => {
  it('taken with Enter and typed at once, the letters replace “…”', async () => {
    const page = app.page;
    const promptBox = () => page.getByRole('textbox', { name: 'Prompt', exact: true });
    const presets = () => page.getByRole('combobox', { name: 'Prompt preset' });
    await page.evaluate(() => {
      const later = window.setTimeout.bind(window);
      (window as unknown as { setTimeout: typeof setTimeout }).setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
        later(fn, ms ? ms : 400, ...rest)) as typeof setTimeout;
    });
    await promptBox().click();
    await page.keyboard.press('Tab'); // to the Prompt preset list
    await page.keyboard.press('Home'); // No preset
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type('EXIT');
    await expect.poll(() => presets().inputValue()).toBe('change-text');
    await expect.poll(() => promptBox().inputValue()).toMatch(/^Change the text to "EXIT", keeping/);
    expect(app.errors).toEqual([]);
  });
});
