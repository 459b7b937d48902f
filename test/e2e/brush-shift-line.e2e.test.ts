/**
 * The brush and the eraser as a retoucher masks a wire: a click, then a Shift+click elsewhere joins
 * the two points with one straight stroke, one history step (it made two dots and two steps). And a
 * click on the canvas while candidates are staged (to give the keys back to the canvas, as README
 * advises) paints nothing: it added an unseen "Brush stroke" under the hidden overlay. A drag there
 * still paints. Real keys and mouse on coffee.png (600×400), offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';

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

describe('Shift+click on a layer mask', () => {
  it('erases the straight line between the two points from the layer, as one step', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 100],
      [450, 100],
    ]);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => page.evaluate(() => (window as any).__maskworkTest.staging().items.length), { timeout: 90_000 }).toBe(1);
    await waitIdle(page);
    await page.keyboard.press('Shift+Enter'); // keep as layer
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    await page.keyboard.press('Escape'); // the strip goes
    await page
      .getByRole('region', { name: 'Layers' })
      .getByRole('button', { name: /^Paint the layer mask of / })
      .first()
      .click();
    await page.getByRole('status', { name: /^Painting: layer mask of / }).waitFor();
    const layer = (await page.evaluate(() => (window as any).__maskworkTest.docLayers()))[0] as {
      id: string;
      x: number;
      y: number;
      width: number;
      height: number;
    };
    const y = layer.y + layer.height / 2;
    const [x0, x1] = [layer.x + 10, layer.x + layer.width - 10];
    const before = await steps(page);
    await clickAt(page, x0, y);
    await clickAt(page, x1, y, true);
    expect(await steps(page)).toBe(before + 2);
    expect((await summary(page)).label).toBe('Eraser on layer mask');
    const values = (await page.evaluate((id) => (window as any).__maskworkTest.layerMaskValues(id), layer.id)) as number[];
    const at = (x: number) => values[Math.round(y - layer.y) * layer.width + Math.round(x - layer.x)];
    expect(at((x0 + x1) / 2)).toBe(0); // hidden along the line
    expect(at(x0 + (x1 - x0) / 4)).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z'); // the layer goes: the next tests paint the document mask
    await page.keyboard.press('b');
  });
});

describe('a click while candidates are staged', () => {
  it('takes the keys only: no dot, no history step; a drag still paints', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [250, 320],
      [350, 320],
    ]);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => page.evaluate(() => (window as any).__maskworkTest.staging().items.length), { timeout: 90_000 }).toBe(1);
    await waitIdle(page);
    // A click in the prompt box, then on the canvas to give the keys back.
    await page.getByRole('textbox', { name: 'Prompt' }).click();
    const before = await summary(page);
    await clickAt(page, 80, 60);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    expect(await maskValue(page, 80, 60)).toBe(0);
    expect(after.maskShown).toBe(false);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(1);
    // A drag paints as before (and shows the overlay, README).
    await dragPath(page, [
      [60, 130],
      [140, 130],
    ]);
    expect(await maskValue(page, 100, 130)).toBe(255);
    expect((await summary(page)).historyLabels.length).toBe(before.historyLabels.length + 1);
    expect((await summary(page)).maskShown).toBe(true);
    // The keys are the editor's: Esc discards the candidate.
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
  });

  it('still sets where a Shift+click draws from, as a click does in Photoshop (the line came from an older stroke)', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    // A clean mask with one short stroke, which ends at (120, 350); then candidates staged.
    await page.keyboard.press('Control+d');
    await dragPath(page, [
      [60, 350],
      [120, 350],
    ]);
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => page.evaluate(() => (window as any).__maskworkTest.staging().items.length), { timeout: 90_000 }).toBe(1);
    await waitIdle(page);
    // Points on the way from the older stroke's end (120, 350) to where the Shift+click lands, still unmasked.
    const onOldPath: [number, number][] = [];
    for (let t = 0.15; t < 0.8; t += 0.05) {
      const p: [number, number] = [Math.round(120 + 420 * t), Math.round(350 - 290 * t)];
      if ((await maskValue(page, p[0], p[1])) === 0) onOldPath.push(p);
    }
    expect(onOldPath.length).toBeGreaterThanOrEqual(3);
    await clickAt(page, 420, 60);
    expect(await maskValue(page, 420, 60)).toBe(0);
    await clickAt(page, 540, 60, true);
    for (const x of [440, 480, 520]) expect(await maskValue(page, x, 60)).toBe(255);
    // Nothing on the way from the older stroke's end.
    for (const [x, y] of onOldPath) expect([x, y, await maskValue(page, x, y)]).toEqual([x, y, 0]);
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
  });
});
