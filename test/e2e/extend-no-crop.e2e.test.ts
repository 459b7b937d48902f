/**
 * The extend tool (C — Photoshop's crop key and icon) only adds to the canvas, and says so when asked
 * to crop: a handle dragged inside the photo, or a side typed below 0. A tester found it silent — the
 * handle did not move, "-100" went back to 0. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, settleView, summary } from '../support/page-helpers';

let app: AppHarness;
const NO_CROP = 'cropping is not available';

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg'); // 2560×1600
});
afterAll(async () => app?.close());

const noCropToast = (page: Page) => page.locator('[data-testid="toast"]', { hasText: NO_CROP });
const side = (page: Page, name: string) => page.getByRole('spinbutton', { name: `Extend ${name} (px)` });

describe('extend tool and cropping', () => {
  it('a handle dragged inside the photo says cropping is not available; the canvas is unchanged', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0');
    await settleView(page);
    await page.keyboard.press('c');
    await expect.poll(async () => (await summary(page)).tool).toBe('extend');
    // A click on the right edge (no drag) says nothing.
    const e = await docToClient(page, 2560, 800);
    await page.mouse.move(e.x, e.y);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await noCropToast(page).count()).toBe(0);
    // Dragged 120 px inward, as Photoshop's crop tool would crop.
    await page.mouse.move(e.x, e.y);
    await page.mouse.down();
    await page.mouse.move(e.x - 120, e.y, { steps: 6 });
    await page.mouse.up();
    await noCropToast(page).waitFor({ timeout: 5000 });
    expect(await side(page, 'right').inputValue()).toBe('0');
    expect((await summary(page)).canvas).toEqual({ width: 2560, height: 1600 });
    await noCropToast(page).getByRole('button', { name: 'Dismiss' }).click();
    await noCropToast(page).waitFor({ state: 'detached' });
  });

  it('a side typed below 0 says so too, and shows 0', async () => {
    const page = app.page;
    const left = side(page, 'left');
    await left.click();
    await page.keyboard.press('Control+a');
    await left.pressSequentially('-100');
    await page.keyboard.press('Enter');
    await noCropToast(page).waitFor({ timeout: 5000 });
    expect(await left.inputValue()).toBe('0');
    expect((await summary(page)).canvas).toEqual({ width: 2560, height: 1600 });
    // Adding still works: 200 on the left, Enter applies it.
    await left.click();
    await page.keyboard.press('Control+a');
    await left.pressSequentially('200');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 2760, height: 1600 });
    expect(app.errors).toEqual([]);
  });
});
