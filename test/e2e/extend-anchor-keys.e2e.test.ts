/**
 * The extend tool's anchor is one control, as Photoshop's Canvas Size anchor grid: one Tab stop (the
 * chosen anchor), the arrow keys move the choice (and the proposal with it), Home/End jump to the
 * ends, Enter applies the extension. Driven by real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
});

/** The focused element's role and accessible name (read-only). */
const focused = () =>
  app.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { role: el?.getAttribute('role') ?? null, name: el?.getAttribute('aria-label') ?? null };
  });

describe('extend anchor radio group', () => {
  it('is one Tab stop; arrows, Home and End move the choice; Enter applies', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    const group = page.getByRole('radiogroup', { name: 'Anchor' });
    const radio = (id: string) => group.getByRole('radio', { name: `Anchor ${id}` });
    await radio('centre').click();
    await page.getByRole('button', { name: 'Aspect 1:1' }).click();
    expect(await radio('centre').getAttribute('aria-checked')).toBe('true');

    // Tab on from the aspect presets: the group is entered at its chosen anchor, and the next Tab leaves it.
    for (let i = 0; i < 80 && (await focused()).role !== 'radio'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor centre' });
    await page.keyboard.press('Tab');
    expect((await focused()).role).not.toBe('radio');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor centre' });

    // → chooses the next anchor and moves the focus to it; the proposal follows.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor left' });
    expect(await radio('left').getAttribute('aria-checked')).toBe('true');
    expect(await radio('centre').getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor right' });
    await page.keyboard.press('End');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor bottom' });
    // ← from the first wraps to the last, → from the last to the first.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor centre' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toEqual({ role: 'radio', name: 'Anchor bottom' });
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await radio('left').getAttribute('aria-checked')).toBe('true');
    // Only the chosen anchor is a Tab stop.
    const stops = await group.evaluate((el) => Array.from(el.querySelectorAll('[role="radio"]')).map((r) => (r as HTMLElement).tabIndex));
    expect(stops).toEqual([-1, 0, -1, -1, -1]);
    // The canvas did not move: the arrows were the group's, not the view's or the tool's.
    expect((await summary(page)).canvas).toEqual({ width: 600, height: 400 });

    // Enter applies the 1:1 proposal, anchored left: the photo stays left, the canvas grows to 600×600.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 600, height: 600 });
    expect(app.errors).toEqual([]);
  });
});
