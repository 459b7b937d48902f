/**
 * Recent photos, in the project menu beside the recent projects (Photoshop's Open Recent): the photos
 * opened from a file, newest first; picking one with the keys opens it as Ctrl+O's file would; one
 * that is gone since says so and leaves the list. Keys and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { dropFiles } from '../support/user-input';
import { exportPngByMouse } from '../support/real-input';
import { readFile, stat } from 'node:fs/promises';

let app: AppHarness;
let dir: string;
const openName = async () => (await summary(app.page)).original?.name as string | undefined;
const menu = () => app.page.getByRole('menu', { name: 'Project menu' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-recent-'));
  for (const f of ['coffee.png', 'desk-stuff.jpg', 'building.jpg']) await copyFile(join(PHOTOS, f), join(dir, f));
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openWithCtrlO(path: string, name: string) {
  app.dialogs.opens.push(path);
  await app.page.keyboard.press('Control+o');
  await expect.poll(openName, { timeout: 30_000 }).toBe(name);
  await waitIdle(app.page);
}

/** The items under "Recent photos", once main has answered. */
async function recentPhotoItems(): Promise<string[]> {
  await app.page.getByRole('button', { name: 'Project menu' }).click();
  await menu().waitFor();
  await expect.poll(() => menu().textContent()).not.toContain('Reading…');
  const text = (await menu().textContent()) ?? '';
  const items = await menu().getByRole('menuitem').allTextContents();
  // Items after the "Recent photos" heading, in order.
  const photosAt = text.indexOf('Recent photos');
  return items.filter((t) => text.indexOf(t, photosAt) > photosAt && t !== 'Save As…' && t !== 'Revert');
}

describe('recent photos', () => {
  it('lists the photos opened from a file, newest first; the keys open one as Ctrl+O would', async () => {
    await openWithCtrlO(join(dir, 'coffee.png'), 'coffee.png');
    await openWithCtrlO(join(dir, 'desk-stuff.jpg'), 'desk-stuff.jpg');
    expect(await recentPhotoItems()).toEqual(['desk-stuff.jpg', 'coffee.png']);
    // Focus is on Save As…: End goes to the last item, the oldest photo.
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('Enter');
    await expect.poll(openName, { timeout: 30_000 }).toBe('coffee.png');
    await waitIdle(app.page);
    // Opening an earlier photo is undoable, as with Ctrl+O.
    await app.page.keyboard.press('Control+z');
    await expect.poll(openName).toBe('desk-stuff.jpg');
    expect(await recentPhotoItems()).toEqual(['coffee.png', 'desk-stuff.jpg']);
    await app.page.keyboard.press('Escape');
  });

  it('a photo gone since says so, the document stays, and it leaves the list', async () => {
    await rm(join(dir, 'desk-stuff.jpg'));
    const items = await recentPhotoItems();
    expect(items).toEqual(['coffee.png', 'desk-stuff.jpg']);
    await menu().getByRole('menuitem', { name: 'desk-stuff.jpg' }).click();
    await app.page.locator('[data-testid="toast"]', { hasText: 'desk-stuff.jpg' }).first().waitFor();
    const errors = (await summary(app.page)).toasts.filter((t: { tone: string }) => t.tone === 'error');
    expect(errors.map((t: { message: string }) => t.message).join(' ')).toMatch(/desk-stuff\.jpg/);
    expect(await openName()).toBe('desk-stuff.jpg'); // the open document (undo brought it back) is unchanged
    expect(await recentPhotoItems()).toEqual(['coffee.png']);
    await app.page.keyboard.press('Escape');
  });

  it('a photo dragged from a folder opens from its file: it joins the list and no export overwrites it', async () => {
    const page = app.page;
    const path = join(dir, 'building.jpg');
    const before = await readFile(path);
    // The OS names the dragged file's path (Electron's webUtils in the app; the harness stands in).
    app.dropSources.push(path);
    const box = (await page.getByTestId('stage').boundingBox())!;
    await dropFiles(app.context, page, [path], { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await expect.poll(openName, { timeout: 30_000 }).toBe('building.jpg');
    await waitIdle(page);
    expect(await recentPhotoItems()).toEqual(['building.jpg', 'coffee.png']);
    await page.keyboard.press('Escape');
    // Export over the dragged file: refused, as for a photo opened with Ctrl+O.
    app.dialogs.saves.push(path);
    await exportPngByMouse(page);
    const refusal = page.locator('[data-testid="toast"]', { hasText: 'Refusing to overwrite the original' });
    await refusal.first().waitFor({ timeout: 20_000 });
    expect(await refusal.first().innerText()).toMatch(/building\.jpg/);
    expect(Buffer.compare(await readFile(path), before)).toBe(0);
  });

  it('a project dragged from a folder opens from its file: Ctrl+S writes back to it without asking', async () => {
    const page = app.page;
    app.dialogs.saves.push(join(dir, 'drop-work'));
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await summary(page)).project?.name, { timeout: 15_000 }).toBe('drop-work.maskwork');
    await waitIdle(page);
    await openWithCtrlO(join(dir, 'coffee.png'), 'coffee.png');
    const file = join(dir, 'drop-work.maskwork');
    app.dropSources.push(file);
    const box = (await page.getByTestId('stage').boundingBox())!;
    await dropFiles(app.context, page, [file], { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await expect.poll(openName, { timeout: 30_000 }).toBe('building.jpg');
    await waitIdle(page);
    expect(await page.title()).toBe('drop-work.maskwork — Maskwork');
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 100],
      [200, 100],
    ]);
    expect(await page.title()).toBe('drop-work.maskwork • — Maskwork');
    // No save-dialog answer is queued: asking would fail. The file itself is written again.
    const before = (await stat(file)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await stat(file)).mtimeMs, { timeout: 15_000 }).toBeGreaterThan(before);
    await waitIdle(page);
    expect(await page.title()).toBe('drop-work.maskwork — Maskwork');
  });
});
