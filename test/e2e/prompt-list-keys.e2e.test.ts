/**
 * The prompt's Prompt preset list worked with the keys (renderer/ui/usePromptPick.ts): a prompt
 * typed, Tab to the list and ↓ previews a preset without touching the prompt box, Esc drops the
 * preview (the typed prompt is still there), Enter takes the preset. Ctrl+Z on the list gives back
 * the typed prompt and leaves the document alone (it undid the mask stroke; ↓ replaced the prompt).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
  await app.page.keyboard.press('b');
  await dragPath(app.page, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => app?.close());

const promptBox = () => app.page.getByRole('textbox', { name: 'Prompt', exact: true });
const presets = () => app.page.getByRole('combobox', { name: 'Prompt preset' });
const preview = () => app.page.getByRole('status', { name: 'Prompt preview' });
const focusedLabel = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('prompt preset list with the keys', () => {
  it('↓ previews, Esc keeps the typed prompt, Enter takes the preset, Ctrl+Z gives the prompt back and not the stroke', async () => {
    const page = app.page;
    const strokes = (await summary(page)).historyLabels;
    const maskPixels = () => page.evaluate(() => (window as any).__maskworkTest.maskPixels() as number);
    const painted = await maskPixels();
    expect(painted).toBeGreaterThan(0);
    await promptBox().click();
    await promptBox().pressSequentially('a red mug');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Prompt preset');

    await page.keyboard.press('ArrowDown');
    expect(await promptBox().inputValue()).toBe('a red mug');
    await expect.poll(() => preview().textContent()).toContain('Remove object: “Remove the object');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => preview().textContent()).toContain('Change text to …');
    expect(await promptBox().inputValue()).toBe('a red mug');
    expect(await presets().inputValue()).toBe('change-text');

    await page.keyboard.press('Escape');
    await expect.poll(() => preview().count()).toBe(0);
    expect(await presets().inputValue()).toBe('');
    expect(await promptBox().inputValue()).toBe('a red mug');
    expect(await focusedLabel()).toBe('Prompt preset');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => promptBox().inputValue())
      .toBe('Remove the object and continue the background naturally, same light and texture');
    expect(await presets().inputValue()).toBe('remove-object');
    await expect.poll(() => preview().count()).toBe(0);

    // Ctrl+Z on the list: the prompt typed before the pick, the stroke kept.
    await page.keyboard.press('Control+z');
    await expect.poll(() => promptBox().inputValue()).toBe('a red mug');
    expect(await presets().inputValue()).toBe('');
    expect((await summary(page)).historyLabels).toEqual(strokes);
    expect(await maskPixels()).toBe(painted);
    // Again: nothing more to undo there, and still not the document's.
    await page.keyboard.press('Control+z');
    expect((await summary(page)).historyLabels).toEqual(strokes);
    expect(await promptBox().inputValue()).toBe('a red mug');
    // Redo puts the pick back.
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => promptBox().inputValue())
      .toBe('Remove the object and continue the background naturally, same light and texture');
    expect((await summary(page)).canRedo).toBe(0);
  });

  it('leaving the list drops the preview: the typed prompt and the chosen preset stay', async () => {
    const page = app.page;
    await promptBox().click();
    await promptBox().press('Control+a');
    await promptBox().pressSequentially('blue sky');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Prompt preset');
    await page.keyboard.press('End');
    await expect.poll(() => preview().textContent()).toContain('Draft');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => preview().count()).toBe(0);
    expect(await promptBox().inputValue()).toBe('blue sky');
    expect(await presets().inputValue()).toBe('remove-object');
  });
});
