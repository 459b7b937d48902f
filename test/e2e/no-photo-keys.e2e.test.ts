/**
 * With no photo open (a fresh app), real keys and mouse:
 * - Ctrl+S, Ctrl+Shift+S, Ctrl+Shift+Alt+S, Ctrl+J, Ctrl+E and C say "Open a photo first", as
 *   Ctrl+Enter does (they did nothing and said nothing; C chose the extend tool and showed its Apply).
 * - The ▾ project menu closes with Esc, the focus back on ▾ (with nothing in it to focus, the focus
 *   stayed on ▾ and Esc, read only inside the menu, did nothing), and opening a photo closes it (it
 *   stayed open over the photo, "Recent photos: None yet").
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary } from '../support/page-helpers';
import { NO_PHOTO } from '../../renderer/ui/keyboard/shortcut-hints';

let app: AppHarness;
beforeEach(async () => {
  app = await launchApp();
}, 60_000);
afterEach(() => app?.close());

type Toast = { message: string; tone: string };
const infos = async (): Promise<string[]> =>
  (await summary(app.page)).toasts.filter((t: Toast) => t.tone === 'info').map((t: Toast) => t.message);

describe('keys that need a photo, with none open', () => {
  it('each says "Open a photo first" (the words Ctrl+Enter says) and changes nothing', async () => {
    const page = app.page;
    expect((await summary(page)).hasDoc).toBe(false);
    await page.locator('main.canvas-area').click({ position: { x: 200, y: 200 } });
    // The words are Generate's own, so one message stands for all of them.
    await page.keyboard.press('Control+Enter');
    expect(await infos()).toEqual([NO_PHOTO]);
    const toolBefore = (await summary(page)).tool;
    for (const key of ['Control+s', 'Control+Shift+s', 'Control+Shift+Alt+s', 'Control+j', 'Control+e', 'c']) {
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(infos).toEqual([]);
      await page.keyboard.press(key);
      await expect.poll(infos, { message: key }).toEqual([NO_PHOTO]);
    }
    const after = await summary(page);
    expect(after.tool).toBe(toolBefore);
    expect(after.tool).not.toBe('extend');
    expect(after.hasDoc).toBe(false);
    expect(await page.getByTestId('extend-apply').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('the ▾ project menu with no photo open', () => {
  it('Esc closes it and leaves the focus on ▾', async () => {
    const page = app.page;
    const opener = page.getByRole('button', { name: 'Project menu' });
    const menu = page.getByRole('menu', { name: 'Project menu' });
    await opener.click();
    await menu.getByText('Recent photos').waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', timeout: 2000 });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
  });

  it('opening a photo with Ctrl+O closes it', async () => {
    const page = app.page;
    const menu = page.getByRole('menu', { name: 'Project menu' });
    await page.getByRole('button', { name: 'Project menu' }).click();
    await menu.getByText('Recent photos').waitFor();
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await menu.waitFor({ state: 'detached', timeout: 2000 });
    expect(app.errors).toEqual([]);
  });
});
