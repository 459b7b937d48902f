/**
 * The extend tool's hint while candidates are staged ("Keep or discard the staged candidates before
 * extending the canvas") gives way in the options bar: it ends in an ellipsis, its full text in its
 * title, and never pushes ↶, ↷ or ⚙ Settings out of the window (at 1500 px it ran over ↶/↷ and ⚙ was
 * gone). Offline engine; keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1500, height: 900 });
  const page = app.page;
  await page.keyboard.press('b');
  await dragPath(page, [
    [300, 300],
    [500, 300],
  ]);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
  await waitIdle(page);
}, 120_000);
afterAll(() => app?.close());

describe('the extend hint with candidates staged', () => {
  it('shrinks to an ellipsis (full text in its title) and leaves ↶, ↷ and ⚙ on screen', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    const hint = page.getByTestId('extend-blocker');
    await hint.waitFor();
    const box = async (name: string) => (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    // At 1500 px (where ⚙ was pushed out) and at 1280 px, the narrowest width the bar is one row at.
    for (const width of [1280, 1500]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(async () => (await box('Settings')).x + (await box('Settings')).width).toBeLessThanOrEqual(width);
      const undo = await box('Undo');
      const redo = await box('Redo');
      const settings = await box('Settings');
      const h = (await hint.boundingBox())!;
      expect(settings.x, `${width}`).toBeGreaterThanOrEqual(redo.x + redo.width);
      expect(redo.x, `${width}`).toBeGreaterThanOrEqual(undo.x + undo.width);
      expect(h.x + h.width, `${width}`).toBeLessThanOrEqual(undo.x);
      const bar = await page.locator('header.options-bar').evaluate((b) => b.scrollWidth - b.clientWidth);
      expect(bar, `${width}`).toBe(0);
      if (width === 1500) expect(h.width).toBeGreaterThan(40); // still there to read, cut short
    }
    // Cut short, it is read whole in its title.
    expect(await hint.getAttribute('title')).toBe('Keep or discard the staged candidates before extending the canvas');
    // The Settings button is still reached with the mouse.
    const settings = await box('Settings');
    await page.mouse.click(settings.x + settings.width / 2, settings.y + settings.height / 2);
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
  });
});
