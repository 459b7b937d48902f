/**
 * What a retoucher trips on in batches, with real mouse and keys:
 * - after "Cancel batch" the focus stays in the dialog, so Esc still closes it;
 * - the review grid says each photo's state in the queue's words ("running now", "waiting"), never
 *   the stored state's name ("queued", "submitted");
 * - masks named like the test photos' own (`coffee.mask-blob.png`) are masks, not photos; a photo
 *   with several labelled masks is named and not sent until one is picked in its row, then that one is sent;
 * - photo.jpg and photo.png export to two files (`photo-jpg-edited.png`, `photo-png-edited.png`),
 *   and a file already in the export folder is still not replaced (and the message says to choose
 *   another folder or move the file away, not "Choose another name").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { typeInto } from '../support/real-input';
import { startOpenAIServer, type OpenAIServer } from '../servers';
import { copyPhotosWithMasks } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  openai = await startOpenAIServer();
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-batch-retoucher-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
    viewport: { width: 1600, height: 1000 },
  });
});
afterAll(() => closeBatchApp(app, openai));

const dialog = () => app.page.getByRole('dialog', { name: 'Batch' });
/** Whether the focused element is inside the Batch dialog (a read-only probe). */
const focusInDialog = () =>
  app.page.evaluate(
    () => !!document.activeElement?.closest('[role="dialog"][aria-label="Batch"]') && document.activeElement !== document.body,
  );

async function openBatchWithFolder(folder: string, count: number) {
  await app.page.getByRole('button', { name: /^Batch…/ }).click();
  const d = dialog();
  await d.waitFor();
  app.dialogs.folders.push(folder);
  await d.getByRole('button', { name: 'Add folder…' }).click();
  const list = d.getByRole('list', { name: 'Images in the new batch' });
  await list
    .getByRole('listitem')
    .nth(count - 1)
    .waitFor();
  expect(await list.getByRole('listitem').count()).toBe(count);
  return { d, list };
}

describe('Batch: what a retoucher trips on', () => {
  it('the grid in the queue’s words while it runs; after Cancel batch the focus stays in the dialog and Esc closes it', async () => {
    const page = app.page;
    const inDir = join(app.tmp, 'run');
    await mkdir(inDir);
    await copyPhotosWithMasks(inDir, ['coffee.png', 'desk-stuff.jpg', 'rocket.jpg']);
    const { d, list } = await openBatchWithFolder(inDir, 3);
    // The test photos' own mask names: each photo's one labelled mask, found by name.
    expect(await list.textContent()).toContain('coffee.mask-blob.png');
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'gpt-image-2');
    await expect.poll(() => d.getByRole('status', { name: 'Batch price' }).textContent(), { timeout: 30_000 }).toMatch(/^3 images · ≈ \$/);

    // The first request waits for the test; the others are never sent (cancelled).
    let release = () => {};
    openai.script({ until: new Promise<void>((r) => (release = r)) });
    const sent = openai.requests.length;
    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => openai.requests.length, { timeout: 30_000 }).toBe(sent + 1);
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Running 1 of 3');
    const grid = d.getByLabel('Batch results');
    const caption = (name: string) =>
      grid
        .getByRole('figure', { name: `${name} result` })
        .locator('figcaption')
        .textContent();
    await expect.poll(() => caption('coffee.png'), { timeout: 10_000 }).toBe('coffee.png · running now');
    expect(await caption('desk-stuff.jpg')).toBe('desk-stuff.jpg · waiting');
    expect(await grid.textContent()).not.toMatch(/\b(queued|submitted|pending)\b/);

    const cancel = d.getByRole('button', { name: 'Cancel batch' });
    await cancel.click();
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('Cancelled: 0 of 3 done, 3 cancelled');
    await expect.poll(() => cancel.count(), { timeout: 10_000 }).toBe(0);
    release();
    // Said once: it used to read "cancelled — Cancelled before a result arrived."
    expect(await caption('rocket.jpg')).toBe('rocket.jpg · cancelled');
    // The Cancel button is gone; the focus is on the batch's line in the queue, so Esc closes the dialog as before.
    expect(await focusInDialog()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await d.getByRole('button', { name: /^3 images · / }).textContent(),
    );
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('photo.jpg and photo.png export to two files; several labelled masks are not guessed; an existing file is not replaced', async () => {
    const page = app.page;
    const inDir = join(app.tmp, 'same-stem');
    await mkdir(inDir);
    await copyFile(join(PHOTOS, 'chelsea.png'), join(inDir, 'photo.png'));
    await sharp(join(PHOTOS, 'chelsea.png')).jpeg({ quality: 90 }).toFile(join(inDir, 'photo.jpg'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(inDir, 'photo.mask-blob.png'));
    await copyFile(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-box.png'), join(inDir, 'coffee.mask-box.png'));
    await copyFile(join(PHOTOS, 'smarties.png'), join(inDir, 'smarties.png'));
    for (const m of ['blob', 'box', 'thin']) await copyFile(join(PHOTOS, `smarties.mask-${m}.png`), join(inDir, `smarties.mask-${m}.png`));

    // Four photos: none of the six masks is listed as one.
    const { d, list } = await openBatchWithFolder(inDir, 4);
    const rows = await list.getByRole('listitem').allTextContents();
    expect(rows.slice(0, 3).map((r) => r.replace(/×$/, ''))).toEqual([
      'coffee.pngcoffee.mask-box.png',
      'photo.jpgphoto.mask-blob.png',
      'photo.pngphoto.mask-blob.png',
    ]);
    // smarties.png's row asks which of its masks, none chosen.
    const which = list.getByRole('combobox', { name: 'Mask for smarties.png' });
    expect(await which.inputValue()).toBe('');
    expect(await which.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('3 masks, which one?');
    await typeInto(page, d.getByRole('textbox', { name: 'Batch prompt' }), 'remove the object');
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'local');
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('3 images · $0.000 — free (offline) · 1 cannot be sent');
    expect(await d.getByRole('listitem').filter({ hasText: 'smarties.png: It has 3 masks' }).textContent()).toMatch(
      /smarties\.mask-blob\.png, smarties\.mask-box\.png, smarties\.mask-thin\.png/,
    );
    await d.getByRole('button', { name: 'Remove smarties.png' }).click();
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('3 images · $0.000 — free (offline)');
    // Its × went away under the focus: the dialog takes the focus back (Esc would still close it).
    await expect.poll(focusInDialog, { timeout: 5_000 }).toBe(true);

    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('3 of 3 done');
    const grid = d.getByLabel('Batch results');
    for (const n of ['coffee.png', 'photo.jpg', 'photo.png']) {
      const keep = grid.getByRole('button', { name: `Keep ${n}` });
      await keep.click();
      await expect.poll(() => keep.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    }

    const out = join(app.tmp, 'same-stem-export');
    await mkdir(out);
    await writeFile(join(out, 'coffee-edited.png'), 'there before');
    app.dialogs.folders.push(out);
    await d.getByRole('button', { name: 'Export kept (3)…' }).click();
    const written = d.getByRole('status', { name: 'Batch export' });
    await expect
      .poll(() => written.textContent(), { timeout: 30_000 })
      .toMatch(
        /^Wrote 2 files to .*\. Not replaced, already there: coffee-edited\.png\. To export it, choose another folder, or move that file away and export again\.$/,
      );
    // It said "… already exists and was not replaced. Choose another name." — a batch export chooses a folder, not names.
    expect(await written.textContent()).not.toMatch(/another name/);
    expect((await readdir(out)).sort()).toEqual(['coffee-edited.png', 'photo-jpg-edited.png', 'photo-png-edited.png']);
    expect(await readFile(join(out, 'coffee-edited.png'), 'utf8')).toBe('there before');
    const m = await sharp(join(out, 'photo-jpg-edited.png')).metadata();
    expect([m.width, m.height]).toEqual([451, 300]);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('"3 masks, which one?" is a list: the mask picked in the row is priced and sent for that photo', async () => {
    const page = app.page;
    const inDir = join(app.tmp, 'several-masks');
    await mkdir(inDir);
    await copyFile(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-box.png'), join(inDir, 'coffee.mask-box.png'));
    await copyFile(join(PHOTOS, 'smarties.png'), join(inDir, 'smarties.png'));
    for (const m of ['blob', 'box', 'thin']) await copyFile(join(PHOTOS, `smarties.mask-${m}.png`), join(inDir, `smarties.mask-${m}.png`));
    const { d, list } = await openBatchWithFolder(inDir, 2);
    const prompt = d.getByRole('textbox', { name: 'Batch prompt' });
    if (!(await prompt.inputValue())) await typeInto(page, prompt, 'remove the object');
    const model = d.getByRole('combobox', { name: 'Batch model' });
    if ((await model.inputValue()) !== 'local') await chooseOption(page, model, 'local');
    const price = d.getByRole('status', { name: 'Batch price' });
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('1 image · $0.000 — free (offline) · 1 cannot be sent');
    expect(await d.getByRole('listitem').filter({ hasText: 'smarties.png: It has 3 masks' }).textContent()).toMatch(
      /choose the one to use in its row above/,
    );

    // The box mask (top left of the photo), picked with the mouse and keys.
    const which = list.getByRole('combobox', { name: 'Mask for smarties.png' });
    await chooseOption(page, which, 'smarties.mask-box.png');
    await expect.poll(() => price.textContent(), { timeout: 30_000 }).toBe('2 images · $0.000 — free (offline)');
    expect(await d.getByRole('listitem').filter({ hasText: 'smarties.png: It has 3 masks' }).count()).toBe(0);
    // The question is gone from the list: the choice stays, another can be picked.
    expect(await which.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.textContent))).toEqual([
      'smarties.mask-blob.png',
      'smarties.mask-box.png',
      'smarties.mask-thin.png',
    ]);

    // Arrows on the closed list, one after another as a person's quick taps (thin, box, blob, box):
    // each pick is shown at once and the last one is what goes out (main's answer to an earlier
    // pick set the row back to it while the arrows went on, and the next arrow moved from there).
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowDown']) await page.keyboard.press(key);
    await expect.poll(() => which.inputValue(), { timeout: 5_000 }).toBe('smarties.mask-box.png');
    await page.waitForTimeout(300);
    expect(await which.inputValue()).toBe('smarties.mask-box.png');

    await d.getByRole('button', { name: 'Start batch' }).click();
    const state = d.getByTestId('batch-state').first();
    await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('2 of 2 done');
    // Read-only probe: the smarties result is not the thin mask's (it reaches the right edge, x 412), so
    // not a guess; which mask went out exactly is pinned in test/unit/batch/batch-mask-checks.test.ts.
    const region = await page.evaluate(async () => {
      const r = await (window as any).maskwork.batch.list({});
      const item = r.value[0].items.find((i: { name: string }) => i.name === 'smarties.png');
      return item?.result?.region;
    });
    expect(region.x + region.width).toBeLessThan(413);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached', timeout: 5_000 });
    expect(app.errors).toEqual([]);
  }, 180_000);
});
