/**
 * The price beside Generate names Nano Banana 2 by its short name at 1280×800: "≈ $0.067 (Nano Banana
 * 2, 1K)". With the whole catalogue name, "(Nano Banana 2 (Gemini 3.1 Flash Image), 1K)", the line
 * took three lines of the footer and pushed the Generate panel's controls up under its fold. The Model
 * list keeps the whole name; so do a kept layer's line and its History step ("Keep Nano Banana 2 result":
 * the whole took two lines of History). Keys and mouse only, against the local Gemini protocol server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchCloudWithShortStroke } from '../support/cloud-app';
import { chooseWithKeys } from '../support/real-input';

let app: AppHarness;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchCloudWithShortStroke();
  ({ app } = cloud);
});
afterAll(() => cloud?.close());

describe('the price line with Nano Banana 2 at 1280×800', () => {
  it('names the model short and takes at most two lines', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await chooseWithKeys(page, panel.getByRole('combobox', { name: 'Model' }), 'gemini-3.1-flash-image');
    const price = panel.getByTestId('cost-usd');
    await expect.poll(() => price.textContent()).toMatch(/^≈ \$\d+\.\d{3} \(Nano Banana 2, (512|1K|2K|4K)\)$/);
    const lines = await price.evaluate((e) =>
      Math.round(e.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(e).lineHeight)),
    );
    expect(lines).toBeLessThanOrEqual(2);
    expect(await panel.getByRole('combobox', { name: 'Model' }).getAttribute('title')).toMatch(
      /^Nano Banana 2 \(Gemini 3\.1 Flash Image\)/,
    );
    expect(app.errors).toEqual([]);
  });

  it('kept as a layer, its History step and its layer line name it short too; the tooltip says it whole', async () => {
    const page = app.page;
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).click();
    await page.keyboard.type('a glass vase');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Keep as layer' }).click();
    const history = page.getByTestId('history');
    await expect.poll(() => history.getByText('Keep Nano Banana 2 result', { exact: true }).count()).toBe(1);
    const layers = page.getByRole('region', { name: 'Layers' });
    const line = layers.locator('.layer-name-model');
    await expect.poll(() => line.textContent()).toBe('Nano Banana 2');
    expect(await line.evaluate((e) => e.scrollWidth <= e.clientWidth + 0.5)).toBe(true); // not cut
    const title = await line.evaluate((e) => (e.closest('[title]') as HTMLElement | null)?.title ?? '');
    expect(title).toContain('Nano Banana 2 (Gemini 3.1 Flash Image)');
    expect(app.errors).toEqual([]);
  });
});
