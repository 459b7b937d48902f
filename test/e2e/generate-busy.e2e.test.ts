/**
 * Ctrl+Enter while a job already runs: no second job is queued or sent, and one message says so and
 * how to stop the running one (it did nothing and said nothing). The message tells the truth: on a
 * cloud model Esc twice cancels the job. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toastTexts } from '../support/page-helpers';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
const job = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.job() as { cancelling: boolean } | null);
const toasts = toastTexts;

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1280, height: 800 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('Generate while a job runs', () => {
  it('queues nothing and says once that a job runs and how to cancel it; Esc twice does cancel it', async () => {
    const page = app.page;
    openai.script({ delayMs: 8000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    // A burst of presses while it runs: one message, no second request.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Enter');
    const said = 'A job is already running (GPT Image 2) — wait for it, or press Esc twice to cancel it.';
    await expect.poll(() => toasts(page)).toContain(said);
    expect((await toasts(page)).filter((t) => t.startsWith('A job is already running'))).toHaveLength(1);
    expect(openai.requests.length).toBe(sent + 1);
    // What it says is so: Esc asks, a second Esc cancels.
    await page.keyboard.press('Escape');
    expect((await job(page))?.cancelling).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await job(page)).toBeNull();
    expect(openai.requests.length).toBe(sent + 1);
    expect(app.errors).toEqual([]);
  });

  it('the note of a result waiting on another step keeps the status bar one line at 1280×800', async () => {
    const page = app.page;
    const bar = page.locator('footer.status-bar');
    const oneLine = (await bar.boundingBox())!.height;
    openai.script({ delayMs: 2000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    // Back before the stroke while the model works: the result waits one step ahead.
    await page.keyboard.press('Control+z');
    const note = page.getByRole('status', { name: 'Candidates waiting' });
    await note.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await note.textContent()).toBe('1 candidate waiting: redo once');
    // The undo said the job goes on (and is charged), how its results come back and how to cancel it.
    const said = (await toasts(page)).filter((t) => t.startsWith('GPT Image 2 keeps working'));
    expect(said).toEqual([
      'GPT Image 2 keeps working: undo does not stop the job (its request is sent and charged). Its results wait for the step it was started on — redo (Ctrl/⌘ Shift Z) back to it to see them. To cancel the job, press Esc twice.',
    ]);
    // It wrapped the photo's name and the last step onto a second line; they give way, cut with ….
    expect((await bar.boundingBox())!.height).toBe(oneLine);
    expect(await page.locator('footer.status-bar .status-last').getAttribute('title')).toBe('Last: Open coffee.png');
    await page.keyboard.press('Control+Shift+z');
    await note.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
