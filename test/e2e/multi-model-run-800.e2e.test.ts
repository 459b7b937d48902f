/**
 * "Several models at once" running on a 1280×800 window. The models' lines (Waiting…, Done, Failed)
 * and Cancel all models came under the list, below the panel's fold: the footer showed the price and
 * "A job is running", and a person saw nothing of the models until they scrolled. Generate now
 * brings the lines into view. And a rate limit one of the models hit said "try again in 3 s" in its
 * message and on its line for as long as they stayed (a single model's message counts down). Keys
 * and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchCloudWithShortStroke } from '../support/cloud-app';
import { leaveField, retype } from '../support/user-input';
import { seen } from '../support/page-helpers';

let app: AppHarness;
let cloud: CloudApp | undefined;
const GPT = 'GPT Image 2';
const NB2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';

beforeAll(async () => {
  cloud = await launchCloudWithShortStroke();
  ({ app } = cloud);
});
afterAll(() => cloud?.close());

const entry = (model: string) => app.page.locator(`[data-testid="multi-entry"][data-model="${model}"]`);

describe('several models at once, running at 1280×800', () => {
  it('Generate brings the models’ lines and Cancel all models into view while they work', async () => {
    const page = app.page;
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await retype(page.getByRole('spinbutton', { name: `${GPT} candidates` }), '1');
    await retype(page.getByRole('spinbutton', { name: `${NB2} candidates` }), '2');
    await retype(page.getByRole('spinbutton', { name: 'Offline fill candidates' }), '0');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await leaveField(page);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    cloud!.gemini.script({ until: held, times: 2 });
    try {
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      const lines = page.getByRole('status', { name: 'Models asked' });
      await lines.waitFor();
      await expect.poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '').toMatch(/Waiting…|Working…|Starting…/);
      // Whole, in the panel's view (not under its footer) and on top.
      await expect.poll(() => seen(lines), { timeout: 5_000 }).toEqual({ fraction: 1, onTop: true });
      expect((await seen(page.getByRole('button', { name: 'Cancel all models' }))).fraction).toBe(1);
    } finally {
      release();
      cloud!.gemini.clearScript();
    }
    await expect.poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '', { timeout: 60_000 }).toMatch(/Done in/);
    await page.getByRole('button', { name: 'Cancel all models' }).waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('a rate limit one model hits counts its wait down, in its message and on its line', async () => {
    const page = app.page;
    cloud!.openai.script({ status: 429, retryAfter: '3' });
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('[data-testid="toast"][data-kind="rate-limit"]');
    await toast.waitFor({ timeout: 30_000 });
    expect(await toast.textContent()).toMatch(/^OpenAI is limiting requests to GPT Image 2; try again in [1-3] s\. Nothing was charged\./);
    expect(await entry('gpt-image-2').textContent()).toMatch(/Failed: OpenAI is limiting requests to GPT Image 2; try again in [1-3] s\./);
    // It said "try again in 3 s" for as long as it stayed.
    await expect
      .poll(() => toast.textContent(), { timeout: 10_000, interval: 100 })
      .toMatch(/^OpenAI is limiting requests to GPT Image 2; you can try again now\. Nothing was charged\./);
    expect(await entry('gpt-image-2').textContent()).toMatch(/Failed: OpenAI is limiting requests to GPT Image 2; you can try again now\./);
    await expect.poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '', { timeout: 60_000 }).toMatch(/Done in/);
    expect(app.errors).toEqual([]);
  });
});
