/**
 * One mask for all in the Batch dialog, with real mouse and keys at 1280×800: a colour photo chosen
 * as the mask is refused there and then, with what a mask is (it was taken, and the photos were
 * sent with it); Redo on a photo that failed because the mask is another size says what to do,
 * keeps the focus and sends nothing (it was sent again, to fail the same way).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';
import { startGeminiServer, type GeminiServer } from '../servers';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let gemini: GeminiServer;

beforeAll(async () => {
  gemini = await startGeminiServer();
  app = await launchApp({
    env: { GEMINI_API_KEY: 'AIza-e2e-batch-mask-0001', GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' },
    viewport: { width: 1280, height: 800 },
  });
});
afterAll(() => closeBatchApp(app, gemini));

/** The focused element's accessible name (a read-only probe). */
const focusedName = () =>
  app.page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e?.getAttribute('aria-label') ?? e?.textContent ?? null;
  });

describe('One mask for all, checked', () => {
  it('a colour photo is refused as the mask; Redo with a mask of another size says what to do', async () => {
    const page = app.page;
    const folder = join(app.tmp, 'photos');
    await mkdir(folder);
    for (const n of ['coffee.png', 'rocket.jpg', 'coffee.mask-blob.png']) await copyFile(join(PHOTOS, n), join(folder, n));
    const d = page.getByRole('dialog', { name: 'Batch' });
    await page.getByRole('button', { name: /^Batch…/ }).click();
    await d.waitFor();
    app.dialogs.multiOpens.push([join(folder, 'coffee.png'), join(folder, 'rocket.jpg')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await d.getByRole('radio', { name: 'One mask for all' }).click();

    // The photo picked by mistake.
    app.dialogs.opens.push(join(folder, 'rocket.jpg'));
    const choose = d.getByRole('button', { name: 'Choose mask…' });
    await choose.click();
    await expect
      .poll(() => d.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(
        'rocket.jpg is a colour photo, not a mask. A mask is a black-and-white (or grey) image the size of the photos: white marks the area to change, black what stays.',
      );
    expect(await choose.count()).toBe(1);
    expect(await focusedName()).toBe('Choose mask…');

    // The right mask, coffee's (600×400): rocket.jpg (640×427) cannot use it.
    app.dialogs.opens.push(join(folder, 'coffee.mask-blob.png'));
    await page.keyboard.press('Enter');
    await d.getByRole('button', { name: 'Mask: coffee.mask-blob.png' }).waitFor();
    expect(await d.getByRole('alert').count()).toBe(0);
    await expect
      .poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 })
      .toBe('1 image · ≈ $0.067 · 1 cannot be sent');
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 60_000 }).toBe('1 of 2 done, 1 failed');
    const sent = gemini.requests.length;

    const redo = d.getByRole('button', { name: 'Redo rocket.jpg' });
    await redo.click();
    await expect
      .poll(() => d.getByRole('region', { name: 'Batch queue' }).getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(
        'Redo would send rocket.jpg with the same mask, coffee.mask-blob.png, which is 600×400; the photo is 640×427. Save a mask of the photo’s size over coffee.mask-blob.png and press Redo, or start a new batch for rocket.jpg with its own mask.',
      );
    expect(await focusedName()).toBe('Redo rocket.jpg');
    await page.waitForTimeout(500);
    expect(gemini.requests.length).toBe(sent);
    expect(await d.getByTestId('batch-state').first().textContent()).toBe('1 of 2 done, 1 failed');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
