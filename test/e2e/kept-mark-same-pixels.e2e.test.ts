/**
 * Two candidates with the very same pixels (the offline engine, the same seed twice) share one patch:
 * after one was kept as a layer both read "Kept" (the strip knew a kept candidate by its patch). The
 * mark is the kept candidate's only; the other's Keep as layer adds no twin layer and says why. Real
 * mouse and keys.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(() => app?.close());

type Page = AppHarness['page'];
const strip = (page: Page) => page.getByTestId('staging-strip');
const kept = (page: Page) =>
  strip(page)
    .getByTestId('candidate')
    .evaluateAll((els) => els.map((e) => !!e.querySelector('.kept')));
const staged = (page: Page): Promise<{ items: Array<{ key: string; assetId: string }>; selected: number }> =>
  page.evaluate(() => (window as any).__maskworkTest.staging());

describe('the Kept mark with two candidates of the same pixels', () => {
  it('marks only the candidate kept; the other’s Keep as layer adds nothing and says it is the same pixels', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 160],
      [380, 180],
    ]);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'local');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    await retype(page.getByRole('spinbutton', { name: 'Seed' }), '4242');
    const generate = page.getByRole('button', { name: 'Generate', exact: true });
    for (const n of [1, 2]) {
      await generate.click();
      await page.waitForFunction(
        (want) => (window as any).__maskworkTest.staging().items.length === want && (window as any).__maskworkTest.job() === null,
        n,
        { timeout: 60_000 },
      );
    }
    const { items, selected } = await staged(page);
    expect(items[0].assetId).toBe(items[1].assetId); // the same seed: the same pixels, one patch
    expect(items[0].key).not.toBe(items[1].key);
    expect(await kept(page)).toEqual([false, false]);
    const keepAsLayer = strip(page).getByRole('button', { name: 'Keep as layer', exact: true });
    await keepAsLayer.click();
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    await waitIdle(page);
    const want = [false, false];
    want[selected] = true;
    expect(await kept(page)).toEqual(want);
    expect(await keepAsLayer.isDisabled()).toBe(true);
    // The other candidate: not kept, so Keep as layer is on; it adds no twin layer and says why.
    await page.keyboard.press(selected === 1 ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(async () => (await staged(page)).selected).toBe(1 - selected);
    await expect.poll(() => keepAsLayer.isEnabled()).toBe(true);
    await keepAsLayer.click();
    await expect
      .poll(async () => JSON.stringify((await summary(page)).toasts))
      .toContain('Already kept: another candidate with the very same pixels is the layer');
    expect((await summary(page)).layers).toBe(1);
    expect(await kept(page)).toEqual(want);
    // Ctrl+Z takes the Keep back: neither is marked.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).layers).toBe(0);
    expect(await kept(page)).toEqual([false, false]);
    expect(app.errors).toEqual([]);
  });
});
