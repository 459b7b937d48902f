/**
 * Recent projects, as a tester used them: a project moved or deleted since it was listed says so
 * when picked and leaves the list (as a recent photo does), and its error goes once that very file is
 * saved again; the project already open, picked again with unsaved changes, stays open as it is —
 * nothing asked, nothing reverted (it asked "Save them before opening another file?", and Don't save
 * silently reverted). Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;
const menu = () => app.page.getByRole('menu', { name: 'Project menu' });
const errors = async (page: Page) =>
  (await summary(page)).toasts.filter((t: { tone: string }) => t.tone === 'error').map((t: { message: string }) => t.message);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-recent-proj-'));
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png', null, {
    timeout: 30_000,
  });
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function saveAs(page: Page, name: string) {
  app.dialogs.saves.push(join(dir, name));
  await page.keyboard.press('Control+Shift+s');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().project?.name === n, name);
  await waitIdle(page);
}

/** The recent projects the ▾ menu lists, once main has answered (the menu is left open). */
async function recentProjects(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Project menu' }).click();
  await menu().waitFor();
  await expect.poll(() => menu().textContent()).not.toContain('Reading…');
  const text = (await menu().textContent()) ?? '';
  const photosAt = text.indexOf('Recent photos');
  const items = await menu().getByRole('menuitem').allTextContents();
  return items.filter((t) => t !== 'Save As…' && t !== 'Revert' && (photosAt < 0 || text.indexOf(t) < photosAt));
}

describe('recent projects', () => {
  it('a project gone since says so, leaves the list, and its error goes when that file is saved again', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [300, 300],
      [420, 310],
    ]);
    await saveAs(page, 'desk-stuff.maskwork');
    await saveAs(page, 'desk-stuff 2.maskwork');
    await rm(join(dir, 'desk-stuff.maskwork'));
    expect(await recentProjects(page)).toEqual(['desk-stuff 2.maskwork', 'desk-stuff.maskwork']);
    await menu().getByRole('menuitem', { name: 'desk-stuff.maskwork', exact: true }).click();
    await page.locator('[data-testid="toast"]', { hasText: 'taken off the recent projects' }).waitFor();
    expect(await errors(page)).toEqual([
      'No such file: “desk-stuff.maskwork” (it may have been moved, renamed or deleted). It was taken off the recent projects.',
    ]);
    expect((await summary(page)).project?.name).toBe('desk-stuff 2.maskwork'); // the open document is unchanged
    expect(await recentProjects(page)).toEqual(['desk-stuff 2.maskwork']);
    await page.keyboard.press('Escape');
    // Saved to that very file again: the error about it is stale and goes.
    await saveAs(page, 'desk-stuff.maskwork');
    await page.locator('[data-testid="toast"]', { hasText: 'Saved desk-stuff.maskwork' }).waitFor();
    expect(await errors(page)).toEqual([]);
  });

  it('the project already open, picked again with unsaved changes: nothing asked, the changes stay', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 150],
      [320, 160],
    ]);
    expect((await summary(page)).unsaved).toBe(true);
    const pixels = await page.evaluate(() => (window as any).__maskworkTest.maskPixels());
    expect(await recentProjects(page)).toEqual(['desk-stuff.maskwork', 'desk-stuff 2.maskwork']);
    await menu().getByRole('menuitem', { name: 'desk-stuff.maskwork', exact: true }).click();
    await page
      .locator('[data-testid="toast"]', { hasText: 'desk-stuff.maskwork is already open, with your unsaved changes' })
      .waitFor({ timeout: 5000 });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect((await summary(page)).unsaved).toBe(true);
    expect(await page.title()).toBe('desk-stuff.maskwork • — Maskwork');
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(pixels);
    // Ctrl+O choosing the same file does the same.
    app.dialogs.opens.push(join(dir, 'desk-stuff.maskwork'));
    await page.keyboard.press('Control+o');
    await page.waitForTimeout(1500);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect((await summary(page)).unsaved).toBe(true);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(pixels);
  });
});
