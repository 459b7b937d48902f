/**
 * Opening a project over a photo with unsaved work. Opening a photo is an undo step (Ctrl+Z brings the
 * last one back), but a project brings its own undo history: a kept result on a photo never saved as a
 * project was gone, with no question and no way back (found by hand, 2026-12-04). Now the app asks
 * Save / Don't save / Cancel first (a dropped project goes through the same question; a file drop
 * from the desktop cannot be made with Playwright's mouse, so only Ctrl+O is driven here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, paintGenerateKeep, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;
let project: string;

async function openPhoto(page: Page, file: string): Promise<void> {
  app.dialogs.opens.push(join(PHOTOS, file));
  await page.keyboard.press('Control+o');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, file);
  await waitIdle(page);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-over-photo-'));
  app = await launchApp();
  const page = app.page;
  // A saved project of building.jpg (one stroke), then coffee.png with a kept result, never saved.
  await openPhoto(page, 'building.jpg');
  await page.keyboard.press('b');
  await dragPath(page, [
    [100, 100],
    [200, 100],
  ]);
  project = join(dir, 'building.maskwork');
  app.dialogs.saves.push(project);
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'building.maskwork');
  await waitIdle(page);
  await openPhoto(page, 'coffee.png');
  await paintGenerateKeep(page, 200, 1);
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a project opened over a photo with unsaved work', () => {
  it('asks first: Cancel (Esc) keeps the photo and its kept layer', async () => {
    const page = app.page;
    expect((await summary(page)).unsaved).toBe(true);
    app.dialogs.opens.push(project);
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor({ timeout: 10_000 });
    expect(await ask.innerText()).toContain('coffee.png has changes that are not saved');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await waitIdle(page);
    const s = await summary(page);
    expect(s.original.name).toBe('coffee.png');
    expect(s.layers).toBe(1);
    expect(s.toasts.filter((t: { tone: string }) => t.tone === 'error')).toEqual([]);
  });

  it('Save writes the photo as a project, then the project opens; the saved work opens again', async () => {
    const page = app.page;
    app.dialogs.opens.push(project);
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor({ timeout: 10_000 });
    const saved = join(dir, 'coffee.maskwork');
    app.dialogs.saves.push(saved);
    await ask.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    await waitIdle(page);
    expect(existsSync(saved)).toBe(true);
    expect((await readFile(saved)).byteLength).toBeGreaterThan(0);
    expect((await summary(page)).project?.name).toBe('building.maskwork');
    // The coffee work is in its file.
    app.dialogs.opens.push(saved);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await waitIdle(page);
    expect((await summary(page)).layers).toBe(1);
  });

  it("Don't save opens the project over the photo", async () => {
    const page = app.page;
    await openPhoto(page, 'coffee.png');
    await paintGenerateKeep(page, 300, 1);
    app.dialogs.opens.push(project);
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor({ timeout: 10_000 });
    await ask.getByRole('button', { name: "Don't save" }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    await waitIdle(page);
    expect((await summary(page)).project?.name).toBe('building.maskwork');
    expect(app.errors).toEqual([]);
  });
});
