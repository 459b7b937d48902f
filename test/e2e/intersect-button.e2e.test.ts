/**
 * The options bar's Intersect, next to New / Add / Subtract (Photoshop's four): picked with the mouse,
 * a plain drag keeps only the overlap of the mask and the selection, as Shift+Alt does; Shift still
 * adds and Alt subtracts over it. It was only Shift+Alt (found by hand). Real keys and mouse on
 * coffee.png (600×400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, maskValue, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

describe('Intersect in the options bar', () => {
  it('a rectangle dragged with Intersect chosen keeps only the overlap; Shift still adds', async () => {
    const page = app.page;
    await page.keyboard.press('m');
    await dragPath(page, [
      [100, 100],
      [300, 300],
    ]);
    await expect.poll(() => maskValue(page, 150, 150)).toBe(255);
    const modes = page.getByRole('radiogroup', { name: 'Selection mode' });
    const intersect = modes.getByRole('radio', { name: 'Intersect', exact: true });
    await intersect.click();
    expect(await intersect.getAttribute('aria-checked')).toBe('true');
    expect(await modes.getByRole('radio', { name: 'Add', exact: true }).getAttribute('aria-checked')).toBe('false');
    await dragPath(page, [
      [200, 200],
      [400, 380],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Rectangle intersect');
    expect(await maskValue(page, 250, 250)).toBe(255); // in both
    expect(await maskValue(page, 150, 150)).toBe(0); // only in the mask
    expect(await maskValue(page, 350, 350)).toBe(0); // only in the rectangle
    // Shift held at the start adds, whatever the bar says.
    await page.keyboard.down('Shift');
    await dragPath(page, [
      [420, 40],
      [500, 120],
    ]);
    await page.keyboard.up('Shift');
    await expect.poll(() => maskValue(page, 460, 80)).toBe(255);
    expect(await maskValue(page, 250, 250)).toBe(255);
    await modes.getByRole('radio', { name: 'Add', exact: true }).click();
    expect(app.errors).toEqual([]);
  });

  it('New / Add / Subtract / Intersect are one radio group: one Tab stop, the arrows move the mode', async () => {
    const page = app.page;
    const modes = page.getByRole('radiogroup', { name: 'Selection mode' });
    const radios = modes.getByRole('radio');
    expect(await radios.count()).toBe(4);
    await modes.getByRole('radio', { name: 'New', exact: true }).click();
    const focused = () =>
      page.evaluate(() => ({
        role: document.activeElement?.getAttribute('role') ?? null,
        name: document.activeElement?.textContent ?? null,
        checked: document.activeElement?.getAttribute('aria-checked') ?? null,
      }));
    // The click left the focus on New: Tab leaves the group (it went on to Add, Subtract, Intersect).
    expect(await focused()).toEqual({ role: 'radio', name: 'New', checked: 'true' });
    await page.keyboard.press('Tab');
    expect((await focused()).role).not.toBe('radio');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ role: 'radio', name: 'New', checked: 'true' });
    // → chooses Subtract after Add, and a plain drag then subtracts.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ role: 'radio', name: 'Add', checked: 'true' });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toEqual({ role: 'radio', name: 'Subtract', checked: 'true' });
    expect(await radios.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).tabIndex))).toEqual([-1, -1, 0, -1]);
    await page.keyboard.press('End');
    expect(await focused()).toEqual({ role: 'radio', name: 'Intersect', checked: 'true' });
    await page.keyboard.press('ArrowDown'); // wraps
    expect(await focused()).toEqual({ role: 'radio', name: 'New', checked: 'true' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toEqual({ role: 'radio', name: 'Subtract', checked: 'true' });
    const before = await maskValue(page, 460, 80);
    expect(before).toBe(255);
    await dragPath(page, [
      [430, 50],
      [490, 110],
    ]);
    await expect.poll(() => maskValue(page, 460, 80)).toBe(0);
    await modes.getByRole('radio', { name: 'Add', exact: true }).click();
    expect(app.errors).toEqual([]);
  });
});
