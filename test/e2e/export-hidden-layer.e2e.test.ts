/**
 * Export says when kept layers are hidden: a flat file leaves them out, as the canvas does, and a PSD
 * has them hidden. Found by hand on building.jpg: the one kept fill hidden with its eye to compare,
 * then Export… → PNG wrote the photo without the edit, and nothing said so (the message only lost
 * its "with an edit record"). Real keys and mouse; read-only probes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, toastTexts } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
  await paintGenerateKeep(app.page, 150, 1);
}, 120_000);
afterAll(() => app?.close());

const FLAT =
  'The layer “Offline fill” is hidden, so the PNG leaves it out, as the canvas does: show it (the eye in Layers) to have it in the file.';

describe('Export with a hidden layer', () => {
  it('says so in the dialog, for the format chosen, and after the export', async () => {
    const page = app.page;
    const note = page.getByTestId('export-hidden-note');
    await page.keyboard.press('Control+Alt+Shift+w');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    expect(await note.count()).toBe(0); // every layer shown: nothing to say
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Hide layer Offline fill' }).click();
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    await dialog.getByRole('radio', { name: 'PSD' }).click();
    await expect.poll(() => note.textContent()).toBe('The layer “Offline fill” is hidden: the PSD has it as a hidden layer.');
    await dialog.getByRole('radio', { name: 'PNG' }).click();
    await expect.poll(() => note.textContent()).toBe(FLAT);
    app.dialogs.saves.push(join(app.tmp, 'hidden-layer.png'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await toastTexts(page)).includes(FLAT)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
