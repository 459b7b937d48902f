/**
 * The Layers heading says how many rows are scrolled out of sight, as History says its earlier steps:
 * with three kept layers at 1280×800 the list shows three of its five rows, and once the lowest layer
 * was selected the Mask row and the top layer were scrolled away with nothing to say so (found by hand
 * on building.jpg; a hidden scrollbar, as on macOS, says nothing). A click on "▴ 2" scrolls up to them.
 * Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, seen } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 800 });
  for (let i = 0; i < 3; i++) await paintGenerateKeep(app.page, 80 + i * 110, i + 1);
}, 240_000);
afterAll(() => app?.close());

describe('Layers rows out of sight at 1280×800 with three kept layers', () => {
  it('are counted on the heading, and its buttons scroll to them', async () => {
    const page = app.page;
    const layers = page.getByRole('region', { name: 'Layers' });
    const whole = { fraction: 1, onTop: true };
    const maskRow = layers.locator('li[data-layer="mask"]');
    const originalRow = layers.getByRole('button', { name: /^Select original / });
    // The lowest kept layer selected: the list scrolls down to it.
    await layers.getByRole('button', { name: 'Select layer Offline fill', exact: true }).click();
    await expect.poll(async () => (await seen(maskRow)).fraction).toBeLessThan(1);
    const up = layers.getByRole('button', { name: /^\d rows? above: scroll up$/ });
    await expect.poll(() => up.count()).toBe(1);
    await up.click();
    await expect.poll(() => seen(maskRow)).toEqual(whole);
    const down = layers.getByRole('button', { name: /^\d rows? below: scroll down$/ });
    await expect.poll(() => down.count()).toBe(1);
    expect(await up.count()).toBe(0);
    await down.click();
    await expect.poll(() => seen(originalRow)).toEqual(whole);
    await expect.poll(() => down.count()).toBe(0);
    // The keys stay the editor's: B chooses the brush.
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.summary().tool)).toBe('brush');
    expect(app.errors).toEqual([]);
  });
});
