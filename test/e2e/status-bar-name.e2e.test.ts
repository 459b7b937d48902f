/**
 * The status bar names the document as the window title does: the project file once it is one (it
 * showed the photo's name, building.jpg, with a .maskwork open — found by hand), and • right after the
 * name while there are changes not saved, for a photo and a project alike (as Photoshop's tab shows
 * *). Real keys and mouse on coffee.png; the save dialog answered by the harness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-status-name-'));
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const name = () => app.page.getByTestId('status-name').innerText();
const marked = () => app.page.getByRole('img', { name: 'Unsaved changes' }).count();

describe('the status bar’s document name', () => {
  it('a photo: its name, • once edited; saved as a project: the project’s name, • again after an edit, gone on undo', async () => {
    const page = app.page;
    expect(await name()).toBe('coffee.png');
    expect(await marked()).toBe(0);
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 100],
      [300, 100],
    ]);
    await expect.poll(marked).toBe(1);
    expect(await page.title()).toBe('coffee.png • — Maskwork');

    app.dialogs.saves.push(join(dir, 'coffee-status'));
    await page.keyboard.press('Control+s');
    await expect.poll(name).toBe('coffee-status.maskwork');
    await waitIdle(page);
    expect(await marked()).toBe(0);
    expect(await page.getByTestId('status-name').getAttribute('title')).toContain('project of coffee.png');

    await dragPath(page, [
      [100, 200],
      [300, 200],
    ]);
    await expect.poll(marked).toBe(1);
    expect(await name()).toBe('coffee-status.maskwork');
    expect(await page.title()).toBe('coffee-status.maskwork • — Maskwork');
    await page.keyboard.press('Control+z'); // back to the saved state: saved
    await expect.poll(marked).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
