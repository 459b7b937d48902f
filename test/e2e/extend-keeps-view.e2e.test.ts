/**
 * The extend tool (C) leaves the retoucher's zoom and pan alone: pressing C, clicking on the photo's
 * edge, or dragging a visible edge a little while zoomed in. A tester found "pressing C rezooms": the
 * first click on an edge after C zoomed the view out to the whole canvas, because any part of the
 * canvas off screen (all of it but one edge, zoomed in) counted as "dragged past the window". Only a
 * side that the drag takes past the window's edge fits the view now. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg'); // 2560×1600
});
afterAll(async () => app?.close());

async function view(page: Page) {
  await settleView(page);
  const s = await summary(page);
  return { scale: s.scale as number, offset: s.offset as { x: number; y: number } };
}

describe('extend tool keeps the view', () => {
  it('C, a click on the edge and a short drag of it, zoomed in: the zoom and pan stay', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0');
    // Zoomed in about the photo's left edge: the rest of the canvas is off screen.
    const edge = await docToClient(page, 0, 800);
    await page.mouse.move(edge.x + 5, edge.y);
    await page.mouse.wheel(0, -500);
    await expect.poll(async () => (await summary(page)).scale).toBeGreaterThan(0.5);
    const zoomed = await view(page);

    await page.keyboard.press('c');
    await expect.poll(async () => (await summary(page)).tool).toBe('extend');
    expect(await view(page), 'pressing C').toEqual(zoomed);

    // A click on the left edge (no drag): nothing proposed, nothing moves.
    const e = await docToClient(page, 0, 800);
    await page.mouse.move(e.x, e.y + 40);
    await page.mouse.down();
    await page.mouse.up();
    expect(await view(page), 'a click on the edge').toEqual(zoomed);

    // A short drag of the left edge outward: the edge stays on screen, so the view stays.
    await page.mouse.move(e.x, e.y + 40);
    await page.mouse.down();
    await page.mouse.move(e.x - 12, e.y + 40, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await page.getByRole('spinbutton', { name: 'Extend left (px)' }).inputValue())).toBeGreaterThan(0);
    expect(await view(page), 'a short drag of a visible edge').toEqual(zoomed);

    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
    expect(await view(page)).toEqual(zoomed);
    expect(app.errors).toEqual([]);
  });

  it('undo and redo of Extend canvas, by keys and in History, keep the zoom and the photo where it was on screen', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).label).toBe('Extend canvas');
    await page.keyboard.press('Control+0'); // fitted to the extended canvas
    const photoAt = async () => {
      await settleView(page);
      const o = (await summary(page)).original as { x: number; y: number };
      return docToClient(page, o.x, o.y);
    };
    const before = { scale: (await view(page)).scale, at: await photoAt() };
    const same = async (how: string) => {
      expect((await view(page)).scale, how).toBe(before.scale);
      const at = await photoAt();
      expect(Math.abs(at.x - before.at.x) + Math.abs(at.y - before.at.y), how).toBeLessThan(0.5);
    };
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).label).not.toBe('Extend canvas');
    await same('Ctrl+Z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await summary(page)).label).toBe('Extend canvas');
    await same('Ctrl+Shift+Z');
    // Stepping through History either side of the extension (the zoom went 134 % ↔ 146 %).
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: /^Open / }).click();
    await same('History: Open');
    await history.getByRole('button', { name: 'Extend canvas' }).click();
    await same('History: Extend canvas');
    expect(app.errors).toEqual([]);
  });
});
