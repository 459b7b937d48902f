/**
 * Export kept as TIFF and as a layered PSD, chosen in the Batch dialog's Format list with real mouse
 * and keys at 1280×800: the list offered PNG, JPEG and WebP only, while the CLI's `batch --format`
 * writes tif and psd (found by hand, U7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { readPsd } from 'ag-psd';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, type AppHarness } from '../support/app-harness';
import { chooseOption } from '../support/user-input';
import { photosFolder } from '../support/batch-folder';
import { closeBatchApp } from '../support/batch-app';

let app: AppHarness;
let folder: string;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  folder = await photosFolder(app, ['rocket.jpg']);
});
afterAll(() => closeBatchApp(app));

describe('Export kept as TIFF and PSD', () => {
  it('writes rocket-edited.tif and rocket-edited.psd from the Format list', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    app.dialogs.folders.push(folder);
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await d.getByRole('list', { name: 'Images in the new batch' }).getByRole('listitem').first().waitFor();
    await chooseOption(page, d.getByRole('combobox', { name: 'Batch model' }), 'local');
    await d.getByRole('button', { name: 'Start batch' }).click();
    await expect.poll(() => d.getByTestId('batch-state').first().textContent(), { timeout: 120_000 }).toBe('1 of 1 done');
    const grid = d.getByLabel('Batch results');
    await grid.getByRole('button', { name: 'Keep rocket.jpg' }).click();

    const out = join(app.tmp, 'exported');
    await mkdir(out);
    const format = d.getByRole('combobox', { name: 'Batch export format' });
    const exportKept = d.getByRole('button', { name: 'Export kept (1)…' });
    const said = d.getByRole('status', { name: 'Batch export' });
    for (const [value, file, written] of [
      ['tiff', 'rocket-edited.tif', 'tiff'],
      ['psd', 'rocket-edited.psd', 'psd'],
    ] as const) {
      await chooseOption(page, format, value);
      app.dialogs.folders.push(out);
      await exportKept.click();
      await expect.poll(() => readdir(out), { timeout: 30_000 }).toContain(file);
      await expect.poll(() => said.textContent(), { timeout: 30_000 }).toMatch(/^Wrote 1 file/);
      if (written === 'tiff') {
        const m = await sharp(join(out, file)).metadata();
        expect([m.format, m.width, m.height]).toEqual(['tiff', 640, 427]);
      } else {
        const psd = readPsd(await readFile(join(out, file)), { skipLayerImageData: true, skipCompositeImageData: true });
        expect([psd.width, psd.height, psd.children?.length]).toEqual([640, 427, 2]);
      }
    }
    expect(app.errors).toEqual([]);
  }, 240_000);
});
