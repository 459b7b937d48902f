/**
 * Enter and Space on a staging button reached with Tab press that button, as anywhere else; after a
 * click with the mouse, Enter stays the editor's Keep. Tab to Discard and Enter used to keep the
 * candidate and close staging. Offline engine, keys and mouse.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, waitIdle } from '../support/page-helpers';
import { retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png'); // 600×400, at 1280×800
}, 120_000);
afterAll(() => app?.close());

const staged = () => app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);
const layers = () => app.page.evaluate(() => (window as any).__maskworkTest.summary().layers as number);
const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has the focus (at most 80 times). */
async function tabTo(target: Locator): Promise<void> {
  for (let i = 0; i < 80 && !(await focused(target)); i++) await app.page.keyboard.press('Tab');
  expect(await focused(target)).toBe(true);
}

describe('staging buttons and the keyboard', () => {
  it('Tab to Discard, Enter: that candidate goes, staging stays open; Tab to Before, Space: before is shown', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 200],
      [320, 210],
    ]);
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 120_000 });
    await waitIdle(page);
    const strip = page.getByRole('region', { name: 'Candidates' });
    await tabTo(strip.getByRole('button', { name: 'Discard', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(staged).toBe(2);
    expect(await layers()).toBe(0); // nothing was kept
    await page.keyboard.press('Space');
    await expect.poll(staged).toBe(1);

    const before = strip.getByRole('button', { name: 'Before', exact: true });
    await tabTo(before);
    await page.keyboard.press('Space');
    await expect.poll(() => before.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => before.getAttribute('aria-pressed')).toBe('false');
    expect(await staged()).toBe(1);
  });

  it('after a click with the mouse, Enter is the editor’s Keep again', async () => {
    const page = app.page;
    const strip = page.getByRole('region', { name: 'Candidates' });
    const before = strip.getByRole('button', { name: 'Before', exact: true });
    await before.click(); // shows the photo before; the focus stays on the button
    await before.click(); // and the candidate again
    expect(await focused(before)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(layers).toBe(1);
    expect(await staged()).toBe(0);
  });
});
