/**
 * The brush on the product photo (test/support/selection-photo.ts): pen pressure to size and to opacity,
 * and the brush cursor's hardness ring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { docToClient, maskValue, settleView, summary } from '../support/page-helpers';
import { launchWithProduct, selectionSteps } from '../support/selection-photo';
import { chooseOption, leaveField, penStroke } from '../support/user-input';

let app: AppHarness;
const { clear } = selectionSteps(() => app);

beforeAll(async () => {
  app = await launchWithProduct();
});
afterAll(async () => {
  await app?.close();
});

/** A pen stroke along y = 700 from x = 100 to 500, pressure rising from 0.1 to 1. */
async function lightToHeavyPenStroke(page: Page): Promise<void> {
  const pts = [];
  for (let i = 0; i <= 20; i++) {
    const c = await docToClient(page, 100 + i * 20, 700);
    pts.push({ ...c, pressure: 0.1 + (0.9 * i) / 20 });
  }
  await penStroke(app.context, page, pts);
}

describe('brush: pen pressure and the hardness ring', () => {
  it('a pen stroke light at the start and heavy at the end is thin, then wide (pressure → size)', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('b');
    await settleView(page);
    await lightToHeavyPenStroke(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    const size = (await summary(page)).brush.size;
    // Near the heavy end the stroke is about the brush size; near the light start much thinner.
    expect(await maskValue(page, 480, 700 + Math.round(size * 0.4))).toBeGreaterThan(0);
    expect(await maskValue(page, 110, 700 + Math.round(size * 0.3))).toBe(0);
    expect(await maskValue(page, 110, 700)).toBe(255);
  });

  it('Pen pressure set to Opacity: a light touch paints faint at full width, a heavy one solid', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('b');
    await chooseOption(page, page.getByRole('combobox', { name: 'Pen pressure' }), 'opacity');
    await leaveField(page);
    await settleView(page);
    await lightToHeavyPenStroke(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    const size = (await summary(page)).brush.size;
    // The light start: faint in the middle, but as wide as the heavy end (size is not pressure's now).
    const light = await maskValue(page, 110, 700);
    expect(light).toBeGreaterThan(0);
    expect(light).toBeLessThan(100);
    expect(await maskValue(page, 110, 700 + Math.round(size * 0.3))).toBeGreaterThan(0);
    expect(await maskValue(page, 480, 700)).toBe(255);
    await chooseOption(page, page.getByRole('combobox', { name: 'Pen pressure' }), 'size');
    await leaveField(page);
  });

  it('the brush cursor shows the hardness as an inner ring', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('b');
    const c = await docToClient(page, 600, 400);
    await page.mouse.move(c.x, c.y);
    await page.keyboard.press('Shift+BracketRight');
    await page.keyboard.press('Shift+BracketRight');
    await expect.poll(() => page.locator('.brush-cursor-inner').count()).toBe(0);
    await page.keyboard.press('Shift+BracketLeft');
    await page.keyboard.press('Shift+BracketLeft');
    await expect.poll(() => page.locator('.brush-cursor-inner').count()).toBe(1);
    const outer = await page.locator('.brush-cursor').boundingBox();
    const inner = await page.locator('.brush-cursor-inner').boundingBox();
    // Hardness 50 %: the solid core is half the diameter.
    expect(inner!.width / outer!.width).toBeGreaterThan(0.4);
    expect(inner!.width / outer!.width).toBeLessThan(0.6);
    expect(app.errors).toEqual([]);
  });
});
