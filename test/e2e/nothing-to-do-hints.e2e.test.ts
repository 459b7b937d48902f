/**
 * Shortcuts with nothing to act on say so, in the status toasts, as Delete with a mask does (they did
 * nothing and said nothing): Ctrl+Shift+D with no mask to bring back, Ctrl+J and Ctrl+E with no
 * layer, Ctrl+A with no photo open. Real keys; the toasts are read through the test probe. Offline engine.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { NOTHING_TO_RESELECT, NOTHING_TO_SELECT_ALL } from '../../renderer/ui/keyboard/shortcut-hints';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await leaveField(app.page);
}, 60_000);
afterAll(() => app?.close());

const said = async (text: string): Promise<number> =>
  (await summary(app.page)).toasts.filter((t: { message: string; tone: string }) => t.message === text && t.tone === 'info').length;

describe('nothing to do: a hint, not silence', () => {
  it('Ctrl+Shift+D with nothing to reselect says what it brings back, once for repeated presses', async () => {
    const page = app.page;
    const before = (await summary(page)).historyLabels;
    await page.keyboard.press('Control+Shift+d');
    await page.keyboard.press('Control+Shift+d');
    expect(await said(NOTHING_TO_RESELECT)).toBe(1);
    expect((await summary(page)).historyLabels).toEqual(before);
  });

  it('Ctrl+J and Ctrl+E with no layers say there is nothing to duplicate or merge, and change nothing', async () => {
    const page = app.page;
    const before = (await summary(page)).historyLabels;
    await page.keyboard.press('Control+j');
    await page.keyboard.press('Control+e');
    expect(await said('There are no layers: nothing to duplicate. Keep a candidate as a layer first.')).toBe(1);
    expect(await said('There are no layers: nothing to merge down. Keep a candidate as a layer first.')).toBe(1);
    expect((await summary(page)).historyLabels).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});

describe('nothing to do with no photo open', () => {
  it('Ctrl+A says there is no photo to mask (it did nothing and said nothing), once for repeated presses', async () => {
    const empty = await launchApp();
    try {
      const page = empty.page;
      expect((await summary(page)).hasDoc).toBe(false);
      await page.locator('main.canvas-area').click({ position: { x: 200, y: 200 } });
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+a');
      const toasts = (await summary(page)).toasts.filter((t: { message: string; tone: string }) => t.tone === 'info');
      expect(toasts.map((t: { message: string }) => t.message)).toEqual([NOTHING_TO_SELECT_ALL]);
      expect((await summary(page)).hasDoc).toBe(false);
      expect(empty.errors).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
