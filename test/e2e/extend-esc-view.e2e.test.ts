/**
 * Esc on an extend proposal gives back the view the retoucher had before it. A preset (or a side taken
 * off screen) fits the proposed canvas in the view; Esc dropped the proposal but left that view, so the
 * photo sat small and off-centre. A fitted view fits the photo again; a view they zoomed and panned
 * comes back as it was. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg'); // 2560×1600
});
afterAll(async () => app?.close());

async function view(page: Page) {
  await settleView(page);
  const s = await summary(page);
  return { scale: s.scale as number, offset: s.offset as { x: number; y: number } };
}

async function proposeAndCancel(page: Page) {
  await page.keyboard.press('c');
  await expect.poll(async () => (await summary(page)).tool).toBe('extend');
  await page.getByRole('button', { name: 'Aspect 21:9' }).click();
  await expect.poll(async () => Number(await page.getByRole('spinbutton', { name: 'Extend left (px)' }).inputValue())).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect.poll(async () => Number(await page.getByRole('spinbutton', { name: 'Extend left (px)' }).inputValue())).toBe(0);
}

describe('Esc on an extend proposal', () => {
  it('a fitted photo is fitted again', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0');
    const fitted = await view(page);
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    await expect.poll(async () => (await view(page)).scale, { message: 'the preset fits the proposal' }).toBeLessThan(fitted.scale);
    await page.keyboard.press('Escape');
    expect(await view(page)).toEqual(fitted);
    await page.keyboard.press('b');
    expect(app.errors).toEqual([]);
  });

  it('a zoomed and panned view comes back as it was', async () => {
    const page = app.page;
    await page.keyboard.press('Control+0');
    const at = await docToClient(page, 1800, 500);
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await summary(page)).fitted).toBe(false);
    const zoomed = await view(page);
    await proposeAndCancel(page);
    expect(await view(page)).toEqual(zoomed);
    await page.keyboard.press('b');
    expect(app.errors).toEqual([]);
  });
});
