/**
 * "Grow mask by N px" in the Generate panel (on by default for the offline engine): the request's
 * mask is grown before sending, so the patch reaches N px past a tight mask (no halo of the removed
 * object's edge). Real keys and mouse; the patch alpha is read back from the staged candidate. The Edge
 * feather's tooltip says the offline engine fills the mask alone (the feather leaves the photo around it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';
import { typeInto } from '../support/real-input';
import { chooseOption, leaveField, openEdgeGroup } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await app.page.keyboard.press('m');
  await dragPath(app.page, [
    [250, 150],
    [330, 230],
  ]);
  await openEdgeGroup(app.page);
  await typeInto(app.page, app.page.getByRole('spinbutton', { name: 'Edge feather (px)' }), '0');
});
afterAll(async () => {
  await app?.close();
});

/** Generates with the offline engine and returns the staged patch's alpha at doc (x, y); discards it. */
async function alphaAfterGenerate(page: Page, x: number, y: number): Promise<number> {
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 60_000 });
  const a = await page.evaluate(
    ([px, py]) => {
      const t = (window as any).__maskworkTest;
      const c = t.staging().items[0];
      return t.bitmapPixel(c.assetId, px - c.region.x, py - c.region.y)[3] as number;
    },
    [x, y] as const,
  );
  await page.getByRole('button', { name: 'Discard all' }).click();
  return a;
}

describe('grow the mask before generating', () => {
  it('on by default for the offline engine: the patch reaches past a tight mask; off: it stops at the mask', async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    const grow = page.getByRole('checkbox', { name: 'Grow the mask before generating' });
    expect(await grow.isChecked()).toBe(true);
    const outside = { x: rect.x + rect.width + 3, y: rect.y + Math.floor(rect.height / 2) };
    expect(await alphaAfterGenerate(page, outside.x, outside.y)).toBe(255);
    await grow.click();
    expect(await grow.isChecked()).toBe(false);
    expect(await alphaAfterGenerate(page, outside.x, outside.y)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('the canvas shows where Generate will touch: a dashed outline grown by the grow, and for a cloud model the feather, also with the overlay hidden', async () => {
    const page = app.page;
    const probe = () => page.evaluate(() => (window as any).__maskworkTest.featherBand());
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    // Edge feather 0 (typed in beforeAll), grow on for the offline engine (6 px): the band reaches 6 px out.
    const grow = page.getByRole('checkbox', { name: 'Grow the mask before generating' });
    if (!(await grow.isChecked())) await grow.click();
    let band = await probe();
    expect(band.radius).toBe(6);
    expect(band.x0).toBe(rect.x - 6);
    expect(band.x1).toBe(rect.x + rect.width + 6);
    // The offline engine fills the grown mask alone (the photo past it stays as it was): a wider
    // feather does not move the line (it was drawn 26 px out, over pixels the engine leaves).
    await typeInto(page, page.getByRole('spinbutton', { name: 'Edge feather (px)' }), '20');
    band = await probe();
    expect(band.radius).toBe(6);
    expect(band.y0).toBe(rect.y - 6);
    // A cloud model repaints the feather's band too: the line moves out by the feather.
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    await chooseOption(page, model, 'gpt-image-2');
    band = await probe();
    expect(band.radius).toBe(26);
    expect(band.y0).toBe(rect.y - 26);
    expect(band.y1).toBe(rect.y + rect.height + 26);
    await chooseOption(page, model, 'local');
    expect((await probe()).radius).toBe(6);
    // The outline is a node on the stage, still shown after the overlay is hidden with \.
    const drawn = () => page.evaluate(() => (window as any).__maskworkTest.featherBandDrawn() as boolean);
    await leaveField(page); // keys back to the editor
    expect(await drawn()).toBe(true);
    await page.keyboard.press('Backslash');
    expect((await page.evaluate(() => (window as any).__maskworkTest.summary())).maskVisible).toBe(false);
    expect(await drawn()).toBe(true);
    await page.keyboard.press('Backslash');
    await typeInto(page, page.getByRole('spinbutton', { name: 'Edge feather (px)' }), '0');
  });

  it('the Edge feather says what it does with the offline engine (which fills the mask alone), and with a cloud model', async () => {
    const page = app.page;
    const tip = () => page.getByRole('spinbutton', { name: 'Edge feather (px)' }).locator('xpath=..').getAttribute('title');
    expect(await tip()).toBe(
      'Soft edge where the result meets the photo. The offline engine fills the mask alone and blends its own edge: the photo around the mask stays as it is, and the dashed line on the canvas marks the mask it fills (grown when Grow is on)',
    );
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    await chooseOption(page, model, 'gpt-image-2');
    expect(await tip()).toBe('Soft edge where the result meets the photo');
    await chooseOption(page, model, 'local');
    expect(await tip()).toMatch(/offline engine fills the mask alone/);
    expect(app.errors).toEqual([]);
  });
});
