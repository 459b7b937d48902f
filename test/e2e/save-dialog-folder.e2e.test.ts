/**
 * Where the save dialogs start, as Photoshop's Export As and Save As start beside the document: a
 * photo opened with Ctrl+O from a shoot's folder is exported (Export… → Export) and saved as a
 * project (Ctrl+S) with the dialog in that folder; Save As (Ctrl+Shift+S) of the saved project offers
 * its own name in its own folder. Main passed a bare file name, and the native dialog opened wherever
 * the OS chose — an export landed beside another shoot's files. (The native dialog itself cannot run
 * here: test/unit/main/electron-dialogs.test.ts checks that this folder becomes its `defaultPath`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;
const summary = () => app.page.evaluate(() => (window as any).__maskworkTest.summary());

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-dialog-folder-'));
  await mkdir(join(dir, 'shoot'));
  await mkdir(join(dir, 'projects'));
  await copyFile(join(PHOTOS, 'coffee.png'), join(dir, 'shoot', 'coffee.png'));
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the save dialogs start beside the document', () => {
  it("Export… and the first Ctrl+S start in the photo's folder; Save As in the project's", async () => {
    const page = app.page;
    app.dialogs.opens.push(join(dir, 'shoot', 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 150],
      [260, 170],
    ]);

    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PNG', exact: true }).click();
    app.dialogs.saves.push(join(dir, 'shoot', 'coffee-edited.png'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'coffee-edited.png' }).waitFor({ timeout: 60_000 });
    expect(app.dialogs.asked).toEqual([{ dialog: 'export', name: 'coffee-edited.png', folder: join(dir, 'shoot') }]);

    app.dialogs.saves.push(join(dir, 'projects', 'coffee-work'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'coffee-work.maskwork');
    expect(app.dialogs.asked[1]).toEqual({ dialog: 'project', name: 'coffee.maskwork', folder: join(dir, 'shoot') });

    app.dialogs.saves.push(join(dir, 'projects', 'coffee-copy'));
    await page.keyboard.press('Control+Shift+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'coffee-copy.maskwork');
    expect(app.dialogs.asked[2]).toEqual({ dialog: 'project', name: 'coffee-work.maskwork', folder: join(dir, 'projects') });
    expect((await summary()).unsaved).toBe(false);
    expect(app.errors).toEqual([]);
  });
});
