/**
 * A batch result looked at closely, with real mouse and keys: a click on a result's thumbnails opens
 * it before and after, large (the grid's 75-px thumbnails were the only view — found by hand); → and ←
 * step through the batch's results, Keep there keeps that one and moves on to the next, and Esc returns to the grid with the
 * focus on the card looked at last, the dialog still open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let folder: string;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  folder = await photosFolder(app, ['coffee.png', 'rocket.jpg']);
});
afterAll(() => closeBatchApp(app));

const focusedLabel = () =>
  app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('Batch results, looked at closely', () => {
  it('a click on the thumbnails opens the result large; → / ← step, Keep keeps, Esc goes back to the grid', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').nth(1).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'local');
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 120_000 }).toBe('2 of 2 done');

    const grid = d.getByLabel('Batch results');
    const smallWidth = await grid.getByRole('img', { name: 'coffee.png after' }).evaluate((el) => el.getBoundingClientRect().width);
    await grid.getByRole('button', { name: 'Look at coffee.png' }).click();
    const view = d.getByRole('region', { name: 'Result 1 of 2: coffee.png' });
    await view.waitFor();
    expect(await grid.isVisible()).toBe(false);
    const after = view.getByRole('img', { name: 'coffee.png after' });
    await expect
      .poll(() => after.evaluate((el) => (el as HTMLImageElement).complete && el.getBoundingClientRect().width))
      .toBeGreaterThan(3 * smallWidth);
    // The dialog widens to the window while a result is looked at (each side was ~360 px at 760 px).
    expect((await d.boundingBox())!.width).toBeGreaterThan(1000);
    expect(await view.getByRole('img', { name: 'coffee.png before' }).isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight');
    const next = d.getByRole('region', { name: 'Result 2 of 2: rocket.jpg' });
    await next.waitFor();
    await next.getByRole('button', { name: 'Keep rocket.jpg' }).click();
    await expect.poll(() => next.getByRole('button', { name: 'Keep rocket.jpg' }).getAttribute('aria-pressed')).toBe('true');
    // Said there in words too (only the grid's card showed it).
    await expect.poll(() => next.getByTestId('batch-inspect-state').textContent()).toBe('rocket.jpg · 2 of 2 · kept');
    await page.keyboard.press('ArrowLeft');
    const first = d.getByRole('region', { name: 'Result 1 of 2: coffee.png' });
    await first.waitFor();
    // Keep moves on to the next result, the focus on its Keep (Enter, Enter, … goes through a batch).
    await first.getByRole('button', { name: 'Keep coffee.png' }).click();
    await next.waitFor();
    await expect.poll(focusedLabel).toBe('Keep rocket.jpg');
    await page.keyboard.press('ArrowLeft');
    await first.waitFor();
    await page.keyboard.press('ArrowLeft'); // round to the last
    await d.getByRole('region', { name: 'Result 2 of 2: rocket.jpg' }).waitFor();

    await page.keyboard.press('Escape');
    await expect.poll(() => grid.isVisible()).toBe(true);
    expect(await d.isVisible()).toBe(true); // Esc left the closer look, not the dialog
    await expect.poll(focusedLabel).toBe('Look at rocket.jpg');
    expect(await grid.getByRole('button', { name: 'Keep rocket.jpg' }).getAttribute('aria-pressed')).toBe('true');
    expect(await grid.getByRole('button', { name: 'Keep coffee.png' }).getAttribute('aria-pressed')).toBe('true');
    expect(app.errors).toEqual([]);
  }, 240_000);
});
