/**
 * The border between Layers and History is a separator the user drags, as between stacked panels in
 * Photoshop's docks: History showed about five steps at 1500×950 and two or three at 1280×720, and
 * nothing gave it more. Dragged with the mouse, moved with ArrowUp / ArrowDown / Home / End when
 * focused, reset with a double-click; History keeps its heading and two steps, Layers its three
 * rows, Generate its prompt and button; remembered after a reload. Real mouse and keys; the boxes are
 * read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

async function openPhoto(page: Page) {
  app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
}

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  const page = app.page;
  await openPhoto(page);
  // Seven steps: Ctrl+J on the original's row, then the mask inverted and cleared, again and again.
  await page.getByRole('button', { name: 'Select original colorful-cups.jpg' }).click();
  await page.keyboard.press('Control+j');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1, undefined, { timeout: 30_000 });
  await waitIdle(page);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Shift+KeyI');
    await waitIdle(page);
    await page.keyboard.press('Control+d');
    await waitIdle(page);
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const separator = (page: Page) => page.getByRole('separator', { name: 'Resize Layers and History' });
const box = async (page: Page, sel: string) => (await page.locator(sel).boundingBox())!;
const historyHeight = async (page: Page) => (await box(page, '.history-panel')).height;
async function dragBy(page: Page, dy: number) {
  const b = (await separator(page).boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy / 2, { steps: 4 });
  await page.mouse.move(x, y + dy, { steps: 4 });
  await page.mouse.up();
}
async function inside(page: Page, inner: ReturnType<Page['locator']>, outerSelector: string) {
  const i = (await inner.boundingBox())!;
  const o = await box(page, outerSelector);
  return i.y >= o.y - 0.5 && i.y + i.height <= o.y + o.height + 0.5;
}
const near = (a: number, b: number, tol = 2) => Math.abs(a - b) <= tol;
const value = async (page: Page) => {
  const s = separator(page);
  const n = async (a: string) => Number(await s.getAttribute(a));
  return { now: await n('aria-valuenow'), min: await n('aria-valuemin'), max: await n('aria-valuemax') };
};

let defaultHeight = 0;

describe('the split between Layers and History', () => {
  it('is a horizontal separator whose value is History’s height', async () => {
    const page = app.page;
    expect((await summary(page)).historyLabels.length).toBeGreaterThanOrEqual(7);
    const s = separator(page);
    expect(await s.getAttribute('aria-orientation')).toBe('horizontal');
    expect(await s.evaluate((e) => getComputedStyle(e).cursor)).toBe('row-resize');
    defaultHeight = await historyHeight(page);
    expect(near((await value(page)).now, defaultHeight, 1)).toBe(true);
  });

  it('drags with the mouse: History takes what the border moves, and shows more steps', async () => {
    const page = app.page;
    const steps = page.getByTestId('history').locator('li');
    const whole = async () => {
      let n = 0;
      for (const li of await steps.all()) if (await inside(page, li, 'ol.history')) n++;
      return n;
    };
    const before = await whole();
    await dragBy(page, -80);
    await expect.poll(() => historyHeight(page)).toBeGreaterThan(defaultHeight + 78);
    expect(near(await historyHeight(page), defaultHeight + 80), String(await historyHeight(page))).toBe(true);
    expect(await whole()).toBeGreaterThan(before);
  });

  it('moves with the keys when focused; stops at the floors; the document is untouched', async () => {
    const page = app.page;
    const before = await summary(page);
    expect(await separator(page).evaluate((e) => e === document.activeElement)).toBe(true);
    const start = await value(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await value(page)).now).toBe(start.now - 20);
    expect(near(await historyHeight(page), start.now - 20, 1)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await value(page)).now).toBe((await value(page)).max);
    // At its most: Layers keeps its three rows and buttons, Generate its prompt and Generate button.
    const rows = page.getByRole('region', { name: 'Layers' }).locator('ul.layers > li');
    for (const i of [0, 1, 2]) expect(await inside(page, rows.nth(i), 'ul.layers'), `row ${i}`).toBe(true);
    expect(await inside(page, page.getByRole('button', { name: 'Duplicate' }), '.side-bottom')).toBe(true);
    expect(await inside(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), '.side-top')).toBe(true);
    expect(await inside(page, page.getByTestId('generate'), '.side-top')).toBe(true);
    await page.keyboard.press('End');
    const v = await value(page);
    await expect.poll(() => historyHeight(page)).toBeLessThan(v.min + 1);
    // At its least: the heading and two steps.
    expect(await inside(page, page.getByRole('heading', { name: 'History' }), '.history-panel')).toBe(true);
    const steps = page.getByTestId('history').locator('li');
    let whole = 0;
    for (const li of await steps.all()) if (await inside(page, li, 'ol.history')) whole++;
    expect(whole).toBeGreaterThanOrEqual(2);
    const after = await summary(page);
    expect([after.historyLabels, after.label, after.layers]).toEqual([before.historyLabels, before.label, before.layers]);
  });

  it('is remembered after a reload; a double-click puts back the default', async () => {
    const page = app.page;
    await page.keyboard.press('Home');
    await dragBy(page, 60);
    const chosen = await historyHeight(page);
    expect(chosen).toBeGreaterThan(defaultHeight + 20);
    await page.reload();
    await page.waitForFunction(() => (window as any).__maskworkReady === true);
    await openPhoto(page);
    await expect.poll(() => historyHeight(page)).toBeCloseTo(chosen, 0);
    const b = (await separator(page).boundingBox())!;
    await page.mouse.dblclick(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => historyHeight(page)).toBeLessThan(chosen - 20);
    expect(app.errors).toEqual([]);
  });
});
