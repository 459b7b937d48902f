/**
 * The outpaint e2e files' steps, by keys and mouse: open a poster made from the test photo, extend it
 * to 21:9 with the extend tool, choose a model, Generate and Keep.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { extendToAspect } from '../../shared/geometry';
import { PHOTOS, type AppHarness } from './app-harness';
import { summary, waitIdle } from './page-helpers';
import { chooseOption, leaveField } from './user-input';

export const SOURCE = join(PHOTOS, 'sign-sports-centre.jpg');

/** Calls the read-only probe `window.__maskworkTest[name](...args)`. */
export const hooks = (page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as any).__maskworkTest[n as string](...(a as unknown[])), [name, args] as const);

/** Makes a W×H PNG poster from the test photo, opens it, and waits until it is the document. */
export async function openPoster(app: AppHarness, name: string, width: number, height: number): Promise<string> {
  const path = join(app.tmp, name);
  await sharp(SOURCE).resize(width, height, { fit: 'cover' }).removeAlpha().png().toFile(path);
  app.dialogs.opens.push(path);
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name);
  await waitIdle(app.page);
  expect((await summary(app.page)).canvas).toEqual({ width, height });
  return path;
}

/** C, anchor centre, 21:9, Apply (button or Enter) → the canvas is 21:9 with the original centred; one 'Extend canvas' step. */
export async function extendTo219(page: Page, width: number, height: number, apply: 'button' | 'enter' = 'button') {
  await leaveField(page);
  await page.keyboard.press('c');
  expect((await summary(page)).tool).toBe('extend');
  await page.getByRole('radio', { name: 'Anchor centre' }).click();
  await page.getByRole('button', { name: 'Aspect 21:9' }).click();
  const ext = extendToAspect({ width, height }, '21:9', 'centre');
  expect(await hooks(page, 'extendPreview')).toEqual({ canvas: ext.canvas, originalAt: ext.originalAt });
  if (apply === 'button') await page.getByRole('button', { name: 'Apply', exact: true }).click();
  else await page.keyboard.press('Enter');
  const s = await summary(page);
  expect(s.canvas).toEqual(ext.canvas);
  expect(Math.abs(s.canvas.width - (s.canvas.height * 21) / 9)).toBeLessThanOrEqual(1);
  expect(s.original).toMatchObject({ x: ext.originalAt.x, y: ext.originalAt.y, width, height });
  expect(s.label).toBe('Extend canvas');
  expect(await hooks(page, 'extendPreview')).toBeNull();
  // Fitted: the whole new canvas is visible.
  const stage = (await page.getByTestId('stage').boundingBox())!;
  expect(s.canvas.width * s.scale).toBeLessThanOrEqual(stage.width);
  expect(s.canvas.height * s.scale).toBeLessThanOrEqual(stage.height);
  expect(s.offset.x).toBeGreaterThanOrEqual(0);
  return ext;
}

/** Chooses `model` in the Model list by keys; resolves once the outpaint estimate has requests. */
export async function chooseModel(page: Page, model: string) {
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), model);
  await page.waitForFunction(() => (window as any).__maskworkTest.outpaintEstimate()?.requests > 0);
}

/** Generate, then Keep; `staged` runs while the candidate is on screen, before Keep. */
export async function runOutpaintAndKeep(page: Page, staged?: () => Promise<void>, layersAfter = 1): Promise<void> {
  const shownBefore: number = await hooks(page, 'editsShown');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.job() === null);
  // On screen: the job ends before the candidate is painted, and `staged` may read the canvas.
  await page.waitForFunction((n) => (window as any).__maskworkTest.editsShown() > n, shownBefore);
  const shown = await hooks(page, 'staging');
  const { canvas } = await summary(page);
  expect(shown.items[0].region).toEqual({ x: 0, y: 0, width: canvas.width, height: canvas.height });
  await staged?.();
  await page.getByRole('button', { name: 'Keep', exact: true }).click();
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layersAfter);
}
