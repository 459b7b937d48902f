/**
 * Object select (O) with refining clicks and drags, and select subject (Shift+O), driven like a user on
 * the product photo (test/support/selection-photo.ts): each result is one undo step; Esc cancels a
 * running selection without changing the mask, Ctrl+Z while it runs stands. Last, on a plain photo:
 * a selection that finds nothing leaves the mask as it was and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppHarness } from '../support/app-harness';
import { dragPath, maskValue, settleView, summary } from '../support/page-helpers';
import { E, H, SQ1, SQ2, W, inEllipse, inSquare, launchWithProduct, selectionSteps } from '../support/selection-photo';
import { leaveField } from '../support/user-input';

let app: AppHarness;
const { idle, clickDoc, clear, agreement } = selectionSteps(() => app);

beforeAll(async () => {
  app = await launchWithProduct();
});
afterAll(async () => {
  await app?.close();
});

/** Clears, presses O and drags a rectangle around the lower square with background around it; returns the rectangle. */
async function cutLowerSquare(): Promise<{ x: number; y: number; width: number; height: number }> {
  const page = app.page;
  await clear();
  await page.keyboard.press('o');
  const box = { x: SQ2.x - 60, y: SQ2.y - 60, width: SQ2.s + 120, height: SQ2.s + 120 };
  await dragPath(page, [
    [box.x, box.y],
    [box.x + box.width, box.y + box.height],
  ]);
  await idle();
  await expect.poll(async () => (await summary(page)).label).toBe('Object select');
  return box;
}

describe('object select and select subject', () => {
  it('O and a rectangle around the ellipse select the ellipse only (one step)', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('o');
    expect((await summary(page)).tool).toBe('object');
    const box = { x: E.cx - E.rx - 40, y: E.cy - E.ry - 40, width: 2 * E.rx + 80, height: 2 * E.ry + 80 };
    const before = (await summary(page)).historyLabels.length;
    await dragPath(page, [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ]);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    expect((await summary(page)).historyLabels.length).toBe(before + 1);
    expect(await agreement((x, y) => inEllipse(x, y), box, 10)).toBeGreaterThan(0.98);
    expect(await maskValue(page, SQ1.x + 50, SQ1.y + 50)).toBe(0);
  });

  it('an Alt-click marks "not object": the cut is redone without it, as one more step; undo brings it back', async () => {
    const page = app.page;
    // Mark "not object" in the lower third of the ellipse with a big brush (an Alt drag is a
    // rectangle that subtracts, object-alt-subtract.e2e).
    await leaveField(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press(']');
    const y = E.cy + 170;
    await clickDoc(E.cx, y, ['Alt']);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: not object');
    expect(await maskValue(page, E.cx, y)).toBe(0);
    expect(await maskValue(page, E.cx, E.cy - 100)).toBe(255);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, E.cx, y)).toBe(255);
  });

  it('a Shift-click marks "object": background under it joins the cut, as one more step; undo takes it back', async () => {
    const page = app.page;
    // A rectangle around the lower square with background around it: the cut takes the square alone.
    const box = await cutLowerSquare();
    const above = { x: SQ2.x + SQ2.s / 2, y: SQ2.y - 25 };
    expect(await maskValue(page, above.x, above.y)).toBe(0);
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(255);
    const steps = (await summary(page)).historyLabels.length;
    // Shift-click the background just above the square: "this is part of the object too" (a Shift
    // drag is a rectangle that adds, object-shift-add.e2e; the Shift stroke this test used to paint was one).
    await clickDoc(above.x, above.y, ['Shift']);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: add to object');
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(await maskValue(page, above.x, above.y)).toBe(255);
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(255);
    // Still nothing far from the stroke and the square: the lower corners of the rectangle.
    expect(await maskValue(page, box.x + 8, box.y + box.height - 8)).toBe(0);
    expect(await maskValue(page, box.x + box.width - 8, box.y + box.height - 8)).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, above.x, above.y)).toBe(0);
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(255);
  });

  it('a Shift-drag begun away from the object\'s rectangle adds a second object, as in Photoshop (it painted an "object" stroke)', async () => {
    const page = app.page;
    const box = await cutLowerSquare();
    expect(await maskValue(page, SQ1.x + SQ1.s / 2, SQ1.y + SQ1.s / 2)).toBe(0);
    // The options bar says Add while Shift is held: a rectangle around the upper square adds it, drawn
    // from a corner 30 px outside the first rectangle (within a brush width and a half of it, where a
    // Shift-click is still a hint).
    await page.keyboard.down('Shift');
    const modes = page.getByRole('radiogroup', { name: 'Selection mode' });
    await expect.poll(() => modes.locator('[role="radio"].active').innerText()).toBe('Add');
    await dragPath(page, [
      [SQ1.x + SQ1.s + 40, box.y - 30],
      [SQ1.x - 50, SQ1.y - 50],
    ]);
    await page.keyboard.up('Shift');
    await idle();
    await expect.poll(() => maskValue(page, SQ1.x + SQ1.s / 2, SQ1.y + SQ1.s / 2)).toBe(255);
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(255); // the first object stays
    expect((await summary(page)).label).toBe('Object select');
    expect(await maskValue(page, SQ1.x - 40, SQ1.y - 40)).toBe(0); // the object, not the rectangle
  });

  it('Shift+O selects the subject of the photo with one key', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('Shift+O');
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Select subject');
    // The plain background is out; the ellipse (the largest thing standing out) is in.
    expect(await agreement((x, y) => inEllipse(x, y) || inSquare(SQ1, x, y) || inSquare(SQ2, x, y))).toBeGreaterThan(0.98);
    expect(await maskValue(page, E.cx, E.cy)).toBe(255);
    expect(await maskValue(page, 40, 40)).toBe(0);
  });

  it('Esc while object select runs cancels it: the mask stays as it was', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('o');
    const pixels = await page.evaluate(() => (window as any).__maskworkTest.maskPixels());
    await dragPath(page, [
      [20, 20],
      [W - 20, H - 20],
    ]);
    await page.keyboard.press('Escape');
    await idle();
    await expect
      .poll(async () => (await summary(page)).toasts.map((t: { message: string }) => t.message).join(' | '))
      .toMatch(/Object select cancelled; the mask is unchanged/);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(pixels);
    expect((await summary(page)).label).toBe('Clear mask');
  });

  it('Ctrl+Z while object select runs: the undo stands, the selection is not applied, and a message says so', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('o');
    const before = await summary(page);
    await dragPath(page, [
      [20, 20],
      [W - 20, H - 20],
    ]);
    await page.keyboard.press('Control+z');
    await idle();
    await expect
      .poll(async () => (await summary(page)).toasts.map((t: { message: string }) => t.message).join(' | '))
      .toMatch(/Object select was not applied: the mask changed while it ran/);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels.slice(0, -1));
    expect(after.futureLabels[0]).toBe('Clear mask');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await summary(page)).label).toBe('Clear mask');
  });
});

describe('a selection that finds nothing', () => {
  it('Shift+O on a plain photo and O on a plain rectangle leave the mask as it was and say so', async () => {
    const page = app.page;
    const plain = join(app.tmp, 'plain.png');
    await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 200, b: 196 } } })
      .png()
      .toFile(plain);
    app.dialogs.opens.push(plain);
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('plain.png');
    await settleView(page);
    await page.keyboard.press('m');
    await dragPath(page, [
      [40, 40],
      [120, 100],
    ]);
    const pixels = await page.evaluate(() => (window as any).__maskworkTest.maskPixels());
    expect(pixels).toBeGreaterThan(0);
    const messages = async () => (await summary(page)).toasts.map((t: { message: string }) => t.message).join(' | ');
    await page.keyboard.press('Shift+O');
    await idle();
    await expect.poll(messages).toMatch(/Select subject found nothing that stands out .* The mask is unchanged\./);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(pixels);
    expect((await summary(page)).label).toBe('Rectangle');
    await page.keyboard.press('o');
    await page.getByRole('radio', { name: 'New', exact: true }).click();
    await dragPath(page, [
      [200, 120],
      [330, 250],
    ]);
    await idle();
    await expect.poll(messages).toMatch(/Object select found nothing in the rectangle\. The mask is unchanged\./);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(pixels);
    expect((await summary(page)).label).toBe('Rectangle');
    expect(app.errors).toEqual([]);
  });
});
