/**
 * An extended canvas not filled yet, exported as JPEG: the Export dialog says the transparent area
 * becomes white (and which formats keep it) while JPEG is chosen, and the file has it white. It
 * was black bars, unsaid (hands-on H3). Real keys and mouse on building.jpg (868×600).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary } from '../support/page-helpers';

let app: AppHarness;
const NOTE = 'Transparent areas (the unfilled extension) become white in JPEG; choose PNG, WebP, TIFF or PSD to keep them.';

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg', { width: 1500, height: 950 });
});
afterAll(async () => {
  await app?.close();
});

describe('JPEG export of an unfilled extension', () => {
  it('the dialog says it becomes white with JPEG (not with PNG, nor before extending); the file has it white', async () => {
    const page = app.page;
    const open = async () => {
      await page.getByRole('button', { name: 'Export…', exact: true }).click();
      return page.getByRole('dialog', { name: 'Export' });
    };
    let dialog = await open();
    await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
    expect(await dialog.getByTestId('export-transparency-note').count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).canvas.width).toBeGreaterThan(868);
    const { width, height } = (await summary(page)).canvas;

    dialog = await open();
    await dialog.getByRole('radio', { name: 'PNG', exact: true }).click();
    expect(await dialog.getByTestId('export-transparency-note').count()).toBe(0);
    await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
    expect(await dialog.getByTestId('export-transparency-note').textContent()).toBe(NOTE);
    const path = join(app.tmp, 'extended.jpg');
    app.dialogs.saves.push(path);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'extended.jpg' }).waitFor({ timeout: 60_000 });
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([width, height]);
    // The extension lies left and right of the photo: its corners are white.
    for (const x of [2, width - 3]) {
      const i = (Math.floor(height / 2) * width + x) * info.channels;
      expect(
        [...data.subarray(i, i + 3)].every((v) => v >= 252),
        `${x}: ${[...data.subarray(i, i + 3)]}`,
      ).toBe(true);
    }
    expect(app.errors).toEqual([]);
  });
});
