/**
 * What a GPT Image 2 batch costs, with real mouse and keys: the Quality selector starts at
 * Generate's (medium), the price follows it and every request carries it; while the batch runs the
 * queue says which image is out ("Running 1 of 3") and what was spent of the estimate, the status
 * bar's "Spent today" follows each request, and a cancel counts the images it stopped as cancelled.
 * A photo whose mask is another size is named with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { startOpenAIServer, type OpenAIServer } from '../servers';
import { copyPhotosWithMasks } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let openai: OpenAIServer;
let inDir: string;

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-batch-money-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
    viewport: { width: 1600, height: 1000 },
  });
  inDir = join(app.tmp, 'photos');
  await mkdir(inDir);
  await copyPhotosWithMasks(inDir, ['coffee.png', 'desk-stuff.jpg', 'rocket.jpg'], 'dashed');
  // chelsea.png is 451×300; rocket's mask is 640×427.
  await copyFile(join(PHOTOS, 'chelsea.png'), join(inDir, 'chelsea.png'));
  await copyFile(join(PHOTOS, 'rocket.mask-blob.png'), join(inDir, 'chelsea-mask.png'));
});
afterAll(() => closeBatchApp(app, openai));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });
/** The status bar's figure (a read-only probe of what it shows). */
const spentToday = async () => Number((await app.page.getByTestId('spend').getAttribute('data-today')) ?? 'NaN');

describe('Batch with GPT Image 2: quality, spend, cancel', () => {
  it('quality medium by default (priced and sent), Spent today and the queue follow the requests, a cancel counts as cancelled', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = dialog();
    await d.waitFor();
    app.dialogs.folders.push(inDir);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await list.getByRole('listitem').nth(3).waitFor();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gpt-image-2');

    // The quality Generate uses (medium), and the price at it; high costs more.
    const quality = d.getByRole('combobox', { name: 'Batch quality' });
    await quality.waitFor();
    expect(await quality.inputValue()).toBe('medium');
    const price = d.getByRole('status', { name: 'Batch price' });
    // GPT Image 2's price, not the one still shown for Nano Banana 2 until it is in (greyed, busy).
    await expect.poll(() => price.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toMatch(/^3 images · ≈ \$\d+\.\d{3} · 1 cannot be sent$/);
    const mediumText = (await price.textContent()) ?? '';
    const dollars = (t: string) => Number(/\$(\d+\.\d+)/.exec(t)?.[1]);
    await chooseOption(page, quality, 'high');
    await expect.poll(async () => dollars((await price.textContent()) ?? ''), { timeout: 30_000 }).toBeGreaterThan(2 * dollars(mediumText));
    await chooseOption(page, quality, 'medium');
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe(mediumText);
    // The photo that cannot be sent is named.
    expect(await d.getByRole('listitem').filter({ hasText: 'is 640×427 but the photo is' }).textContent()).toMatch(
      /^chelsea\.png: Its mask, chelsea-mask\.png, is 640×427 but the photo is 451×300; a mask must be the size of its photo\. Save a 451×300 mask over chelsea-mask\.png and add the photo again/,
    );

    // The first two requests wait for the test; the third is never reached (cancelled).
    let release1 = () => {};
    let release2 = () => {};
    openai.script({ until: new Promise<void>((r) => (release1 = r)) }, { until: new Promise<void>((r) => (release2 = r)) });
    const spentBefore = await spentToday();
    const sentBefore = openai.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    const spent = d.getByTestId('batch-spent').first();
    await expect.poll(() => openai.requests.length, { timeout: 30_000 }).toBe(sentBefore + 1);
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Running 1 of 3');
    // The request is out: the ledger counted it, and the status bar says so without a Generate.
    await expect.poll(spentToday, { timeout: 10_000 }).toBeGreaterThan(spentBefore);
    await expect.poll(() => spent.textContent(), { timeout: 10_000 }).toMatch(/^Spent \$0\.\d{3} of ≈ \$0\.\d{3}$/);

    release1();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Running 2 of 3 (1 done)');
    await expect.poll(() => openai.requests.length, { timeout: 30_000 }).toBe(sentBefore + 2);
    await d.getByRole('button', { name: 'Cancel batch' }).click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Cancelled: 1 of 3 done, 2 cancelled');
    release2();

    // Two requests were sent: the queue says what they cost, the status bar counted both.
    const spentText = (await spent.textContent()) ?? '';
    const [, spentUsd, estUsd] = /^Spent \$(\d+\.\d{3}) of ≈ \$(\d+\.\d{3})$/.exec(spentText) ?? [];
    expect(Number(spentUsd)).toBeGreaterThan(0);
    expect(Number(spentUsd)).toBeLessThan(Number(estUsd));
    await expect.poll(async () => (await spentToday()) - spentBefore, { timeout: 10_000 }).toBeCloseTo(Number(spentUsd), 3);
    expect(openai.requests.length).toBe(sentBefore + 2);
    expect(openai.requests.slice(sentBefore).map((r) => r.fields.quality)).toEqual(['medium', 'medium']);

    // A finished result not yet kept or discarded reads as ready, not "pending".
    const grid = d.getByLabel('Batch results');
    expect(
      await grid
        .getByRole('figure', { name: /^(coffee|desk-stuff|rocket)\.\w+ result$/ })
        .first()
        .textContent(),
    ).toContain('ready to review');
    await d.getByRole('button', { name: 'Close batch' }).click();
    await d.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  }, 180_000);
});
