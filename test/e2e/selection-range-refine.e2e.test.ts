/**
 * Colour range (I) with its live preview, refine edge and zoom to mask (Z), driven like a user on the
 * product photo (test/support/selection-photo.ts). Each result is one undo step; Esc drops the picked
 * colours and leaves the mask unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, screenRgb, settleView, summary } from '../support/page-helpers';
import { E, H, SQ1, SQ2, W, inEllipse, inSquare, launchWithProduct, selectionSteps } from '../support/selection-photo';
import { leaveField, retype, sliderTo } from '../support/user-input';

let app: AppHarness;
const { idle, clickDoc, clear, agreement } = selectionSteps(() => app);

beforeAll(async () => {
  app = await launchWithProduct();
});
afterAll(async () => {
  await app?.close();
});

describe('colour range', () => {
  const preview = () => app.page.evaluate(() => (window as any).__maskworkTest.rangePreview());

  it('I, a click picks the blue: the live preview follows the fuzziness; Shift+click adds red; Enter applies it as one step', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('i');
    expect((await summary(page)).tool).toBe('colorRange');
    await clickDoc(E.cx, E.cy);
    await expect.poll(async () => (await preview())?.drawn).toBe(true);
    const ellipse = (Math.PI * E.rx * E.ry) / (W * H);
    const squares = (SQ1.s * SQ1.s + SQ2.s * SQ2.s) / (W * H);
    // The ellipse is shaded from top to bottom: fuzziness 1 takes a thin band, 200 all of it.
    await sliderTo(page.getByRole('slider', { name: 'Fuzziness' }), 'min');
    await expect.poll(async () => (await preview()).selected).toBeLessThan(ellipse * 0.1);
    await sliderTo(page.getByRole('slider', { name: 'Fuzziness' }), 'max');
    await expect.poll(async () => (await preview()).selected).toBeGreaterThan(ellipse * 0.95);
    expect((await preview()).selected).toBeLessThan(ellipse * 1.05);
    // The preview is not the mask: nothing is selected yet.
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
    // A plain click on another colour replaces the pick, and the screen shows it (the preview kept
    // drawing the first pick: its canvas was redrawn in place, so its layer never was). Read from
    // the screen: the ellipse's centre loses its tint, the square gains one.
    const screen = (x: number, y: number) => screenRgb(page, x, y);
    const apart = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k])));
    const [ellipseTinted, squareBare] = [await screen(E.cx, E.cy), await screen(SQ1.x + 60, SQ1.y + 60)];
    await clickDoc(SQ1.x + 60, SQ1.y + 60);
    await expect.poll(async () => (await preview()).selected).toBeLessThan(ellipse * 0.5);
    await expect.poll(async () => apart(await screen(E.cx, E.cy), ellipseTinted)).toBeGreaterThan(20);
    expect(apart(await screen(SQ1.x + 60, SQ1.y + 60), squareBare)).toBeGreaterThan(20);
    // Back to the ellipse's colour (a plain click), then Shift adds the square's.
    await clickDoc(E.cx, E.cy);
    await expect.poll(async () => (await preview()).selected).toBeGreaterThan(ellipse * 0.95);
    await clickDoc(SQ1.x + 60, SQ1.y + 60, ['Shift']);
    await expect.poll(async () => (await preview()).selected).toBeGreaterThan((ellipse + squares) * 0.95);
    await leaveField(page);
    await page.keyboard.press('Enter');
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Colour range');
    expect(await agreement((x, y) => inEllipse(x, y) || inSquare(SQ1, x, y) || inSquare(SQ2, x, y))).toBeGreaterThan(0.99);
    expect(await preview()).toBeNull();
  });

  // Found by hand (2026-12-04): Esc left the picked colours and their preview, tinted like a mask.
  it("Esc drops the picked colours and their preview, as Cancel in Photoshop's Color Range; the mask is unchanged", async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('i');
    await clickDoc(E.cx, E.cy);
    await expect.poll(async () => (await preview())?.drawn).toBe(true);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Escape');
    await expect.poll(preview).toBeNull();
    expect(await page.evaluate(() => (window as any).__maskworkTest.selectSettings().colors)).toEqual([]);
    await page.keyboard.press('Enter'); // nothing left to apply
    await idle();
    const s = await summary(page);
    expect(s.historyLabels).toHaveLength(steps);
    expect(s.label).toBe('Clear mask');
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
    expect(s.tool).toBe('colorRange');
  });
});

describe('refine edge and zoom to mask', () => {
  it('a rectangle 6 px too big around a square snaps onto the square', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await dragPath(page, [
      [SQ1.x - 6, SQ1.y - 6],
      [SQ1.x + SQ1.s + 6, SQ1.y + SQ1.s + 6],
    ]);
    expect(await maskValue(page, SQ1.x - 3, SQ1.y + 60)).toBe(255);
    await retype(page.getByRole('spinbutton', { name: 'Refine edge radius px' }), '10');
    await page.getByRole('button', { name: 'Refine edge', exact: true }).click();
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Refine edge 10px');
    expect(await maskValue(page, SQ1.x - 3, SQ1.y + 60)).toBeLessThan(64);
    expect(await maskValue(page, SQ1.x + 3, SQ1.y + 60)).toBeGreaterThan(190);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, SQ1.x - 3, SQ1.y + 60)).toBe(255);
    // Enter in the radius field refines too, as the button does, and gives the keys back.
    await retype(page.getByRole('spinbutton', { name: 'Refine edge radius px' }), '12');
    await page.keyboard.press('Enter');
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Refine edge 12px');
    expect(await maskValue(page, SQ1.x - 3, SQ1.y + 60)).toBeLessThan(64);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, SQ1.x - 3, SQ1.y + 60)).toBe(255);
  });

  it('Z zooms the view onto the mask; with no mask, Clear and Zoom to mask are off', async () => {
    const page = app.page;
    const maskPanel = page.getByRole('region', { name: 'Mask' });
    const clearButton = maskPanel.getByRole('button', { name: 'Clear', exact: true });
    const zoomButton = maskPanel.getByRole('button', { name: 'Zoom to mask', exact: true });
    expect(await clearButton.isDisabled()).toBe(false); // the square's mask from the last test
    expect(await zoomButton.isDisabled()).toBe(false);
    await clear();
    await expect.poll(() => clearButton.isDisabled()).toBe(true);
    expect(await zoomButton.isDisabled()).toBe(true);
    await page.keyboard.press('Control+z'); // the mask is back
    await expect.poll(() => zoomButton.isDisabled()).toBe(false);
    await leaveField(page);
    const before = (await summary(page)).scale;
    await page.keyboard.press('Shift+Z'); // Zoom to mask (Z is the Zoom tool, as in Photoshop)
    await settleView(page);
    const s = await summary(page);
    expect(s.scale).toBeGreaterThan(before * 2);
    const c = await docToClient(page, SQ1.x + SQ1.s / 2, SQ1.y + SQ1.s / 2);
    const stage = await page.getByTestId('stage').boundingBox();
    expect(Math.abs(c.x - (stage!.x + stage!.width / 2))).toBeLessThan(30);
    await page.keyboard.press('Control+0');
    await settleView(page);
    // No page errors along the way (the tests that shared this app with the brush's checked them there).
    expect(app.errors).toEqual([]);
  });
});
