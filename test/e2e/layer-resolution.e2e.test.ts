/**
 * Kept layers at the resolution the view needs (issue 9, history memory): zoomed out, a kept patch is
 * drawn from a reduced copy and its full-resolution bitmap is let go (the test sets the budget of
 * full-resolution bitmaps kept beyond need to 0, so every one that is not needed goes); zoomed to
 * 100 % with Ctrl+1 the full resolution is decoded again and the stage shows its exact pixels; fit to
 * screen again and it goes again; a magic-wand click that samples the composite decodes it again and
 * sees the layer, and with Sample: Original the same click sees the photo under it. Driven with real keys and mouse on colorful-cups.jpg (2560×1600).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';
import { startOpenAIServer } from '../servers';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
type Page = AppHarness['page'];
type Size = { width: number; height: number };

const probe = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([f, a]) => (window as any).__maskworkTest[f as string](...(a as unknown[])), [fn, args] as const);
const levels = (page: Page, id: string) => probe<{ full: Size | null; reduced: Size | null }>(page, 'bitmapLevels', id);
const scale = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.summary().scale as number);

const ENV = { OPENAI_API_KEY: 'sk-e2e-test-key-0001', MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' };

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({ viewport: { width: 900, height: 650 }, env: { ...ENV, OPENAI_BASE_URL: openai.url } });
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Opens colorful-cups.jpg, keeps one gpt-image-2 result over a painted rectangle; returns its layer. */
async function keepPanel(page: Page): Promise<{ assetId: string; x: number; y: number }> {
  app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('m');
  await dragPath(page, [
    [930, 550],
    [1630, 1050],
  ]);
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a painted panel');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Keep as layer', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  // The kept candidate stays in the strip, tagged in sentence case like the rest of the UI.
  expect(await page.getByTestId('candidate').first().locator('.kept').textContent()).toBe('Kept');
  await page.keyboard.press('Control+d');
  await waitIdle(page);
  const [layer] = await probe<Array<{ assetId: string; x: number; y: number }>>(page, 'layerList');
  return layer;
}

/**
 * Fitted: the layer gets a reduced copy 1/`factor` of its size; with no budget beyond need its full
 * resolution goes, and the stage still shows the layer's colour at `inside` (from the copy).
 */
async function fittedDrawsCopy(
  page: Page,
  layer: { assetId: string; x: number; y: number },
  factor: number,
  inside: { x: number; y: number },
): Promise<{ full: Size; colour: number[] }> {
  await expect.poll(async () => (await levels(page, layer.assetId)).reduced, { timeout: 10_000 }).not.toBeNull();
  const { full, reduced } = await levels(page, layer.assetId);
  expect(reduced).toEqual({ width: Math.ceil(full!.width / factor), height: Math.ceil(full!.height / factor) });
  // Inside the painted rectangle the patch is opaque: its colour, read from the full resolution.
  const colour = (await probe<number[]>(page, 'bitmapPixel', layer.assetId, inside.x - layer.x, inside.y - layer.y)).slice(0, 3);
  await page.evaluate(() => (window as any).__maskworkTest.setFullKeepBytes(0));
  await expect.poll(async () => (await levels(page, layer.assetId)).full, { timeout: 10_000 }).toBeNull();
  await settleView(page);
  const fitted = await probe<number[]>(page, 'stagePixel', inside.x, inside.y);
  expect(Math.max(...fitted.map((v, i) => Math.abs(v - colour[i])))).toBeLessThanOrEqual(3);
  return { full: full!, colour };
}

describe('kept layers at the resolution the view needs', () => {
  it('zoomed out draws a reduced copy; Ctrl+1 brings the full resolution back; the wand samples it, or the photo under it', async () => {
    const page = app.page;
    const layer = await keepPanel(page);

    // Fitted, the view draws the 2560-px photo at about a fifth: a quarter-size copy is enough.
    await page.keyboard.press('Control+0');
    await settleView(page);
    expect(await scale(page)).toBeLessThan(0.25);
    const inside = { x: 1280, y: 800 };
    const { full, colour } = await fittedDrawsCopy(page, layer, 4, inside);
    expect(full.width).toBeGreaterThan(600);

    // 100 %: the full resolution is decoded again and drawn.
    await page.keyboard.press('Control+1');
    await expect.poll(() => scale(page)).toBe(1);
    await expect.poll(async () => (await levels(page, layer.assetId)).full, { timeout: 10_000 }).toEqual(full);
    await settleView(page);
    expect(await probe<number[]>(page, 'stagePixel', inside.x, inside.y)).toEqual(colour);

    // Fit again: once the full resolution has not been needed for a moment, it goes again.
    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await levels(page, layer.assetId)).full, { timeout: 10_000 }).toBeNull();

    // The magic wand samples the composite at full resolution: it decodes the layer again and selects
    // the painted panel (one colour), not the cups around it.
    await page.keyboard.press('w');
    expect((await summary(page)).tool).toBe('wand');
    const at = await probe<{ x: number; y: number }>(page, 'docToClient', inside.x, inside.y);
    await page.mouse.click(at.x, at.y);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Magic wand');
    expect(await maskValue(page, inside.x, inside.y)).toBe(255);
    expect(await maskValue(page, 1000, 600)).toBe(255);
    expect(await maskValue(page, 800, 400)).toBe(0);
    expect(await maskValue(page, 1080, 900)).toBe(255);
    expect(await maskValue(page, 2000, 1200)).toBe(0);
    expect((await summary(page)).layers).toBe(1);

    // Sample: Original — the same click reads the photo under the panel: the dark cup region it hits
    // (it reaches (2000, 1200), outside the panel), not the panel (a cup of another colour at (1080, 900)).
    await page.keyboard.press('Control+d');
    await chooseOption(page, page.getByRole('combobox', { name: 'Sample' }), 'original');
    await leaveField(page);
    await page.mouse.click(at.x, at.y);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Magic wand');
    await expect.poll(() => maskValue(page, 2000, 1200)).toBe(255);
    expect(await maskValue(page, inside.x, inside.y)).toBe(255);
    expect(await maskValue(page, 1080, 900)).toBe(0);
    await chooseOption(page, page.getByRole('combobox', { name: 'Sample' }), 'composite');
  });
});

describe('on a HiDPI display (devicePixelRatio 2)', () => {
  it('the reduced copy is half size, and the fitted view draws it instead of the full resolution', async () => {
    const hidpi = await launchApp({
      viewport: { width: 900, height: 650 },
      deviceScaleFactor: 2,
      env: { ...ENV, OPENAI_BASE_URL: openai.url },
    });
    const first = app;
    app = hidpi;
    try {
      const page = hidpi.page;
      expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
      const layer = await keepPanel(page);
      await page.keyboard.press('Control+0');
      await settleView(page);
      // Fitted, about a fifth of the photo's pixels per CSS pixel: 0.4 device px per patch px.
      expect(await scale(page)).toBeLessThan(0.25);
      await fittedDrawsCopy(page, layer, 2, { x: 1280, y: 800 });
    } finally {
      app = first;
      await hidpi.close();
    }
  });
});
