/**
 * A rate limit the SDK waits out is said on the progress bar: GPT Image 2 answers 429 with
 * Retry-After 2 s once, the OpenAI SDK waits and tries again (one retry allowed), and while it waits
 * the bar reads "OpenAI is limiting requests: trying again in 2 s" — it read "Waiting for GPT Image 2
 * 41 s · usually 1 s" for a minute with no word of why. Then the candidate arrives as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../servers';
import { launchApp, type AppHarness } from '../support/app-harness';
import { openAndPaint } from '../support/cloud-app';
import { chooseOption, leaveField, retype } from '../support/user-input';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '1', MASKWORK_STREAM: '0' },
  });
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('a rate limit while generating', () => {
  it('the progress bar says the service limits requests and when it tries again; then the candidate arrives', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    openai.script({ status: 429, retryAfter: '2' });
    const sent = openai.requests.length;
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.getByTestId('job-stage').textContent(), { timeout: 10_000, interval: 50 })
      .toBe('OpenAI is limiting requests: trying again in 2 s');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
    expect(openai.requests.slice(sent).map((r) => r.status ?? 200)).toEqual([429, 200]);
    expect(app.errors).toEqual([]);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('a rate limit that outlasts the retries: its message counts the wait down, then says to try again now', async () => {
    const page = app.page;
    openai.script({ status: 429, retryAfter: '3', times: 2 });
    const sent = openai.requests.length;
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).click();
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('[data-testid="toast"][data-kind="rate-limit"]');
    await toast.waitFor({ timeout: 20_000 });
    expect(openai.requests.slice(sent).map((r) => r.status)).toEqual([429, 429]);
    const said = await toast.textContent();
    expect(said).toMatch(/^OpenAI is limiting requests to GPT Image 2; try again in [1-3] s\. Nothing was charged\./);
    // It said "try again in 3 s" for as long as it stayed.
    await expect
      .poll(() => toast.textContent(), { timeout: 10_000, interval: 100 })
      .toMatch(/^OpenAI is limiting requests to GPT Image 2; you can try again now\. Nothing was charged\./);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
    // And a Generate now goes through.
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
    expect(app.errors).toEqual([]);
  });
});
