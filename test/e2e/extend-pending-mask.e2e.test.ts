/**
 * An extension proposed (extend tool, a handle dragged or a preset clicked, not applied) over a mask
 * left from before: Ctrl+Enter, Shift+Backspace, the Generate button and "Several models at once"
 * send nothing and say to apply the extension or drop it. Ctrl+Enter ran a paid GPT Image 2 edit of
 * the old mask and left the canvas unextended, the footer silent (hands-on H3). Esc drops the
 * proposal and Generate edits the mask again. While blocked the footer shows no price (it showed the old
 * mask's above the blocker). Real keys and mouse, GPT Image 2 on a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { docToClient, settleView, toastTexts } from '../support/page-helpers';

let app: AppHarness;
let openai: OpenAIServer;
const SAID = 'Apply the extension (Enter) to fill the new area, or drop it (Esc) to edit the mask';
const toasts = toastTexts;
const canvas = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.summary().canvas as { width: number; height: number });

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Drags the proposal's right handle (coffee.png is 600×400) right by `dx` screen px. */
async function dragRight(page: Page, dx: number): Promise<void> {
  await settleView(page);
  const c = await docToClient(page, 600, 200);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + dx, c.y, { steps: 6 });
  await page.mouse.up();
}

describe('Generate with an extension proposed over a leftover mask', () => {
  it('sends nothing (Ctrl+Enter, Shift+Backspace, several models) and names both ways out; Esc, then Generate edits', async () => {
    const page = app.page;
    const sent = openai.requests.length;
    const before = await canvas(page);
    const panel = page.getByRole('region', { name: 'Generate' });
    // Out of the prompt (a click on the panel's title), then C: the extend tool.
    await panel.getByRole('heading', { name: 'Generate' }).click();
    await page.keyboard.press('c');
    await dragRight(page, 80);
    await expect
      .poll(async () => Number(await page.getByRole('spinbutton', { name: 'Extend right (px)' }).inputValue()))
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('generate-blocker').textContent()).toBe(SAID);
    expect(await panel.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
    // No price above it: the old mask's edit is not what Generate would run (it showed "≈ $0.0…").
    expect(await page.getByTestId('cost-usd').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => toasts(page)).toContain(SAID);
    await page.keyboard.press('Shift+Backspace');
    // A preset proposal the same.
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await page.keyboard.press('Control+Enter');
    // Several models at once.
    await page.getByRole('checkbox', { name: 'Several models at once' }).click();
    await expect.poll(() => page.getByTestId('generate-blocker').textContent()).toBe(SAID);
    expect(await page.getByTestId('multi-cost').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(500);
    expect(openai.requests.length).toBe(sent);
    expect(await canvas(page)).toEqual(before);
    await page.getByRole('checkbox', { name: 'Several models at once' }).click();

    // Esc drops the proposal: Generate edits the mask.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('generate-blocker').count()).toBe(0);
    // The mask's edit is what Generate runs again: its price is back.
    await expect.poll(() => page.getByTestId('cost-usd').textContent()).toMatch(/\$\d/);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    expect(app.errors).toEqual([]);
  });
});
