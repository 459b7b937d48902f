/**
 * At 1280×720 the Generate panel's controls scroll in a short box and the Model list can be out of
 * view; the cost line in the footer (always in view, next to Generate) names the model and quality
 * for a fill as the extension's line does: "≈ $0.025 (GPT Image 2, medium)" (it said "≈ $0.025" only;
 * hands-on H3). With "Retry until the text is right" ticked, the worst case is on the same line.
 * Real keys and mouse, GPT Image 2 on a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { typeInto } from '../support/real-input';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 720 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Whether the element lies wholly inside the window. */
async function inWindow(page: Page, el: Locator): Promise<boolean> {
  const b = await el.boundingBox();
  const v = page.viewportSize()!;
  return !!b && b.y >= 0 && b.x >= 0 && b.y + b.height <= v.height && b.x + b.width <= v.width;
}

describe('the cost line at 1280×720', () => {
  it('names the model and quality of a fill, in view beside Generate; with text retries on, their worst case too', async () => {
    const page = app.page;
    const line = page.getByTestId('cost-usd');
    await expect.poll(() => line.textContent()).toMatch(/^≈ \$\d+\.\d{3} \(GPT Image 2, medium\)$/);
    expect(await inWindow(page, line)).toBe(true);
    expect(await inWindow(page, page.getByRole('button', { name: 'Generate', exact: true }))).toBe(true);

    await typeInto(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), 'change the text to "SALE 20%"');
    const retry = page.getByRole('checkbox', { name: 'Retry until the text is right' });
    await retry.click();
    expect(await retry.isChecked()).toBe(true);
    const est = await page.evaluate(() => (window as any).__maskworkTest.estimate() as { usd: number });
    await expect
      .poll(() => line.textContent())
      .toBe(`≈ $${est.usd.toFixed(3)} (GPT Image 2, medium) · up to $${(3 * est.usd).toFixed(3)} with 2 text retries`);
    expect(await inWindow(page, line)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
