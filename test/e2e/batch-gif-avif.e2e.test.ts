/**
 * The Batch panel's Add images… takes what Ctrl+O opens: a .gif and an .avif picked there were left
 * out of the list without a word (and the dialog did not offer them). Clicked like a user, with the
 * native dialog's answer scripted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';

let app: AppHarness;
beforeAll(async () => {
  app = await launchApp();
  await sharp(join(PHOTOS, 'coffee.png')).gif().toFile(join(app.tmp, 'coffee.gif'));
  await sharp(join(PHOTOS, 'chelsea.png')).avif({ quality: 80 }).toFile(join(app.tmp, 'chelsea.avif'));
});
afterAll(async () => {
  await app?.close();
});

describe('Batch: Add images…', () => {
  it('lists a .gif and an .avif', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    app.dialogs.multiOpens.push([join(app.tmp, 'coffee.gif'), join(app.tmp, 'chelsea.avif')]);
    await d.getByRole('button', { name: 'Add images…' }).click();
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await list.getByRole('listitem').nth(1).waitFor({ timeout: 10_000 });
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('coffee.gif');
    expect(text).toContain('chelsea.avif');
    expect(app.errors).toEqual([]);
  });
});
