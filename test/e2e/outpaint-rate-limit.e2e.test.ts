/**
 * A rate limit on an outpaint tile is said on the progress bar, as on an edit
 * (rate-limit-wait.e2e.test.ts): the canvas is extended by 200 px on the left (one tile, "The
 * extension"), GPT Image 2 answers the tile 429 with Retry-After 2 s once, the OpenAI SDK waits and
 * tries again, and meanwhile the bar reads "The extension · OpenAI is limiting requests: trying again
 * in 2 s" — it read "The extension · waiting for GPT Image 2" with no word of why. Then the candidate
 * arrives as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startOpenAIServer } from '../servers';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '1', MASKWORK_STREAM: '0' },
  });
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('a rate limit while extending', () => {
  it('the progress bar names the tile, says the service limits requests and when it tries again; then the candidate arrives', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await waitIdle(page);
    await leaveField(page);
    await page.keyboard.press('c');
    await retype(page.getByRole('spinbutton', { name: 'Extend left (px)' }), '200');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 800, height: 400 });
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    openai.script({ status: 429, retryAfter: '2' });
    const sent = openai.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('job-stage').textContent(), { timeout: 20_000, interval: 50 })
      .toBe('The extension · OpenAI is limiting requests: trying again in 2 s');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
    expect(openai.requests.slice(sent).map((r) => r.status ?? 200)).toEqual([429, 200]);
    expect(app.errors).toEqual([]);
  });
});
