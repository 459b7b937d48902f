/**
 * Alt flips a mask brush, as in Lightroom's and Camera Raw's mask brushes: an Alt+drag with the brush
 * takes the mask away along its path, one "Eraser stroke" step, and an Alt+drag with the eraser paints.
 * An Alt+click with the brush painted a dot (hands-on: Photoshop's Alt there picks a colour, which a
 * mask has no use for). Real keys and mouse on coffee.png (600×400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, maskValue, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

const maskPixels = (): Promise<number> => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels());

describe('Alt with the brush and the eraser', () => {
  it('Alt+drag with the brush erases along the path; Alt+drag with the eraser paints', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 200],
      [500, 200],
    ]);
    expect((await summary(page)).label).toBe('Brush stroke');
    const painted = await maskPixels();
    expect(await maskValue(page, 300, 200)).toBeGreaterThan(200);

    await page.keyboard.down('Alt');
    await dragPath(page, [
      [300, 120],
      [300, 280],
    ]);
    await page.keyboard.up('Alt');
    expect((await summary(page)).label).toBe('Eraser stroke');
    expect(await maskValue(page, 300, 200)).toBe(0);
    expect(await maskValue(page, 150, 200)).toBeGreaterThan(200);
    const erased = await maskPixels();
    expect(erased).toBeLessThan(painted);
    expect((await summary(page)).tool).toBe('brush'); // the tool stays the brush

    await page.keyboard.press('e');
    await page.keyboard.down('Alt');
    await dragPath(page, [
      [300, 190],
      [300, 210],
    ]);
    await page.keyboard.up('Alt');
    expect((await summary(page)).label).toBe('Brush stroke');
    expect(await maskValue(page, 300, 200)).toBeGreaterThan(200);
    expect(await maskPixels()).toBeGreaterThan(erased);
  });
});
