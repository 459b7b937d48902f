/**
 * JPEG in, JPEG out, with real keys and mouse: building.jpg (baseline, 4:2:0) → brush → offline
 * engine → Keep → Export… as JPEG with "Keep the original JPEG data where you did not edit" (on by
 * default): every pixel outside the kept layer's 16-px MCUs (and the pixel around them) decodes as
 * the original's, and the success message says what was kept. Unticked, the whole picture is
 * re-encoded and pixels far from the edit move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg', { width: 1600, height: 1000 }); // 868×600
});
afterAll(async () => {
  await app?.close();
});

let firstExport = true;

async function exportJpeg(file: string, keep: boolean): Promise<{ path: string; message: string }> {
  const page = app.page;
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const jpeg = dialog.getByRole('radio', { name: 'JPEG', exact: true });
  // With no format chosen yet, a JPEG original's export starts as JPEG (it used to start as PNG).
  if (firstExport) expect(await jpeg.isChecked()).toBe(true);
  firstExport = false;
  await jpeg.click();
  const box = dialog.getByRole('checkbox', { name: 'Keep the original JPEG data where you did not edit' });
  if ((await box.isChecked()) !== keep) await box.click();
  expect(await box.isChecked()).toBe(keep);
  const path = join(app.tmp, file);
  app.dialogs.saves.push(path);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: file }).waitFor({ timeout: 60_000 });
  const toasts = await page.locator('[data-testid="toast"]').allTextContents();
  return { path, message: toasts.join(' | ') };
}

describe('JPEG export keeps the original data', () => {
  it('after an offline edit, only the edited blocks change; unticked, the whole picture is re-encoded', async () => {
    const page = app.page;
    expect(await page.getByRole('dialog', { name: 'Export' }).count()).toBe(0);
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '30');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [300, 250],
      [380, 270],
    ]);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'local');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'remove the window');
    const before = (await summary(page)).layers;
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Keep', exact: true }).click({ timeout: 90_000 });
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n + 1, before);
    // Where the kept layer is opaque at all (read-only probe of main's asset store).
    const layers = await page.evaluate(() => (window as any).__maskworkTest.docLayers());
    const top = layers[layers.length - 1];
    const band = await sharp(await app.services.store.get(top.assetId))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < band.info.height; y++)
      for (let x = 0; x < band.info.width; x++)
        if (band.data[(y * band.info.width + x) * 4 + 3]) {
          x0 = Math.min(x0, top.x + x);
          y0 = Math.min(y0, top.y + y);
          x1 = Math.max(x1, top.x + x + 1);
          y1 = Math.max(y1, top.y + y + 1);
        }
    expect(x1).toBeGreaterThan(x0);
    // Grown to whole 16-px MCUs, plus the pixel the decoder's chroma upsampling reaches.
    const box = {
      x0: Math.floor(x0 / 16) * 16 - 1,
      y0: Math.floor(y0 / 16) * 16 - 1,
      x1: Math.ceil(x1 / 16) * 16 + 1,
      y1: Math.ceil(y1 / 16) * 16 + 1,
    };
    const original = await sharp(join(PHOTOS, 'building.jpg')).raw().toBuffer();
    const moved = async (path: string) => {
      const got = await sharp(path).raw().toBuffer({ resolveWithObject: true });
      expect([got.info.width, got.info.height]).toEqual([868, 600]);
      let outside = 0;
      let inside = 0;
      for (let y = 0; y < 600; y++)
        for (let x = 0; x < 868; x++) {
          const i = (y * 868 + x) * 3;
          const same = got.data[i] === original[i] && got.data[i + 1] === original[i + 1] && got.data[i + 2] === original[i + 2];
          if (same) continue;
          if (x < box.x0 || x >= box.x1 || y < box.y0 || y >= box.y1) outside++;
          else inside++;
        }
      return { outside, inside };
    };
    const kept = await exportJpeg('building-kept.jpg', true);
    expect(kept.message).toMatch(/original's image data was kept wherever you did not edit/);
    const a = await moved(kept.path);
    expect(a.outside).toBe(0);
    expect(a.inside).toBeGreaterThan(100); // the edit is there
    const whole = await exportJpeg('building-whole.jpg', false);
    const b = await moved(whole.path);
    expect(b.outside).toBeGreaterThan(10_000);
  });
});
