/**
 * Export… as JPEG of a JPEG original: while "Keep the original JPEG data where you did not edit" is
 * ticked, the Quality slider says under it that it is used only when the whole picture must be
 * encoded again (the edited blocks take the original's quality). It said so only after exporting.
 * Unticked, the note goes. Mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
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
