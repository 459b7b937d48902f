/**
 * The Layers list keeps three whole rows in sight and never cuts a row: at 1280×720 with three layers
 * only the Mask row and one layer showed (the rest and the original in a box about 50 px tall), and
 * with a layer's mask targeted the selected row showed half its height, its name cut. At 1500×950 all
 * rows show. Real keys and mouse (Ctrl+J on the original's row, a click on a layer's mask button); the
 * boxes are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg', { width: 1280, height: 720 });
  const page = app.page;
  await page.getByRole('button', { name: 'Select original colorful-cups.jpg' }).click();
  for (let n = 1; n <= 3; n++) {
    await page.keyboard.press('Control+j');
    await page.waitForFunction((k) => (window as any).__maskworkTest.summary().layers === k, n, { timeout: 30_000 });
    await waitIdle(page);
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const list = (page: Page) => page.getByRole('region', { name: 'Layers' }).locator('ul.layers');
const rows = (page: Page) => list(page).locator(':scope > li');

/** Rows wholly inside the list's box, and whether any row is taller than the list. */
async function inView(page: Page) {
  const l = (await list(page).boundingBox())!;
  let whole = 0;
  let tallest = 0;
  for (const r of await rows(page).all()) {
    const b = (await r.boundingBox())!;
    tallest = Math.max(tallest, b.height);
    if (b.y >= l.y - 0.5 && b.y + b.height <= l.y + l.height + 0.5) whole++;
  }
  return { whole, listHeight: l.height, tallest };
}
async function wholeInList(page: Page, row: Locator) {
  const l = (await list(page).boundingBox())!;
  const b = (await row.boundingBox())!;
  return b.y >= l.y - 0.5 && b.y + b.height <= l.y + l.height + 0.5;
}

describe('the Layers list on a small window', () => {
  it('at 1280×720 with three layers: three whole rows at least, the selected one among them', async () => {
    const page = app.page;
    expect(await rows(page).count()).toBe(5); // the mask, three layers, the original
    const v = await inView(page);
    expect(v.whole, JSON.stringify(v)).toBeGreaterThanOrEqual(3);
    expect(await wholeInList(page, rows(page).locator('xpath=self::*[contains(@class, "selected")]'))).toBe(true);
  });

  it('with a layer’s mask targeted (a taller row): that row is whole, never cut', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Paint the layer mask of colorful-cups.jpg copy 2' }).click();
    await waitIdle(page);
    const row = rows(page).filter({ has: page.getByRole('button', { name: 'Select layer colorful-cups.jpg copy 2' }) });
    expect(await wholeInList(page, row)).toBe(true);
    const v = await inView(page);
    expect(v.whole, JSON.stringify(v)).toBeGreaterThanOrEqual(3);
    expect(v.tallest).toBeLessThanOrEqual(v.listHeight);
  });

  it('at 1500×950: every row in sight', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1500, height: 950 });
    await expect.poll(async () => (await inView(page)).whole).toBe(5);
  });
});
