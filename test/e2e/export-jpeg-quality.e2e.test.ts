/**
 * Export… as JPEG of a JPEG original: while "Keep the original JPEG data where you did not edit" is
 * ticked, the Quality slider says under it that it is used only when the whole picture must be
 * encoded again (the edited blocks take the original's quality). It said so only after exporting.
 * Unticked, the note goes. Mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg');
}, 120_000);
afterAll(() => app?.close());

describe('JPEG quality with the original data kept', () => {
  it('the slider says it is not used for the kept data; unticked, it does not', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
    const box = dialog.getByRole('checkbox', { name: 'Keep the original JPEG data where you did not edit' });
    if (!(await box.isChecked())) await box.click();
    const slider = dialog.getByRole('slider', { name: 'Quality' });
    const note = dialog.getByTestId('export-quality-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/only when the whole picture is encoded again/);
    // A screen reader hears it with the slider.
    const described = await slider.getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    expect(await note.getAttribute('id')).toBe(described);
    await box.click();
    expect(await box.isChecked()).toBe(false);
    expect(await note.count()).toBe(0);
    expect(await slider.getAttribute('aria-describedby')).toBeNull();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

/** The JPEG's quantisation tables (every DQT segment's bytes): what its quality setting made. */
function quantTables(jpeg: Buffer): string {
  const out: string[] = [];
  for (let i = 2; i + 4 < jpeg.length && jpeg[i] === 0xff; ) {
    const marker = jpeg[i + 1];
    const len = jpeg.readUInt16BE(i + 2);
    if (marker === 0xdb) out.push(jpeg.subarray(i + 4, i + 2 + len).toString('hex'));
    if (marker === 0xda) break;
    i += 2 + len;
  }
  return out.join('|');
}

describe('JPEG quality typed', () => {
  it('the quality is typed in its field and Enter exports with it (the slider alone took many steps)', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
    // The whole picture encoded, so the quality is what its blocks get.
    const box = dialog.getByRole('checkbox', { name: 'Keep the original JPEG data where you did not edit' });
    if (await box.isChecked()) await box.click();
    const field = dialog.getByRole('spinbutton', { name: 'Quality value' });
    await field.click();
    await page.keyboard.press('Control+a');
    await field.pressSequentially('37');
    expect(Number(await dialog.getByRole('slider', { name: 'Quality' }).inputValue())).toBe(37);
    const out = join(app.tmp, 'typed-quality.jpg');
    app.dialogs.saves.push(out);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'typed-quality.jpg' }).waitFor();
    const want = await sharp(join(PHOTOS, 'building.jpg')).jpeg({ quality: 37 }).toBuffer();
    expect(quantTables(readFileSync(out))).toBe(quantTables(want));
    expect(quantTables(readFileSync(out))).not.toBe(
      quantTables(await sharp(join(PHOTOS, 'building.jpg')).jpeg({ quality: 38 }).toBuffer()),
    );
    // Remembered for the next export.
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    expect(await dialog.getByRole('spinbutton', { name: 'Quality value' }).inputValue()).toBe('37');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a quality typed past 100 is marked as out of range while typed, and exports at 100 (the most there is)', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const field = dialog.getByRole('spinbutton', { name: 'Quality value' });
    await field.click();
    await page.keyboard.press('Control+a');
    await field.pressSequentially('150');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Backspace');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await field.pressSequentially('0');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const out = join(app.tmp, 'over-100.jpg');
    app.dialogs.saves.push(out);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'over-100.jpg' }).waitFor();
    const want = await sharp(join(PHOTOS, 'building.jpg')).jpeg({ quality: 100 }).toBuffer();
    expect(quantTables(readFileSync(out))).toBe(quantTables(want));
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    expect(await dialog.getByRole('spinbutton', { name: 'Quality value' }).inputValue()).toBe('100');
    expect(Number(await dialog.getByRole('slider', { name: 'Quality' }).inputValue())).toBe(100);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
