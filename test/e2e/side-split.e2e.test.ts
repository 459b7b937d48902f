/**
 * The border between Generate and Layers in the right-hand column is a separator the user drags, as
 * between stacked panels in Photoshop's docks (Generate was squeezed with a kept layer at 1500×950 and
 * scrolled on its own, with nothing to give it room). Dragged with the mouse, moved with ArrowUp /
 * ArrowDown / Home / End when focused, reset with a double-click; neither part goes below its floor
 * (Generate keeps its prompt and its Generate button, Layers its heading and two rows), also when the
 * window gets smaller; remembered after a reload. Real mouse and keys; the boxes are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';

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
  await page.keyboard.press('b');
  await dragPath(page, [
    [800, 500],
    [1100, 600],
  ]);
  await page.keyboard.press('Control+Enter');
  const keep = page.getByRole('button', { name: 'Keep', exact: true });
  await keep.waitFor({ timeout: 120_000 });
  await keep.click();
  // Keep is not a busy step (waitIdle does not wait for it): it commits once the candidate's bitmap is there.
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  await waitIdle(page);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

const separator = (page: Page) => page.getByRole('separator', { name: 'Resize Generate and Layers' });
/** The two parts' heights (read-only boxes). */
async function heights(page: Page) {
  const top = (await page.locator('.side-top').boundingBox())!;
  const bottom = (await page.locator('.side-bottom').boundingBox())!;
  return { top: top.height, bottom: bottom.height };
}
/** The separator's value (Generate's height) and limits. */
async function value(page: Page) {
  const s = separator(page);
  const n = async (a: string) => Number(await s.getAttribute(a));
  return { now: await n('aria-valuenow'), min: await n('aria-valuemin'), max: await n('aria-valuemax') };
}
/** Drags the separator by `dy` px with the mouse, from its middle. */
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
/** `inner` lies wholly inside `outer` (boxes). */
async function inside(page: Page, inner: ReturnType<Page['locator']>, outerSelector: string) {
  const i = (await inner.boundingBox())!;
  const o = (await page.locator(outerSelector).boundingBox())!;
  return i.y >= o.y - 0.5 && i.y + i.height <= o.y + o.height + 0.5;
}
const near = (a: number, b: number, tol = 2) => Math.abs(a - b) <= tol;

let defaults: { top: number; bottom: number };

describe('the split between Generate and Layers', () => {
  it('is a horizontal separator whose value is Generate’s height', async () => {
    const page = app.page;
    const s = separator(page);
    expect(await s.getAttribute('aria-orientation')).toBe('horizontal');
    expect(await s.evaluate((e) => getComputedStyle(e).cursor)).toBe('row-resize');
    defaults = await heights(page);
    const v = await value(page);
    expect(near(v.now, defaults.top, 1)).toBe(true);
    expect(v.min).toBeLessThan(v.now);
    expect(v.max).toBeGreaterThan(v.now);
  });

  it('drags with the mouse: Generate gives Layers what the border moves', async () => {
    const page = app.page;
    await dragBy(page, -150);
    let h = await heights(page);
    expect(near(h.top, defaults.top - 150), JSON.stringify(h)).toBe(true);
    expect(near(h.bottom, defaults.bottom + 150), JSON.stringify(h)).toBe(true);
    expect(near((await value(page)).now, h.top, 1)).toBe(true);
    // Not as far as before: Layers' floor is three whole rows (the mask, the layer, the original).
    await dragBy(page, 200);
    h = await heights(page);
    expect(near(h.top, defaults.top + 50), JSON.stringify(h)).toBe(true);
    expect(near(h.bottom, defaults.bottom - 50), JSON.stringify(h)).toBe(true);
  });

  it('stops at the floors: Layers keeps its heading and two rows, Generate its prompt and button', async () => {
    const page = app.page;
    const layers = page.getByRole('region', { name: 'Layers' });
    await dragBy(page, 800);
    const v = await value(page);
    expect(v.now).toBe(v.max);
    expect(await inside(page, layers.getByRole('heading', { name: 'Layers' }), '.side-bottom')).toBe(true);
    const rows = layers.locator('ul.layers > li');
    expect(await rows.count()).toBe(3); // the mask, the kept layer, the original
    for (const i of [0, 1]) expect(await inside(page, rows.nth(i), '.side-bottom'), `row ${i}`).toBe(true);
    await dragBy(page, -900);
    const w = await value(page);
    expect(w.now).toBe(w.min);
    expect(await inside(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), '.side-top')).toBe(true);
    expect(await inside(page, page.getByTestId('generate'), '.side-top')).toBe(true);
  });

  it('moves with the keys when focused (a step, Home / End to the limits), and the document is untouched', async () => {
    const page = app.page;
    const before = await summary(page);
    // The drags left the focus on it.
    expect(await separator(page).evaluate((e) => e === document.activeElement)).toBe(true);
    const start = await value(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => near((await heights(page)).top, start.now + 20, 1)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await value(page)).now).toBe(start.now + 20);
    await page.keyboard.press('End');
    await expect.poll(async () => (await value(page)).now).toBe(start.max);
    expect(near((await heights(page)).top, start.max, 1)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await value(page)).now).toBe(start.min);
    expect(near((await heights(page)).top, start.min, 1)).toBe(true);
    const after = await summary(page);
    expect([after.historyLabels, after.label, after.layers]).toEqual([before.historyLabels, before.label, before.layers]);
  });

  it('holds the floors when the window gets smaller, and gives the height back when it grows', async () => {
    const page = app.page;
    await page.keyboard.press('End'); // Generate at its most
    const tall = await heights(page);
    await page.setViewportSize({ width: 1280, height: 700 });
    await expect.poll(async () => (await value(page)).now).toBeLessThan(tall.top);
    const layers = page.getByRole('region', { name: 'Layers' });
    expect(await inside(page, layers.getByRole('heading', { name: 'Layers' }), '.side-bottom')).toBe(true);
    expect(await inside(page, layers.locator('ul.layers > li').nth(1), '.side-bottom')).toBe(true);
    expect(await inside(page, page.getByTestId('generate'), '.side-top')).toBe(true);
    await page.setViewportSize({ width: 1500, height: 950 });
    await expect.poll(async () => (await heights(page)).bottom).toBeCloseTo(tall.bottom, 0);
  });

  it('a double-click puts back the default split (and a drag right after it moves the whole way)', async () => {
    const page = app.page;
    const b = (await separator(page).boundingBox())!;
    await page.mouse.dblclick(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(async () => (await heights(page)).top).toBeCloseTo(defaults.top, 0);
    expect(near((await heights(page)).bottom, defaults.bottom, 1)).toBe(true);
  });

  it('is remembered after a reload', async () => {
    const page = app.page;
    await dragBy(page, -120);
    const chosen = await heights(page);
    expect(near(chosen.bottom, defaults.bottom + 120), JSON.stringify([chosen, defaults])).toBe(true);
    await page.reload();
    await page.waitForFunction(() => (window as any).__maskworkReady === true);
    await expect.poll(async () => (await heights(page)).bottom).toBeCloseTo(chosen.bottom, 0);
    await openPhoto(page);
    await expect.poll(async () => (await heights(page)).bottom).toBeCloseTo(chosen.bottom, 0);
    expect(app.errors).toEqual([]);
  });
});
