/**
 * Photoshop's Zoom tool on Z, with real keys and mouse: a click zooms in a step at the clicked point,
 * Alt+click out, a drag sideways scrubs the zoom about where it began, a double-click on the tool in
 * the toolbar shows 100 %. Z used to zoom to the mask, so a retoucher's Z then click painted a brush
 * dab: the clicks here change neither the mask nor the history. Shift+Z zooms to the mask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { clientToDoc, docToClient, dragPath, settleView, summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { nextZoomStep } from '../../renderer/model/zoom-steps';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg');
  await settleView(app.page);
});
afterAll(async () => {
  await app?.close();
});

const maskPixels = (page: Page): Promise<number> => page.evaluate(() => (window as any).__maskworkTest.maskPixels());
const cursor = (page: Page) => page.getByTestId('stage').evaluate((el) => (el as HTMLElement).style.cursor);
const scale = async (page: Page) => (await summary(page)).scale;

describe('Zoom tool (Z)', () => {
  it('a click zooms in at the point, Alt+click out, a sideways drag scrubs; nothing is painted', async () => {
    const page = app.page;
    // A mask to keep: a brush stroke, then Z and clicks on it.
    await page.keyboard.press('b');
    await leaveField(page);
    await dragPath(page, [
      [300, 200],
      [420, 260],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    const pixels = await maskPixels(page);
    const before = await summary(page);

    await page.keyboard.press('z');
    const zoomTool = page.getByRole('button', { name: /^Zoom \(click/ });
    await expect.poll(() => zoomTool.getAttribute('aria-pressed')).toBe('true');
    expect((await summary(page)).tool).toBe('zoom');
    expect(await page.getByTestId('zoom-options').isVisible()).toBe(true);

    const p = await docToClient(page, 360, 230);
    await page.mouse.move(p.x, p.y);
    expect(await cursor(page)).toBe('zoom-in');
    const under = await clientToDoc(page, p);
    await page.mouse.click(p.x, p.y);
    const zoomedIn = nextZoomStep(before.scale, 1);
    await expect.poll(() => scale(page)).toBe(zoomedIn);
    const inAt = await clientToDoc(page, p);
    expect(Math.abs(inAt.x - under.x)).toBeLessThan(1.5);
    expect(Math.abs(inAt.y - under.y)).toBeLessThan(1.5);

    await page.keyboard.down('Alt');
    await expect.poll(() => cursor(page)).toBe('zoom-out');
    await page.mouse.click(p.x, p.y);
    await page.keyboard.up('Alt');
    await expect.poll(() => scale(page)).toBe(nextZoomStep(zoomedIn, -1));
    await expect.poll(() => cursor(page)).toBe('zoom-in');

    // A drag 150 px to the right doubles the zoom about where it began; back to the left halves it.
    const s0 = await scale(page);
    const at0 = await clientToDoc(page, p);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 75, p.y + 3, { steps: 5 });
    await page.mouse.move(p.x + 150, p.y + 5, { steps: 5 });
    await page.mouse.up();
    const s1 = await scale(page);
    expect(s1 / s0).toBeCloseTo(2, 1);
    const at1 = await clientToDoc(page, p);
    expect(Math.abs(at1.x - at0.x)).toBeLessThan(1.5);
    expect(Math.abs(at1.y - at0.y)).toBeLessThan(1.5);
    await page.mouse.down();
    await page.mouse.move(p.x + 75, p.y, { steps: 5 });
    await page.mouse.up();
    expect((await scale(page)) / s1).toBeCloseTo(0.5 ** 0.5, 1);

    // Nothing painted, no history step.
    const after = await summary(page);
    expect(await maskPixels(page)).toBe(pixels);
    expect(after.historyLabels).toEqual(before.historyLabels);
  });

  it('Space held with the Zoom tool pans, as the hand does with every other tool', async () => {
    const page = app.page;
    await page.keyboard.press('z');
    expect((await summary(page)).tool).toBe('zoom');
    const s0 = await summary(page);
    const p = await docToClient(page, 360, 230);
    await page.mouse.move(p.x, p.y);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(p.x - 60, p.y - 40, { steps: 6 });
    await page.mouse.move(p.x - 120, p.y - 80, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const s1 = await summary(page);
    // It zoomed (2.0 → 0.79 found by hand) instead of panning.
    expect(s1.scale).toBe(s0.scale);
    expect(s1.offset.x - s0.offset.x).toBeCloseTo(-120, 0);
    expect(s1.offset.y - s0.offset.y).toBeCloseTo(-80, 0);
    expect(s1.historyLabels).toEqual(s0.historyLabels);
  });

  it('double-click on the Zoom tool shows 100 %; Shift+Z zooms to the mask; B is the brush again', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Digit0');
    await settleView(page);
    const fitted = await scale(page);
    expect(fitted).not.toBe(1);
    await page.getByRole('button', { name: /^Zoom \(click/ }).dblclick();
    await expect.poll(() => scale(page)).toBe(1);
    await leaveField(page);
    await page.keyboard.press('Control+Digit0');
    await settleView(page);
    await page.keyboard.press('Shift+Z');
    await settleView(page);
    expect(await scale(page)).toBeGreaterThan(fitted * 2);
    await page.keyboard.press('b');
    expect((await summary(page)).tool).toBe('brush');
  });
});
