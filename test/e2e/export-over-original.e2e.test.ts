/**
 * Exporting over the photo that was opened, with real keys and mouse: a retoucher used to Photoshop
 * (where Ctrl+S writes back into the JPEG) picks the original's own name in the save dialog and
 * confirms Replace. Maskwork refuses, and the file stays as it was — but the message said "Choose
 * another name, or allow overwriting the original explicitly", and the app has no such option
 * anywhere (only the CLI's --overwrite): now it says the original is kept and offers a name that
 * works, and that name exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-export-original-'));
  await copyFile(join(PHOTOS, 'building.jpg'), join(dir, 'building.jpg'));
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function exportTo(path: string): Promise<void> {
  const page = app.page;
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'JPEG', exact: true }).click();
  app.dialogs.saves.push(path);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
}

describe('an export over the opened photo', () => {
  it('is refused with a message that says what to do in the app, and the offered name exports', async () => {
    const page = app.page;
    const original = join(dir, 'building.jpg');
    const before = await readFile(original);
    app.dialogs.opens.push(original);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [300, 250],
      [380, 270],
    ]);

    await exportTo(original);
    const refusal = page.locator('[data-testid="toast"]', { hasText: 'Refusing to overwrite the original' }).first();
    await refusal.waitFor({ timeout: 20_000 });
    const said = await refusal.innerText();
    expect(said).toContain('“building.jpg”');
    expect(said).not.toMatch(/allow overwriting/i); // no such option in the app
    expect(said).toContain('“building-edited.jpg”');
    expect(Buffer.compare(await readFile(original), before)).toBe(0);

    await exportTo(join(dir, 'building-edited.jpg'));
    await page
      .locator('[data-testid="toast"][data-tone="success"]', { hasText: 'building-edited.jpg' })
      .first()
      .waitFor({ timeout: 60_000 });
    expect(Buffer.compare(await readFile(original), before)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
