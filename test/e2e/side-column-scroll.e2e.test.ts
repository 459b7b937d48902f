/**
 * The right-hand column does not scroll by itself. At 1280×800 its top part (Generate) grew on a
 * magic-wand click (the offline engine's hint and the size and time lines appeared with a mask; both
 * keep their room now) and
 * shrinks on Keep (which clears the mask). Someone scrolled down to the Mask panel saw it pushed down
 * out of view by the wand click; the Mask panel now sits below the scrolling part, in view, and the
 * column scrolled to its end stays there through Keep. Scrolled to the top, the top stays. Real mouse and keys; the scroll position and
 * the boxes are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, summary, waitIdle } from '../support/page-helpers';
import { openEdgeGroup } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(page);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const column = (page: Page) => page.locator('.generate-scroll');
/** The column's scroll position and how far it can scroll. */
const scroll = (page: Page) => column(page).evaluate((e) => ({ top: e.scrollTop, room: e.scrollHeight - e.clientHeight }));
/**
 * The Mask panel's Invert button: how far its top edge is from the column's bottom edge (the Mask
 * panel sits just below the column, which gets shorter when History gains a row), and whether all of
 * it is in the window.
 */
async function invertButton(page: Page) {
  const box = (await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Invert', exact: true }).boundingBox())!;
  // The part Generate takes (its controls' scrolling box, then its footer), not the box alone.
  const col = (await page.locator('.side-top').boundingBox())!;
  const height = page.viewportSize()!.height;
  return { fromBottom: col.y + col.height - box.y, inView: box.y >= col.y + col.height && box.y + box.height <= height };
}
/** The wheel over the column: -1 to its top, 1 to its end. */
async function wheelColumn(page: Page, dir: 1 | -1) {
  const col = (await column(page).boundingBox())!;
  await page.mouse.move(col.x + col.width / 2, col.y + 60);
  await page.mouse.wheel(0, dir * 5000);
  await expect
    .poll(async () => {
      const s = await scroll(page);
      return dir < 0 ? s.top === 0 : s.top >= s.room - 1;
    })
    .toBe(true);
}
/** Two animation frames: layout, observers and paint have all run. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
async function wandClick(page: Page, x: number, y: number) {
  const label = (await summary(page)).historyLabels.length;
  await page.keyboard.press('w');
  const c = await docToClient(page, x, y);
  await page.mouse.click(c.x, c.y);
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().historyLabels.length > n, label);
  await waitIdle(page);
  await frames(page);
}

describe('the side column keeps its scroll position', () => {
  it('at the top, a magic-wand click leaves the column at the top', async () => {
    const page = app.page;
    await wheelColumn(page, -1);
    const prompt = (await page.getByRole('textbox', { name: 'Prompt', exact: true }).boundingBox())!;
    const before = await scroll(page);
    await wandClick(page, 300, 200);
    const after = await scroll(page);
    // (It no longer grows: the offline engine's line is there before a mask, the size lines are kept.)
    expect(after.room).toBeGreaterThanOrEqual(before.room);
    expect(after.top).toBe(0);
    expect((await page.getByRole('textbox', { name: 'Prompt', exact: true }).boundingBox())!.y).toBe(prompt.y);
    await page.keyboard.press('Control+d'); // no mask again, for the next test
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
  });

  it('scrolled to its end, a magic-wand click leaves it there and the Mask panel where it was', async () => {
    const page = app.page;
    // With no mask and the Edge group folded, Generate fits at 1280×800 (generate-edge-fold.e2e): its
    // rows unfolded make it scroll.
    await openEdgeGroup(page);
    await wheelColumn(page, 1);
    const before = await scroll(page);
    expect(before.top).toBeGreaterThan(0); // the column does scroll at 1280×800
    const invert = await invertButton(page);
    expect(invert.inView).toBe(true);
    await wandClick(page, 300, 200);
    const after = await scroll(page);
    expect(after.room).toBeGreaterThanOrEqual(before.room); // Generate no longer grows with a mask (it grew 50 px and more)
    expect(Math.abs((await invertButton(page)).fromBottom - invert.fromBottom)).toBeLessThanOrEqual(1);
    expect((await invertButton(page)).inView).toBe(true);
    expect(after.top).toBeGreaterThanOrEqual(after.room - 1);
  });

  it('scrolled to its end, the column stays there through Generate and Keep, the Mask panel in view', async () => {
    const page = app.page;
    await wheelColumn(page, 1);
    const room = (await scroll(page)).room;
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await frames(page);
    expect((await scroll(page)).top).toBeGreaterThanOrEqual((await scroll(page)).room - 1);
    expect((await invertButton(page)).inView).toBe(true);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await waitIdle(page);
    await frames(page);
    const after = await scroll(page);
    expect(after.room).not.toBe(room); // Keep changed the column (the mask, and with it Generate's lines, went)
    expect(after.top).toBeGreaterThanOrEqual(after.room - 1);
    expect((await invertButton(page)).inView).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
