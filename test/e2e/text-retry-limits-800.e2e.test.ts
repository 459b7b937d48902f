/**
 * At 1280×800, ticking "Retry until the text is right" at the Generate panel's fold put its limits —
 * "up to 2 more requests", "and at most $" and the worst case — under the panel's footer: a person
 * saw the box ticked and nothing of what it will spend until they scrolled. Ticked, the panel now
 * brings them into view. Wheel and mouse, GPT Image 2 on a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { typeInto } from '../support/real-input';
import { wholeInView } from '../support/page-helpers';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('the text retries’ limits at 1280×800', () => {
  it('come into view when the box is ticked at the fold', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await typeInto(page, panel.getByRole('textbox', { name: 'Prompt', exact: true }), 'change the sign text to "V2.0"');
    const retry = panel.getByRole('checkbox', { name: 'Retry until the text is right' });
    // The wheel over the panel, a little at a time, until the box shows: it is then at the fold, its
    // limits under the footer, as a person scrolling down to it sees it.
    const box = panel.locator('.generate-scroll');
    const b = (await box.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    for (let i = 0; i < 40 && !(await wholeInView(retry)); i++) {
      await page.mouse.wheel(0, 15);
      await page.waitForTimeout(30);
    }
    expect(await wholeInView(retry)).toBe(true);
    expect(await wholeInView(panel.getByRole('spinbutton', { name: 'Retry budget in dollars' }))).toBe(false);
    await retry.click();
    expect(await retry.isChecked()).toBe(true);
    await expect.poll(() => wholeInView(panel.getByRole('spinbutton', { name: 'Retry budget in dollars' }))).toBe(true);
    expect(await wholeInView(panel.getByRole('spinbutton', { name: 'More requests' }))).toBe(true);
    expect(await wholeInView(panel.getByTestId('text-check-worst'))).toBe(true);
    // The box itself stays in view too.
    expect(await wholeInView(retry)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
