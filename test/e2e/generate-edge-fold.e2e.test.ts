/**
 * At 1280×800 with GPT Image 2 and a mask, the Generate panel's edge options and its text check are
 * reachable without scrolling: the Edge group is one line that says its values (folded by default, as a
 * Photoshop panel section folds), the Text field beside its name. They were below the fold (the edge
 * rows 48 px and more under it, the Text field's name on a line of its own). Unfolded by a click, the
 * rows show in view, and the fold is remembered after a reload. Keys and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeInView } from '../support/page-helpers';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { typeInto } from '../support/real-input';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('the Generate panel’s edge options and text check at 1280×800', () => {
  it('are in view without scrolling; Edge unfolds in view and stays unfolded', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await panel.getByRole('combobox', { name: 'Quality' }).waitFor({ state: 'visible' });
    const scrollTop = () => panel.locator('.generate-scroll').evaluate((b) => b.scrollTop);
    expect(await scrollTop()).toBe(0);
    const edge = panel.getByRole('button', { name: 'Edge', exact: true });
    expect(await edge.getAttribute('aria-expanded')).toBe('false');
    expect(await wholeInView(edge)).toBe(true);
    // Folded, it still says what the edge options are set to.
    expect(await edge.textContent()).toMatch(/feather 12 · no grow · colour match/);
    const text = panel.getByRole('textbox', { name: 'Text', exact: true });
    expect(await wholeInView(text)).toBe(true);
    // What was in view stays in view: the prompt, the Model list, Quality, the price and Generate.
    for (const el of [
      panel.getByRole('textbox', { name: 'Prompt' }),
      panel.getByRole('combobox', { name: 'Model' }),
      panel.getByRole('combobox', { name: 'Quality' }),
      panel.getByTestId('cost-size'),
      panel.getByTestId('expected-time'),
      panel.getByTestId('cost-usd'),
      panel.getByRole('button', { name: 'Generate', exact: true }),
    ])
      expect(await wholeInView(el)).toBe(true);

    // Unfolded by a click: its rows come into view, and a value typed there shows on the folded line.
    await edge.click();
    expect(await edge.getAttribute('aria-expanded')).toBe('true');
    const feather = panel.getByRole('spinbutton', { name: 'Edge feather (px)' });
    await expect.poll(() => wholeInView(feather)).toBe(true);
    await expect.poll(() => wholeInView(panel.getByRole('spinbutton', { name: 'Grow by (px)' }))).toBe(true);
    await typeInto(page, feather, '20');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edge');
    await page.keyboard.press('Enter'); // folds it again, from the keyboard
    expect(await edge.getAttribute('aria-expanded')).toBe('false');
    expect(await edge.textContent()).toMatch(/feather 20 · /);
    await edge.click();

    // Remembered: unfolded after a reload.
    await page.reload();
    const again = page.getByRole('region', { name: 'Generate' }).getByRole('button', { name: 'Edge', exact: true });
    await again.waitFor({ state: 'visible' });
    expect(await again.getAttribute('aria-expanded')).toBe('true');
    expect(app.errors).toEqual([]);
  });
});
