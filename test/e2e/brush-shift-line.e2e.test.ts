/**
 * The brush and the eraser as a retoucher masks a wire: a click, then a Shift+click elsewhere joins
 * the two points with one straight stroke, one history step (it made two dots and two steps). Real
 * keys and mouse on coffee.png (600×400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, maskValue, settleView, summary } from '../support/page-helpers';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

async function clickAt(page: Page, x: number, y: number, shift = false): Promise<void> {
  await settleView(page);
  const c = await docToClient(page, x, y);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(c.x, c.y);
  if (shift) await page.keyboard.up('Shift');
}

const steps = async (page: Page) => (await summary(page)).historyLabels.length as number;

describe('Shift+click draws a straight stroke', () => {
  it('brush: a click, then Shift+click, masks the straight line between them as one step', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    const before = await steps(page);
    await clickAt(page, 100, 100);
    expect(await steps(page)).toBe(before + 1);
    await clickAt(page, 500, 300, true);
    expect(await steps(page)).toBe(before + 2);
    expect((await summary(page)).label).toBe('Brush stroke');
    // Along the line (not only the two ends), and nowhere off it.
    for (const t of [0.25, 0.5, 0.75]) expect(await maskValue(page, 100 + 400 * t, 100 + 200 * t)).toBe(255);
    expect(await maskValue(page, 300, 100)).toBe(0);
    // The next Shift+click goes on from where that one ended.
    await clickAt(page, 500, 380, true);
    expect(await maskValue(page, 500, 340)).toBe(255);
  });

  it('eraser: Shift+click erases the straight line from the last stroke’s end, as one step', async () => {
    const page = app.page;
    await page.keyboard.press('e');
    const before = await steps(page);
    await clickAt(page, 200, 150);
    await clickAt(page, 400, 250, true);
    expect(await steps(page)).toBe(before + 2);
    expect((await summary(page)).label).toBe('Eraser stroke');
    expect(await maskValue(page, 300, 200)).toBe(0);
    expect(await maskValue(page, 450, 275)).toBe(255); // the brush's line beyond the erased part
  });
});
