/**
 * Version thumbnails after reopening a project in the same session: paint a wide brush stroke on
 * colorful-cups.jpg, keep one gpt-image-2 result (local protocol server: the masked band one solid
 * colour), Ctrl+S, open another photo, then open the project again with Ctrl+O. The version's
 * thumbnail shows the same picture as before the save (the kept patch was drawn ≈ 2× too large: the
 * reduced copy of its cropped-to-opaque bitmap stood in for the whole patch the project decodes).
 * Real keys and mouse; the thumbnail's pixels are read from its canvas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
let dir: string;

type Thumb = { width: number; height: number; data: number[] };

/** The first version's thumbnail pixels (RGBA), once two reads 250 ms apart agree and it is drawn. */
async function thumbPixels(page: Page): Promise<Thumb> {
  const canvas = page
    .getByRole('region', { name: 'Versions' })
    .getByRole('button', { name: /^Version 1:/ })
    .locator('canvas');
  await canvas.waitFor();
  const read = (): Promise<Thumb> =>
    canvas.evaluate((c: HTMLCanvasElement) => ({
      width: c.width,
      height: c.height,
      data: Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
    }));
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await read();
    const drawn = now.data.some((v, k) => k % 4 !== 3 && v !== 0);
    if (drawn && now.width === last.width && now.data.every((v, k) => v === last.data[k])) return now;
    last = now;
  }
  throw new Error('the version thumbnail never settled');
}

/** Mean absolute difference per channel (RGB) between two thumbnails of the same size. */
function meanDiff(a: Thumb, b: Thumb): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < a.data.length; k++) {
    if (k % 4 === 3) continue;
    sum += Math.abs(a.data[k] - b.data[k]);
    n++;
  }
  return sum / n;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-thumbs-'));
  ({ app, openai } = await launchOpenAIWithPhoto({}));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('version thumbnails of a reopened project', () => {
  it('are the same after Ctrl+S, opening another photo and opening the project again', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg')); // 2560×1600
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'colorful-cups.jpg');
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '160');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [900, 700],
      [1500, 700],
      [1500, 1000],
    ]);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a plain tablecloth');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await waitIdle(page);
    const assetId: string = (await page.evaluate(() => (window as any).__maskworkTest.layerList()))[0].assetId;
    // The patch is large enough for a reduced copy (what a 96-px thumbnail draws).
    await page.waitForFunction((id) => (window as any).__maskworkTest.bitmapLevels(id).reduced !== null, assetId);
    const before = await thumbPixels(page);

    app.dialogs.saves.push(join(dir, 'cups'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'cups.maskwork');
    await waitIdle(page);

    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await waitIdle(page);

    app.dialogs.opens.push(join(dir, 'cups.maskwork'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'cups.maskwork');
    await waitIdle(page);
    expect((await page.evaluate(() => (window as any).__maskworkTest.layerList()))[0].assetId).toBe(assetId);
    const after = await thumbPixels(page);

    expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height });
    // Resampling (full bitmap or its reduced copy) may shift an edge by a pixel: nearly equal.
    expect(meanDiff(before, after)).toBeLessThan(4);
    expect(app.errors).toEqual([]);
  });
});
