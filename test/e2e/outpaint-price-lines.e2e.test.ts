/**
 * The outpaint's price line beside "More ▾" at 1280×800: "1 request · ≈ $0.106 (GPT Image 2, medium)"
 * took three lines (the More button's 21 px float narrowed the second line too), and a Nano Banana
 * model's whole name or the offline engine's "… on this computer" as many. It takes two at most, for
 * every model. Real keys and mouse (found by hand on colorful-cups.jpg).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { waitIdle } from '../support/page-helpers';
import { chooseWithKeys } from '../support/real-input';
import { startGeminiServer, startOpenAIServer, type GeminiServer, type OpenAIServer } from '../servers';

let app: AppHarness;
let openai: OpenAIServer;
let gemini: GeminiServer;

beforeAll(async () => {
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  app = await launchApp({
    viewport: { width: 1280, height: 800 },
    env: {
      OPENAI_API_KEY: 'sk-e2e-test-key-0001',
      OPENAI_BASE_URL: openai.url,
      GEMINI_API_KEY: 'AIza-e2e-test-key-000001',
      GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    },
  });
  app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
  await gemini?.close();
});

describe('the outpaint price line at 1280×800', () => {
  it('takes two lines at most beside More ▾, for every model', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    await page.keyboard.press('Enter'); // apply
    const panel = page.getByRole('region', { name: 'Generate' });
    await expect.poll(() => panel.getByRole('button', { name: 'Generate' }).getAttribute('title')).toMatch(/^Fill the extended canvas/);
    const line = page.getByTestId('outpaint-estimate');
    const lineHeight = await line.evaluate((e) => Number.parseFloat(getComputedStyle(e).lineHeight));
    const seen: Record<string, string> = {};
    for (const model of ['gpt-image-2', 'gpt-image-1-mini', 'gemini-3.1-flash-image', 'gemini-3-pro-image', 'local']) {
      await chooseWithKeys(page, panel.getByRole('combobox', { name: 'Model' }), model);
      await expect.poll(() => line.getAttribute('data-requests')).not.toBeNull();
      const text = await line.innerText();
      const lines = Math.round((await line.boundingBox())!.height / lineHeight);
      seen[model] = `${text} [${lines}]`;
    }
    expect(seen).toEqual({
      'gpt-image-2': '1 request · ≈ $0.106 (GPT Image 2, medium) [2]',
      'gpt-image-1-mini': '2 requests · ≈ $0.036 (GPT Image 1 mini, medium) [2]',
      'gemini-3.1-flash-image': '1 request · ≈ $0.101 (Nano Banana 2) [2]',
      'gemini-3-pro-image': '1 request · ≈ $0.134 (Nano Banana Pro) [2]',
      local: '1 candidate · $0.000 — free (offline) [2]',
    });
    expect(app.errors).toEqual([]);
  });
});
