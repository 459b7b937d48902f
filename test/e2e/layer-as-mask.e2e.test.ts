/**
 * Ctrl+click on a layer's thumbnail loads its pixels as the mask, as Photoshop loads a layer's
 * transparency as the selection (it did nothing): one undo step named in History; Ctrl+Shift+click
 * adds, Ctrl+Alt+click subtracts. A kept Offline fill result is the layer; mouse and keys only, the
 * mask read through the test probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let painted = 0;
const maskPixels = () => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels() as number);
const label = async () => (await summary(app.page)).label as string;
const thumb = () => app.page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: /^Move layer/ });

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1500, height: 950 });
  const page = app.page;
  await page.keyboard.press('b');
  await dragPath(page, [
    [600, 400],
    [760, 430],
  ]);
  painted = await maskPixels();
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.getByRole('button', { name: 'Keep', exact: true }).click({ timeout: 60_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  await waitIdle(page);
}, 120_000);
afterAll(() => app?.close());

describe('Ctrl+click on a layer thumbnail', () => {
  it('loads the layer as the mask, adds and subtracts with Shift and Alt, each one undo step', async () => {
    const page = app.page;
    expect(painted).toBeGreaterThan(0);
    // After a Keep the mask is empty (cleared, as a kept result's mask is).
    await expect.poll(maskPixels).toBe(0);

    await thumb().click({ modifiers: ['Control'] });
    await expect.poll(label).toBe('Load layer as mask');
    const loaded = await maskPixels();
    // The kept result covers what was painted (its edge feathered a little wider).
    expect(loaded).toBeGreaterThan(painted * 0.8);
    expect(await maskValue(page, 10, 10)).toBe(0);

    await thumb().click({ modifiers: ['Control', 'Alt'] });
    await expect.poll(label).toBe('Subtract layer from mask');
    expect(await maskPixels()).toBe(0);

    await thumb().click({ modifiers: ['Control', 'Shift'] });
    await expect.poll(label).toBe('Add layer to mask');
    expect(await maskPixels()).toBe(loaded);

    await page.keyboard.press('Control+z');
    await expect.poll(label).toBe('Subtract layer from mask');
    expect(app.errors).toEqual([]);
  });

  it('then the arrows nudge the loaded mask with a selection tool (they moved the layer); the original’s thumbnail loads its area', async () => {
    const page = app.page;
    await page.keyboard.press('m');
    await thumb().click({ modifiers: ['Control'] });
    await expect.poll(label).toBe('Load layer as mask');
    await page.keyboard.press('ArrowUp');
    await expect.poll(label).toBe('Nudge mask');

    const photo = (await summary(page)).original;
    await page.getByTitle("Ctrl/⌘+click: the original's area as the mask").click({ modifiers: ['Control'] });
    await expect.poll(label).toBe('Load original as mask');
    expect(await maskPixels()).toBe(photo.width * photo.height);
  });
});
