/**
 * Opening a PSD another program wrote, with Ctrl+O: one with a single layer opens silently as the
 * photo, as Photoshop opens it (it said "its layer is not imported as separate layers"); one with
 * several says plainly that the flattened image opened and its layers were not imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, type AppHarness } from '../support/app-harness';
import { waitIdle } from '../support/page-helpers';
import { foreignPsd } from '../support/psd-fixture';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

async function openWithKeys(name: string, layers: number): Promise<void> {
  await writeFile(join(app.tmp, name), foreignPsd(layers));
  app.dialogs.opens.push(join(app.tmp, name));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name);
  await waitIdle(app.page);
}

describe('opening a PSD', () => {
  it('a single layer opens as the photo without a word; several layers get a plain note', async () => {
    const toasts = app.page.locator('[data-testid="toast"]');
    await openWithKeys('single.psd', 1);
    await app.page.waitForTimeout(300);
    expect(await toasts.allTextContents()).toEqual([]);

    await openWithKeys('photo.psd', 3);
    const note = toasts.filter({ hasText: 'photo.psd' }).first();
    await note.waitFor();
    expect(await note.textContent()).toContain(
      'photo.psd has 3 layers; Maskwork opened the flattened image (its layers are not imported).',
    );
    expect(app.errors).toEqual([]);
  });
});
