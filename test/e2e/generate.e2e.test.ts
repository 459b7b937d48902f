/**
 * Cloud edits in the real UI: paint → gpt-image-2 → 3 candidates → keep one → undo → redo, with the
 * export bit-identical to the original outside the feather band; a moderation refusal and a
 * cancelled job leave the document unchanged. Main runs the real handlers; the OpenAI SDK talks to
 * the local protocol server, which enforces the service's rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { exportPngByMouse } from '../support/real-input';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype, sliderTo } from '../support/user-input';
import { startGeminiServer, type OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { featherBand } from '../../shared/pixels/patch';
import { formatUsd } from '../../shared/money';

let app: AppHarness;
let openai: OpenAIServer;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
const photo = join(PHOTOS, 'coffee.png'); // 600×400
const hooks = (page: AppHarness['page'], fn: string) => page.evaluate((f) => (window as any).__maskworkTest[f](), fn);

beforeAll(async () => {
  gemini = await startGeminiServer();
  ({ app, openai } = await launchOpenAIWithPhoto({
    photo,
    env: { GEMINI_API_KEY: 'gm-e2e-test-key-0002', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl },
  }));
  await app.page.keyboard.press('b');
  await retype(app.page.getByRole('spinbutton', { name: 'Brush size' }), '40');
  await sliderTo(app.page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(app.page, [
    [150, 150],
    [350, 150],
  ]);
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
  await gemini?.close();
});

/** Picks the model in the Model list by keyboard, types the number of candidates and the prompt. */
async function setUp(page: AppHarness['page'], model: string, prompt: string, n: number) {
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), model);
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), String(n));
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), prompt);
  expect(await page.getByRole('textbox', { name: 'Prompt', exact: true }).inputValue()).toBe(prompt);
}

async function generate(page: AppHarness['page'], model: string, prompt: string, n: number) {
  await setUp(page, model, prompt, n);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
}

describe('cloud edit in the editor', () => {
  it('generates 3 gpt-image-2 candidates, keeps one, undoes and redoes', async () => {
    const page = app.page;
    const before = await summary(page);
    const sentBefore = openai.requests.length;
    await setUp(page, 'gpt-image-2', 'replace the mark with clean wood grain', 3);
    const est = await hooks(page, 'estimate');
    expect(est.usd).toBeGreaterThan(0);
    expect(await page.getByTestId('cost-usd').textContent()).toMatch(/\$/);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
    const sent = openai.requests.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0].status).toBe(200);
    expect(Number(sent[0].fields.n)).toBe(3);
    // The estimate shown before sending matches the request that was made.
    expect(`${est.request.width}x${est.request.height}`).toBe(sent[0].fields.size);
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(3);

    await page.keyboard.press('ArrowRight');
    const staging = await hooks(page, 'staging');
    expect(staging.selected).toBe(1);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    const kept = await summary(page);
    expect(kept.layers).toBe(1);
    expect(kept.label).toMatch(/Keep GPT Image 2/);
    expect(kept.historyLabels).toEqual([...before.historyLabels, before.label]);
    const versions = await hooks(page, 'versions');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ model: 'gpt-image-2', prompt: 'replace the mark with clean wood grain' });
    expect(versions[0].costUsd).toBeGreaterThan(0);
    expect(versions[0].requestSize.width).toBe(est.request.width);

    await page.keyboard.press('Control+z');
    expect((await summary(page)).layers).toBe(0);
    // Undoing the Keep brings its three paid candidates back, the kept one selected.
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(3);
    expect((await hooks(page, 'staging')).selected).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    expect((await summary(page)).layers).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(0);
    expect((await summary(page)).layers).toBe(1);
  });

  it('exports the kept result with every pixel outside the feather band equal to the original', async () => {
    const out = join(app.tmp, 'kept.png');
    app.dialogs.saves.push(out);
    await exportPngByMouse(app.page);
    await waitIdle(app.page);
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(photo).raw().toBuffer({ resolveWithObject: true });
    expect([a.info.width, a.info.height, a.info.channels]).toEqual([b.info.width, b.info.height, b.info.channels]);
    const feather = Number(await app.page.getByTestId('feather').inputValue()); // read-only: in the folded Edge group
    // Keep cleared the mask; Reselect (Ctrl+Shift+D) brings back the one the result was made for (the
    // export does not depend on it; the tests below generate on it again).
    await leaveField(app.page);
    await app.page.keyboard.press('Control+Shift+d');
    expect((await summary(app.page)).label).toBe('Reselect');
    // Distance from the mask as it really is (wherever the stroke landed), by a square dilation.
    const mask: number[] = await app.page.evaluate(() => (window as any).__maskworkTest.maskValues());
    expect(mask.length).toBe(600 * 400);
    const band = featherBand(feather) + 1;
    const near = new Uint8Array(600 * 400);
    for (let y = 0; y < 400; y++)
      for (let x = 0; x < 600; x++) {
        if (!mask[y * 600 + x]) continue;
        for (let yy = Math.max(0, y - band); yy <= Math.min(399, y + band); yy++)
          for (let xx = Math.max(0, x - band); xx <= Math.min(599, x + band); xx++) near[yy * 600 + xx] = 1;
      }
    let outside = 0;
    let inside = 0;
    const offenders: string[] = [];
    const ch = a.info.channels;
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < 600; x++) {
        const i = y * 600 + x;
        const q = i * ch;
        const same = a.data[q] === b.data[q] && a.data[q + 1] === b.data[q + 1] && a.data[q + 2] === b.data[q + 2];
        if (!near[i] && !same) {
          outside++;
          if (offenders.length < 8)
            offenders.push(`(${x},${y}) got ${[...a.data.subarray(q, q + 3)]} want ${[...b.data.subarray(q, q + 3)]}`);
        }
        if (mask[i] === 255 && !same) inside++;
      }
    }
    expect(offenders).toEqual([]);
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(1000);
  });

  it('a moderation refusal names the model, offers another, says nothing was charged, and leaves the document unchanged', async () => {
    const page = app.page;
    const before = await summary(page);
    await app.services.ledger.flushed();
    const ledgerBefore = app.services.ledger.summary().today;
    await generate(page, 'gpt-image-2', 'something the safety system refuses [[moderate]]', 1);
    const toast = page.locator('.toast.error').last();
    // Named as the app names it elsewhere, not by its wire id.
    await expect.poll(() => toast.textContent(), { timeout: 30_000 }).toMatch(/^GPT Image 2 refused this request/);
    await expect.poll(() => page.getByTestId('retry-offer').count()).toBeGreaterThan(0);
    // Each offer says what the click will spend, as the Generate panel would with that model.
    const offers = await page.getByTestId('retry-model').allTextContents();
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) expect(o).toMatch(/^Retry with .+ · (≈ \$\d\.\d{3}|free)$/);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    expect(after.layers).toBe(before.layers);
    expect((await hooks(page, 'staging')).items).toHaveLength(0);
    expect(await toast.textContent()).not.toMatch(/sk-e2e/);
    // Refused (HTTP 400): the ledger took it back, and the message says so — it said nothing of the charge.
    expect(await toast.textContent()).toMatch(/\. Nothing was charged\. Retry the same request on another model:/);
    await app.services.ledger.flushed();
    const ledgerAfter = app.services.ledger.summary().today;
    expect(ledgerAfter.usd).toBeCloseTo(ledgerBefore.usd, 6);
    expect(ledgerAfter.rejected).toBe(ledgerBefore.rejected + 1);
  });

  it('cancel mid-job leaves the document unchanged, and says the request already sent may be charged', async () => {
    const page = app.page;
    const before = await summary(page);
    const spentBefore = (await hooks(page, 'costs')).sessionUsd as number;
    openai.script({ delayMs: 8000 });
    const sent = openai.requests.length;
    await generate(page, 'gpt-image-2', 'a small plant', 1);
    await page.waitForFunction(() => (window as any).__maskworkTest.job()?.jobId);
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    await page.getByRole('button', { name: 'Cancel job', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 10_000 });
    await expect.poll(() => page.locator('.toast.info').last().textContent()).toMatch(/Cancelled/);
    const charged = ((await hooks(page, 'costs')).sessionUsd as number) - spentBefore;
    expect(charged).toBeGreaterThan(0);
    expect(await page.locator('.toast.info').last().textContent()).toContain(
      `Cancelled — the document is unchanged. 1 request was sent and may be charged by OpenAI (≈ ${formatUsd(charged)}, counted in today's spend).`,
    );
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.layers).toBe(before.layers);
    expect((await hooks(page, 'staging')).items).toHaveLength(0);
    openai.clearScript();
  });

  it('Esc asks before cancelling a paid job: the first press tells how, the second cancels', async () => {
    const page = app.page;
    const before = await summary(page);
    openai.script({ delayMs: 8000 });
    await generate(page, 'gpt-image-2', 'a small plant', 1);
    await page.waitForFunction(() => (window as any).__maskworkTest.job()?.jobId);
    await leaveField(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.toast.info').last().textContent()).toMatch(/Press Esc again within 3 s to cancel GPT Image 2/);
    expect(await page.evaluate(() => (window as any).__maskworkTest.job()?.cancelling)).toBe(false);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 10_000 });
    await expect.poll(() => page.locator('.toast.info').last().textContent()).toMatch(/Cancelled/);
    expect((await summary(page)).layers).toBe(before.layers);
    openai.clearScript();
  });

  it('a second Esc just after the job finished keeps its candidates and says so; the next Esc discards', async () => {
    const page = app.page;
    openai.script({ delayMs: 1500 });
    await generate(page, 'gpt-image-2', 'a small plant', 1);
    await page.waitForFunction(() => (window as any).__maskworkTest.job()?.jobId);
    await leaveField(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.toast.info').last().textContent()).toMatch(/Press Esc again within 3 s to cancel GPT Image 2/);
    // The answer comes before the second Esc: the candidate, paid for, is in the strip.
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.toast.info').last().textContent()).toMatch(/^The job finished before your second Esc/);
    expect((await hooks(page, 'staging')).items).toHaveLength(1);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await hooks(page, 'staging')).items.length).toBe(0);
    openai.clearScript();
  });

  it('Nano Banana 2 candidates come back through the same staging', async () => {
    const page = app.page;
    const sentBefore = gemini.requests.length;
    await generate(page, 'gemini-3.1-flash-image', 'a small plant', 2);
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 60_000 });
    expect(gemini.requests.slice(sentBefore).map((r) => r.status)).toEqual([200, 200]);
    await leaveField(page);
    await page.keyboard.press('Escape'); // discard all
    await expect.poll(async () => (await hooks(page, 'staging')).items.length).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
