/**
 * The model choice "Auto" in the real UI: the panel names the model the rules pick and why, the
 * rules are changed in Settings (default model, a rule switched off) and Generate goes where Auto
 * said; the expected time is shown before sending and, after three requests, learned from them.
 * Main runs the real handlers; the SDKs talk to the local protocol servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';
import type { GeminiServer, OpenAIServer } from '../servers';

let app: AppHarness;
let openai: OpenAIServer;
let gemini: GeminiServer;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app, openai, gemini } = cloud);
  await openAndPaint(app, 'coffee.png', 40, [
    [150, 150],
    [350, 150],
  ]);
});
afterAll(() => cloud?.close());

const pick = () => app.page.getByRole('status', { name: 'Auto pick' });
const prompt = () => app.page.getByRole('textbox', { name: 'Prompt', exact: true });

async function generateAndWait(count: number) {
  const page = app.page;
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction((n) => (window as any).__maskworkTest.staging().items.length === n, count, { timeout: 60_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
}

describe('Auto model choice', () => {
  it('names the pick and the reason as the prompt changes, and sends there', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'auto');
    await retype(prompt(), 'change the label to "SALE"');
    await expect.poll(() => pick().textContent()).toBe('Auto picked GPT Image 2 — the prompt asks for text (the quoted text “SALE”)');
    // A change names the text asked for, not the old text it replaces (it said “Car Parks”).
    await retype(prompt(), "change the text from 'Car Parks' to 'Car Park 2'");
    await expect.poll(() => pick().textContent()).toBe('Auto picked GPT Image 2 — the prompt asks for text (the quoted text “Car Park 2”)');
    // Expected time before sending: the published figures until this user has requests of their own.
    await expect.poll(() => page.getByTestId('expected-time').textContent()).toBe('Expected: usually 4–6 s');
    await retype(prompt(), 'a glass vase');
    await expect.poll(() => pick().textContent()).toBe('Auto picked GPT Image 2 — no rule applies: your default model');
    const before = openai.requests.length;
    await generateAndWait(1);
    expect(openai.requests.length).toBe(before + 1);
    expect(openai.requests[before].fields.model).toBe('gpt-image-2');
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('follows the rules changed in Settings: another default model, a rule switched off', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog');
    await chooseOption(page, settings.getByRole('combobox', { name: 'Default model for Auto' }), 'gemini-3.1-flash-image');
    await settings.getByRole('checkbox', { name: /^Rule: the prompt asks for text/ }).click();
    await expect.poll(() => settings.getByRole('checkbox', { name: /^Rule: the prompt asks for text/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Close settings' }).click();
    await retype(prompt(), 'change the label to "SALE"');
    await expect
      .poll(() => pick().textContent())
      .toBe('Auto picked Nano Banana 2 (Gemini 3.1 Flash Image) — no rule applies: your default model');
    const before = gemini.requests.length;
    await generateAndWait(1);
    expect(gemini.requests.length).toBe(before + 1);
    expect(gemini.requests[before].model).toBe('gemini-3.1-flash-image');
    await page.getByRole('button', { name: 'Discard all' }).click();
    // The rules live in main: what Settings saved is what main holds.
    const prefs = await app.services.prefs.get();
    expect(prefs.routing.defaultModel).toBe('gemini-3.1-flash-image');
    expect(prefs.routing.rules.find((r) => r.id === 'text')?.enabled).toBe(false);
  });

  it('learns the expected time from this user’s requests (three are enough)', async () => {
    const page = app.page;
    // Two more Nano Banana 2 requests: three in all at this size.
    for (let i = 0; i < 2; i++) {
      await generateAndWait(1);
      await page.getByRole('button', { name: 'Discard all' }).click();
    }
    await expect
      .poll(() => page.getByTestId('expected-time').textContent(), { timeout: 10_000 })
      .toMatch(/^Expected: usually \d+(–\d+)? s \(learned from your requests\)$/);
    expect(await page.getByTestId('expected-time').getAttribute('title')).toMatch(/^your last 3 requests of this model at this size/);
  });
});
