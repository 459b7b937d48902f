/**
 * Shortcuts with nothing to act on say so, in the status toasts, as Delete with a mask does (they did
 * nothing and said nothing): Ctrl+Shift+D with no mask to bring back, Ctrl+J and Ctrl+E with no
 * layer. Real keys; the toasts are read through the test probe. Offline engine.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { NOTHING_TO_RESELECT } from '../../renderer/ui/keyboard/shortcut-hints';

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
