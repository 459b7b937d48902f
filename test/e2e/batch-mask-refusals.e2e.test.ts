/**
 * One mask for all in the Batch dialog, with real mouse and keys at 1280×800: a colour photo chosen
 * as the mask is refused there and then, with what a mask is (it was taken, and the photos were
 * sent with it); a photo the mask does not fit is left out at Start, said once with its reason (it
 * also came back as a failed card); Redo on a photo that failed because its mask became another size
 * says what to do, keeps the focus and sends nothing (it was sent again, to fail the same way).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { typeInto } from '../support/real-input';
import { chooseOption } from '../support/user-input';
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
  it('a colour photo is refused as the mask; a photo the mask does not fit is left out at Start, said once', async () => {
    const page = app.page;
    const folder = join(app.tmp, 'photos');
    await mkdir(folder);
    for (const n of ['coffee.png', 'rocket.jpg', 'coffee.mask-blob.png']) await copyFile(join(PHOTOS, n), join(folder, n));
    const d = page.getByRole('dialog', { name: 'Batch' });
    await page.getByRole('button', { name: /^Batch…/ }).click();
    await d.waitFor();
    // Generate is on Offline fill: the batch's model is picked here, as a person does.
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
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
    // Start: rocket.jpg is left out, said once — in the price line, with the reason — not also as a failed card.
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 60_000 }).toBe('1 of 1 done');
    expect(await d.getByLabel('Batch results').getByRole('figure').allInnerTexts()).toHaveLength(1);
    expect(await d.getByRole('figure', { name: 'rocket.jpg result' }).count()).toBe(0);
    expect(await d.getByRole('figure', { name: 'coffee.png result' }).count()).toBe(1);
    expect(await d.getByText('is 600×400 but the photo is 640×427', { exact: false }).count()).toBe(1);
    // Its name, both sizes and what to do (it said only "The mask is 600×400 but the image is 640×427; they must be the same size.").
    expect(
      await d
        .getByRole('listitem')
        .filter({
          hasText:
            /^rocket\.jpg: The mask for all, coffee\.mask-blob\.png, is 600×400 but the photo is 640×427; a mask must be the size of its photo\. Start batch sends the other photos without it: give it a batch of its own with a 640×427 mask, or remove it\.$/,
        })
        .count(),
    ).toBe(1);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('Redo on a photo whose mask became another size while the batch ran says what to do, keeps the focus and sends nothing', async () => {
    const page = app.page;
    const folder = join(app.tmp, 'by-name');
    await mkdir(folder);
    for (const n of ['coffee.png', 'rocket.jpg', 'coffee.mask-blob.png', 'rocket.mask-blob.png'])
      await copyFile(join(PHOTOS, n), join(folder, n));
    const d = page.getByRole('dialog', { name: 'Batch' });
    if (!(await d.isVisible())) {
      await page.getByRole('button', { name: /^Batch…/ }).click();
      await d.waitFor();
      // Generate is on Offline fill: the batch's model is picked here, as a person does.
      await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gemini-3.1-flash-image');
    }
    app.dialogs.multiOpens.push([join(folder, 'coffee.png'), join(folder, 'rocket.jpg')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    await d.getByRole('radio', { name: "Each image's own mask (by name)" }).click();
    await expect
      .poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 })
      .toBe('2 images · ≈ $0.134 · 1 cannot be sent'); // rocket.jpg of the test before is still listed, without a mask
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    // coffee.png's request waits; meanwhile rocket.jpg's mask is saved over with coffee's (600×400).
    let release = () => {};
    gemini.script({ until: new Promise<void>((r) => (release = r)) });
    const before = gemini.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => gemini.requests.length, { timeout: 30_000 }).toBe(before + 1);
    await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(folder, 'rocket.mask-blob.png'));
    release();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 60_000 }).toBe('1 of 2 done, 1 failed');
    const sent = gemini.requests.length;

    const redo = d.getByRole('button', { name: 'Redo rocket.jpg' });
    await redo.click();
    await expect
      .poll(() => d.getByRole('region', { name: 'Batch queue' }).getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe(
        'Redo would send rocket.jpg with the same mask, rocket.mask-blob.png, which is 600×400; the photo is 640×427. Save a mask of the photo’s size over rocket.mask-blob.png and press Redo, or start a new batch for rocket.jpg with its own mask.',
      );
    expect(await focusedName()).toBe('Redo rocket.jpg');
    await page.waitForTimeout(500);
    expect(gemini.requests.length).toBe(sent);
    expect(await d.getByTestId('batch-state').first().textContent()).toBe('1 of 2 done, 1 failed');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
