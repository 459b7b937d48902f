/**
 * Extend tool: pixels typed into a side field refit the view when the proposal no longer fits, as a
 * handle dragged past the window or a new anchor does (Left = 500 used to leave only a thin strip of
 * the new area on screen). A value that still fits leaves the view alone. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { leaveField, retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => app?.close());

/** The proposed canvas on screen (stage coordinates) and the stage's size. */
async function proposalOnScreen(page: Page) {
  const s = await summary(page);
  const p = await page.evaluate(() => (window as any).__maskworkTest.extendPreview());
  const stage = (await page.getByTestId('stage').boundingBox())!;
  const left = s.offset.x + p.originalAt.x * -s.scale;
  const top = s.offset.y + p.originalAt.y * -s.scale;
  return { left, top, right: left + p.canvas.width * s.scale, bottom: top + p.canvas.height * s.scale, stage, scale: s.scale as number };
}

describe('typed extend sides', () => {
  it('Left = 500 fits the whole proposal in view; a small value that fits leaves the view alone', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('c');
    expect((await summary(page)).tool).toBe('extend');
    const left = page.getByRole('spinbutton', { name: 'Extend left (px)' });

    const fitted = await summary(page);

    await retype(left, '500');
    await leaveField(page);
    await expect.poll(async () => (await summary(page)).scale).toBeLessThan(fitted.scale);
    const p = await proposalOnScreen(page);
    expect(p.left).toBeGreaterThanOrEqual(-1);
    expect(p.top).toBeGreaterThanOrEqual(-1);
    expect(p.right).toBeLessThanOrEqual(p.stage.width + 1);
    expect(p.bottom).toBeLessThanOrEqual(p.stage.height + 1);

    // A value that still fits the view: nothing moves.
    const before = await summary(page);
    await retype(left, '480');
    await leaveField(page);
    const after = await summary(page);
    expect([after.scale, after.offset]).toEqual([before.scale, before.offset]);
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+0 and Fit with a proposal fit the proposed canvas, every handle on screen; without one, the photo', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('c');
    await page.getByRole('button', { name: '4:1' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.extendPreview()?.canvas.width)).toBe(1600);
    const inView = async () => {
      const p = await proposalOnScreen(page);
      return p.left >= -1 && p.top >= -1 && p.right <= p.stage.width + 1 && p.bottom <= p.stage.height + 1;
    };
    await page.keyboard.press('Control+1');
    await expect.poll(inView).toBe(false);
    await page.keyboard.press('Control+0');
    await expect.poll(inView).toBe(true);
    await page.keyboard.press('Control+1');
    await expect.poll(inView).toBe(false);
    await page.getByRole('button', { name: 'Fit on screen' }).click();
    await expect.poll(inView).toBe(true);
    // Without a proposal, Fit is the photo's as before.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await summary(page)).scale).toBeGreaterThan(1); // 600×400 fitted in 1400×900
    expect(app.errors).toEqual([]);
  });
});
