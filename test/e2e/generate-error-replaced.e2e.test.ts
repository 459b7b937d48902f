/**
 * A failed Generate's message is replaced by the next Generate's (or Retry's), not stacked under it:
 * a second failure left the first one above the new one (errors went only when a Generate
 * succeeded), a server error over a refusal and its "Retry with …" buttons. Only the latest failure
 * shows, and its Retry buttons send the latest request. Keys and mouse only, GPT Image 2 on a local
 * server that fails once (500), then refuses twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';
import { typeInto } from '../support/real-input';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1500, height: 950 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

const edits = () => openai.requests.filter((r) => r.path.endsWith('/images/edits'));
const idle = () => app.page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 30_000 });

describe('a failed Generate after a failed Generate', () => {
  it('shows only the latest failure, whose Retry buttons send the latest request', async () => {
    const page = app.page;
    const alerts = page.getByRole('alert');
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    openai.script({ status: 500 }, { moderation: true }, { moderation: true });

    await typeInto(page, prompt, 'a red vase');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => alerts.count(), { timeout: 30_000 }).toBe(1);
    await idle();
    const first = await alerts.first().textContent();
    expect(first).not.toMatch(/refused/);

    // A second Generate, another prompt: refused. One message, the new one with its Retry buttons.
    await typeInto(page, prompt, 'a blue bowl');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => edits().length, { timeout: 30_000 }).toBe(2);
    await idle();
    await expect.poll(() => alerts.count()).toBe(1);
    expect(await alerts.first().textContent()).toMatch(/^GPT Image 2 refused this request/);
    const retry = page.getByRole('button', { name: /^Retry with GPT Image 1\.5/ });
    expect(await retry.count()).toBe(1);

    // Its Retry sends the latest request; refused again, that message replaces it.
    await retry.click();
    await expect.poll(() => edits().length, { timeout: 30_000 }).toBe(3);
    // The server records a request when it arrives and its fields once the body is read.
    await expect.poll(() => String(edits()[2].fields.prompt), { timeout: 30_000 }).toContain('a blue bowl');
    expect(edits()[2].fields.model).toBe('gpt-image-1.5');
    await idle();
    await expect.poll(() => alerts.count()).toBe(1);
    expect(await alerts.first().textContent()).toMatch(/^GPT Image 1\.5 refused this request/);
    expect(app.errors).toEqual([]);
  });
});
