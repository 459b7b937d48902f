/**
 * At 1280×800 with GPT Image 2 and a mask, what a retoucher checks before Ctrl+Enter is in view
 * without scrolling the Generate panel: Quality (it changes the price), the price beside Generate, and
 * the request's size and expected time. Quality, the size and the time were below the fold (181 px of
 * the panel hidden, only a "More ▾" cue showing them). Keys and mouse only, GPT Image 2 on a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeInView } from '../support/page-helpers';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { chooseWithKeys } from '../support/real-input';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('the Generate panel at 1280×800', () => {
  it('shows Quality, the price, the request size and the expected time without scrolling', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const quality = panel.getByRole('combobox', { name: 'Quality' });
    await quality.waitFor({ state: 'visible' });
    expect(await panel.locator('.generate-scroll').evaluate((b) => b.scrollTop)).toBe(0);
    expect(await wholeInView(panel.getByRole('textbox', { name: 'Prompt' }))).toBe(true);
    expect(await wholeInView(panel.getByRole('combobox', { name: 'Model' }))).toBe(true);
    expect(await wholeInView(quality)).toBe(true);
    const price = panel.getByTestId('cost-usd');
    await expect.poll(() => price.textContent()).toMatch(/^≈ \$\d+\.\d{3} \(GPT Image 2, medium\)$/);
    expect(await wholeInView(price)).toBe(true);
    expect(await wholeInView(panel.getByTestId('cost-size'))).toBe(true);
    expect(await wholeInView(panel.getByTestId('expected-time'))).toBe(true);
    expect(await wholeInView(panel.getByRole('button', { name: 'Generate', exact: true }))).toBe(true);

    // A higher quality, picked by keys where it shows, changes the price in view.
    const before = await price.textContent();
    await chooseWithKeys(page, quality, 'high');
    await expect.poll(() => price.textContent()).toMatch(/^≈ \$\d+\.\d{3} \(GPT Image 2, high\)$/);
    expect(await price.textContent()).not.toBe(before);
    expect(await wholeInView(price)).toBe(true);

    // The offline engine: its request size and time show too.
    await chooseWithKeys(page, panel.getByRole('combobox', { name: 'Model' }), 'local');
    await expect.poll(() => wholeInView(panel.getByTestId('cost-size'))).toBe(true);
    expect(await wholeInView(panel.getByTestId('expected-time'))).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
