/**
 * A folder where one photo has no mask, at 1280×800 with real mouse and keys: the price says "1
 * cannot be sent" and Start batch is on, so Start sends the others; the one without a mask stays
 * in the list with its reason, to be put right. Start refused the whole batch with that photo's
 * reason (in red under the same reason already listed), and nothing was sent.
 * Start batch waits for the price of the photos just added ("Working out the price…"): it was on
 * before the price was shown; after a change of model the last model's price is greyed until the
 * new one is in (it read as the new model's). What an export wrote is said under the batch it came from; under the next batch it read as that
 * batch's ("Wrote 1 file…" beside "Export kept (0)…"). The queue's line says the batch's prompt: two
 * batches of as many photos with one model read the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';
import { chooseOption, retype } from '../support/user-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;
const NO_MASK = 'IMG_20261205_143512_cups.jpg';

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: { GEMINI_API_KEY: 'AIza-e2e-batch-unsent-0001', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(() => closeBatchApp(app, gemini));

type StartSeen = { rows: number; on: boolean; price: string | null; why: string | null };
/**
 * A read-only probe: records, at every change of the dialog, the rows listed, whether Start batch is
 * on, the price shown and why it is off.
 */
function watchStart(box: Element): void {
  const seen: StartSeen[] = [];
  (window as unknown as { __startSeen: StartSeen[] }).__startSeen = seen;
  const note = () => {
    const start = [...box.querySelectorAll('button')].find((b) => b.textContent === 'Start batch');
    seen.push({
      rows: box.querySelectorAll('[aria-label="Images in the new batch"] > li').length,
      on: !!start && !start.disabled,
      price: box.querySelector('[aria-label="Batch price"]')?.textContent ?? null,
      why: box.querySelector('[data-testid="batch-blocker"]')?.textContent ?? null,
    });
  };
  new MutationObserver(note).observe(box, { subtree: true, childList: true, attributes: true, characterData: true });
  note();
}

describe('Batch with a photo that cannot be sent', () => {
  it('Start sends the others; the photo without a mask stays in the list with its reason', async () => {
    const page = app.page;
    const folder = await photosFolder(app, ['coffee.png', 'rocket.jpg']);
    await copyFile(join(PHOTOS, 'colorful-cups.jpg'), join(folder, NO_MASK));
    const d = page.getByRole('dialog', { name: 'Batch' });
    const rows = d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem');
    await page.getByRole('button', { name: /^Batch…/ }).click();
    await d.waitFor();
    // Generate is on Offline fill: the batch's model is picked here, as a person does.
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    // The prompt first, then the photos: Start batch waits for their price ("Working out the price…").
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await d.evaluate(watchStart);
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await rows.nth(2).waitFor();
    const price = d.getByRole('status', { name: 'Batch price' });
    const priced = '2 images · ≈ $0.134 · 1 cannot be sent';
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe(priced);
    const start = d.getByRole('button', { name: 'Start batch' });
    expect(await start.isDisabled()).toBe(false);
    // Every state the dialog went through: never on with the photos listed and their price not shown.
    const seen = await page.evaluate(() => (window as unknown as { __startSeen: StartSeen[] }).__startSeen);
    expect(seen.some((x) => x.rows === 3 && x.why === 'Working out the price…')).toBe(true);
    expect(seen.filter((x) => x.rows === 3 && x.on && x.price !== priced)).toEqual([]);
    // Another model: until its price is in, the one shown is greyed and busy, and Start waits.
    const model = d.getByRole('combobox', { name: 'Batch model' });
    await chooseOption(page, model, 'gemini-3-pro-image');
    expect(await price.getAttribute('aria-busy')).toBe('true');
    expect(await price.evaluate((e) => Number(getComputedStyle(e).opacity))).toBeLessThan(1);
    expect(await start.isDisabled()).toBe(true);
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · ≈ $0.268 · 1 cannot be sent');
    expect(await price.getAttribute('aria-busy')).toBe('false');
    await chooseOption(page, model, 'gemini-3.1-flash-image');
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe(priced);

    await start.click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 60_000 }).toBe('2 of 2 done');
    expect(gemini.requests.length).toBe(2);
    expect(await d.getByRole('alert').count()).toBe(0);
    // Left in the list, said why, and nothing more to start.
    expect((await rows.allTextContents()).map((r) => r.replace(/×$/, ''))).toEqual([`${NO_MASK}no mask found`]);
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('Nothing to send: this image cannot be sent (see why below)');
    // Said once: the price line, then the photo's own reason; no note beside Start batch saying it again.
    expect(await d.getByTestId('batch-blocker').count()).toBe(0);
    const startOff = d.getByRole('button', { name: 'Start batch' });
    expect(await startOff.isDisabled()).toBe(true);
    expect(await startOff.getAttribute('aria-describedby')).toBe('batch-price');
    expect(await d.getByText(/cannot be sent|can be sent/).count()).toBe(1);
    expect(
      await d
        .getByRole('listitem')
        .filter({ hasText: `No mask for ${NO_MASK}` })
        .count(),
    ).toBe(1);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('what an export wrote is said under its own batch, not under the next one; the queue tells batches apart by prompt', async () => {
    const page = app.page;
    const d = page.getByRole('dialog', { name: 'Batch' });
    const folder = join(app.tmp, 'photos');
    await d.getByRole('button', { name: 'Keep coffee.png' }).click();
    const exportKept = d.getByRole('button', { name: 'Export kept (1)…' });
    await exportKept.waitFor();
    const out = join(app.tmp, 'out');
    await mkdir(out);
    app.dialogs.folders.push(out);
    await exportKept.click();
    const said = d.getByRole('status', { name: 'Batch export' });
    await expect.poll(() => said.textContent(), { timeout: 30_000 }).toMatch(/^Wrote 1 file/);

    // The same photos again: a second batch, shown in the grid once started.
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').nth(2).waitFor();
    await expect
      .poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 })
      .toBe('2 images · ≈ $0.134 · 1 cannot be sent');
    // Another prompt: the queue's lines tell the two batches apart by it (both read "2 images · Nano Banana 2 · now").
    await retype(d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the rocket');
    await d.getByRole('button', { name: 'Start batch' }).click();
    const lines = d.getByRole('region', { name: 'Batch queue' }).getByRole('listitem');
    await expect
      .poll(() => lines.allTextContents(), { timeout: 60_000 })
      .toEqual([
        expect.stringMatching(/^2 images · Nano Banana 2 \(Gemini 3\.1 Flash Image\) · now · “remove the rocket”2 of 2 done/),
        expect.stringMatching(/^2 images · Nano Banana 2 \(Gemini 3\.1 Flash Image\) · now · “remove the object”2 of 2 done/),
      ]);
    await d.getByRole('button', { name: 'Export kept (0)…' }).waitFor();
    expect(await said.count()).toBe(0);
    // Back on the first batch, it is said again.
    await d
      .getByRole('button', { name: /^2 images · / })
      .nth(1)
      .click();
    await expect.poll(() => said.textContent(), { timeout: 10_000 }).toMatch(/^Wrote 1 file/);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
