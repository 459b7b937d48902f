/**
 * A JPEG cut short (the first 60 % of building.jpg, as an interrupted download leaves it) opened with
 * Ctrl+O: it was refused outright; it opens as the part that is there, as Photoshop opens it, with a
 * warning that names how many rows are missing, and the export has those rows grey — it does not
 * pass for the whole photo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { exportPngByMouse } from '../support/real-input';
import { truncated } from '../fixtures/bad-images';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('a JPEG cut short', () => {
  it('opens as the part that is there, says how many rows are missing, and exports them grey', async () => {
    const page = app.page;
    const path = join(app.tmp, 'photo.jpg');
    await writeFile(path, truncated(join(PHOTOS, 'building.jpg'), 0.6));
    app.dialogs.opens.push(path);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'photo.jpg');
    await waitIdle(page);
    expect((await summary(page)).original).toMatchObject({ width: 868, height: 600 });
    const warning = page.locator('[data-testid="toast"]', { hasText: 'photo.jpg is damaged' }).first();
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    const rows = Number(/the bottom (\d+) rows are missing — the file stops before its end/.exec(text)?.[1]);
    expect(rows).toBeGreaterThan(150);
    expect(rows).toBeLessThan(300);
    expect(text).toContain('exports have them grey too');

    // Export… as JPEG: no "Keep the original JPEG data" to offer (the original is the part that was there,
    // as a PNG), and the dialog says the JPEG is encoded whole (it offered to keep the cut file's data).
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'JPEG' }).click();
    await dialog.getByText('This JPEG is encoded whole').waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Keep the original JPEG data where you did not edit' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const out = join(app.tmp, 'photo-edited.png');
    app.dialogs.saves.push(out);
    await exportPngByMouse(page);
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'photo-edited.png' }).waitFor({ timeout: 60_000 });
    const { data, info } = await sharp(out).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([868, 600]);
    const bottom = data.subarray((600 - rows) * 868 * 3);
    expect(bottom.every((v) => Math.abs(v - 128) <= 2)).toBe(true);
    expect(app.errors).toEqual([]);
  }, 90_000);
});
