/**
 * "Change text to …" picked from the Prompt preset list (by mouse, or Enter on the keys' preview)
 * puts the caret on the preset's blank, "…" selected: the text typed next replaces it. The mouse's
 * pick gave the keys back to the editor, so "Parking" typed after it switched tools (I: colour
 * range, G: Photoshop's gradient message) while Generate said "Type the text you want in place of
 * “…” in the prompt" (found by hand on sign-sports-centre.jpg). Real mouse and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithSignMarquee } from '../support/launch-photo';
import { summary } from '../support/page-helpers';
import { chooseOption } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithSignMarquee();
}, 120_000);
afterAll(() => app?.close());

const promptBox = () => app.page.getByRole('textbox', { name: 'Prompt', exact: true });
const presets = () => app.page.getByRole('combobox', { name: 'Prompt preset' });
const tool = () => app.page.evaluate(() => (window as any).__maskworkTest.summary().tool as string);

describe('a preset with a blank', () => {
  it('picked with the mouse, the next keys type the text in place of “…”', async () => {
    const page = app.page;
    expect(await tool()).toBe('rect');
    await chooseOption(page, presets(), 'change-text');
    await page.keyboard.type('Parking');
    await expect.poll(() => promptBox().inputValue()).toMatch(/^Change the text to "Parking", keeping/);
    expect(await tool()).toBe('rect'); // the letters were not tool keys
    const generate = page.getByRole('region', { name: 'Generate' });
    expect(await generate.getByRole('note').allTextContents()).not.toContain('Type the text you want in place of “…” in the prompt');
    expect((await summary(page)).toasts).toEqual([]);
  });

  it('taken with Enter from the keys’ preview, the same', async () => {
    const page = app.page;
    await promptBox().click();
    await page.keyboard.press('Tab'); // to the Prompt preset list
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Prompt preset');
    await page.keyboard.press('Home'); // No preset
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => presets().inputValue()).toBe('change-text');
    await page.keyboard.type('EXIT');
    await expect.poll(() => promptBox().inputValue()).toMatch(/^Change the text to "EXIT", keeping/);
    expect(app.errors).toEqual([]);
  });
});
