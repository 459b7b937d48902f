/**
 * The default split of the right-hand column leaves Generate its fields: at 1500×950 with nine History
 * steps and a cloud model chosen, History kept room for ten steps (from 950 px tall) and Candidates,
 * Edge feather and Grow were below Generate's fold (under its sticky Generate button) until the border
 * above Layers was dragged. Now History keeps about four steps in view there and scrolls within its
 * part, the current step in view; a split the user drags still gives it its steps back, and a
 * double-click brings the default back. Real mouse and keys; the boxes are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, openEdgeGroup } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 }, env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001' } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
  await page.keyboard.press('b');
  // Eight strokes: nine History steps with the open.
  for (let i = 0; i < 8; i++)
    await dragPath(page, [
      [100, 60 + i * 38],
      [300, 70 + i * 38],
    ]);
  // The steps before the current one (the summary's historyLabels) are eight.
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().historyLabels.length === 8);
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await page.getByRole('heading', { name: 'Mask', exact: true }).click(); // a neutral click: the keys are the editor's
  expect(await page.locator('[data-testid="history"] li').count()).toBe(9);
}, 120_000);
afterAll(() => app?.close());

/** How far `el`'s bottom is above the end of what Generate shows (its part's bottom, or the sticky footer's top). */
async function clearance(page: Page, el: Locator): Promise<number> {
  const box = (await el.boundingBox())!;
  const top = (await page.locator('.side-top').boundingBox())!;
  const foot = (await page.locator('.side-top .generate-foot').boundingBox())!;
  return Math.min(top.y + top.height, foot.y) - (box.y + box.height);
}
/** History's steps shown whole. */
const wholeSteps = (page: Page) =>
  page.locator('[data-testid="history"] li').evaluateAll((els) => {
    const list = els[0]?.parentElement?.getBoundingClientRect();
    return els.filter((el) => {
      const r = el.getBoundingClientRect();
      return list && r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5;
    }).length;
  });

describe('the default split', () => {
  it('shows Generate’s Candidates, Edge feather and Grow with nine History steps; History scrolls, four steps and the current one in view', async () => {
    const page = app.page;
    await openEdgeGroup(page);
    const fields = [
      page.getByRole('spinbutton', { name: 'Candidates' }),
      page.getByRole('spinbutton', { name: 'Edge feather (px)' }),
      page.getByRole('spinbutton', { name: 'Grow by (px)' }),
    ];
    for (const f of fields) expect(await clearance(page, f), (await f.getAttribute('aria-label')) ?? '').toBeGreaterThanOrEqual(0);
    expect(await wholeSteps(page)).toBeGreaterThanOrEqual(4);
    expect(await wholeSteps(page)).toBeLessThan(9);
    const current = (await page.locator('[data-testid="history"] li.current').boundingBox())!;
    const list = (await page.locator('[data-testid="history"]').boundingBox())!;
    expect(current.y + current.height).toBeLessThanOrEqual(list.y + list.height + 0.5);
    // Every Layers row is in view too.
    const layers = page.getByRole('region', { name: 'Layers' });
    const bottom = (await page.locator('.side-bottom').boundingBox())!;
    for (const row of await layers.locator('ul.layers > li').all()) {
      const r = (await row.boundingBox())!;
      expect(r.y >= bottom.y && r.y + r.height <= bottom.y + bottom.height + 0.5).toBe(true);
    }
  });

  it('a split dragged by the user holds (History shows nine steps again), and a double-click brings the default back', async () => {
    const page = app.page;
    const sep = page.getByRole('separator', { name: 'Resize Generate and Layers' });
    const b = (await sep.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y - 250, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => wholeSteps(page)).toBeGreaterThanOrEqual(9);
    expect(await page.evaluate(() => localStorage.getItem('maskwork.sideSplit'))).not.toBeNull();
    const moved = (await sep.boundingBox())!;
    await page.mouse.dblclick(moved.x + moved.width / 2, moved.y + moved.height / 2);
    await expect.poll(() => clearance(page, page.getByRole('spinbutton', { name: 'Edge feather (px)' }))).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => localStorage.getItem('maskwork.sideSplit'))).toBeNull();
    expect(app.errors).toEqual([]);
  });
});
