/**
 * Refine… under Settings → Spend cap: main refuses a Refine above the cap (nothing sent), and the
 * strip now says so before the click, in the Generate panel's (and main's) words, with the Refine
 * button disabled; the cap raised, the same Refine goes through. It showed no warning: the click
 * gave an error. Real keys and mouse, a Nano Banana 2 draft refined with GPT Image 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';
import type { OpenAIServer } from '../servers';

let app: AppHarness;
let openai: OpenAIServer;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers({ width: 1400, height: 900 });
  ({ app, openai } = cloud);
  await openAndPaint(app, 'coffee.png', 60, [
    [180, 160],
    [320, 160],
  ]);
});
afterAll(() => cloud?.close());

/** Opens Settings, types `amount` as the daily cap, closes with Esc. */
async function setDailyCap(amount: string) {
  const page = app.page;
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await dialog.waitFor();
  const field = dialog.getByRole('textbox', { name: 'Spend cap per day (USD)' });
  await field.click();
  await field.press('Control+a');
  await field.press('Delete');
  await field.pressSequentially(amount);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

const staged = () => app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

describe('Refine with… and the spend cap', () => {
  it('says the refusal before the click and waits; the cap raised, Refine sends', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gemini-3.1-flash-image');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(staged, { timeout: 60_000 }).toBe(1);
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
    expect(await page.getByRole('combobox', { name: 'Refine with' }).inputValue()).toBe('gpt-image-2');
    const refine = page.getByRole('button', { name: 'Refine', exact: true });
    expect(await refine.isDisabled()).toBe(false);
    expect(await page.getByTestId('refine-cap-warning').count()).toBe(0);

    await setDailyCap('0.05');
    const warning = page.getByTestId('refine-cap-warning');
    await expect
      .poll(() => warning.textContent())
      .toMatch(/^Refine: This request \(≈ \$0\.\d+\) would take today's spend to \$0\.\d+, above your \$0\.050 daily cap\. Raise the cap/);
    expect(await refine.isDisabled()).toBe(true);
    expect(await refine.getAttribute('title')).toMatch(/^This request \(≈ \$0\.\d+\) would take today's spend/);
    const sent = openai.requests.length;
    await refine.click({ force: true });
    await page.waitForTimeout(300);
    expect(openai.requests.length).toBe(sent);
    expect(await staged()).toBe(1);

    await setDailyCap('5');
    await expect.poll(() => warning.count()).toBe(0);
    expect(await refine.isDisabled()).toBe(false);
    await refine.click();
    await expect.poll(staged, { timeout: 60_000 }).toBe(2);
    expect(openai.requests.length).toBe(sent + 1);
  });
});
