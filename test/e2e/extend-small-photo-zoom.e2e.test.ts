/**
 * A small photo opened at 100 % stays at or under 100 % while the extend tool fits its proposal and
 * after Apply, as Photoshop's Canvas Size keeps the zoom: a 21:9 preset on coffee.png (600×400)
 * zoomed it to 122.7 % (found by hand). Ctrl/⌘ 0 still fits it as large as the room allows. Real
 * keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png'); // 600×400
});
afterAll(async () => app?.close());

const scale = async () => {
  await settleView(app.page);
  return (await summary(app.page)).scale as number;
};

describe('extending a small photo', () => {
  it('a preset and Apply keep the zoom at or under 100 %; Ctrl+0 still fits larger', async () => {
    const page = app.page;
    // A window with room for the extended photo well above 100 % (the hands-on window was 1500×950).
    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(await scale()).toBe(1); // opened at 100 %, never above
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    await expect.poll(async () => Number(await page.getByRole('spinbutton', { name: 'Extend left (px)' }).inputValue())).toBeGreaterThan(0);
    expect(await scale()).toBeLessThanOrEqual(1);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).canvas?.width ?? 0).toBeGreaterThan(600);
    expect(await scale()).toBeLessThanOrEqual(1);
    await page.keyboard.press('Control+0');
    await expect.poll(scale).toBeGreaterThan(1);
    expect(app.errors).toEqual([]);
  });
});
