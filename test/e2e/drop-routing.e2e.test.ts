/**
 * Where dropped files go: on the Batch dialog they join the new batch (every image, each with its
 * mask found by name beside it; a non-image is named); over another dialog nothing replaces the
 * document behind it; several files dropped on the photo open the first and a message names the
 * others. They opened the first in the editor behind any dialog, silently, and the batch stayed
 * empty. Files are dragged from the desktop with Chromium's own drag input (dropFiles).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { dropFiles } from '../support/user-input';
import { copyPhotosWithMasks } from '../support/batch-folder';

let app: AppHarness;
let desk: string;
const toast = (text: string) => app.page.locator('[data-testid="toast"]', { hasText: text });
const openName = async () => (await summary(app.page)).original?.name as string | undefined;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1500, height: 950 });
  desk = join(app.tmp, 'desktop');
  await mkdir(desk, { recursive: true });
  await copyPhotosWithMasks(desk, ['chelsea.png', 'rocket.jpg'], 'dashed');
  await writeFile(join(desk, 'notes.txt'), 'not a photo');
  for (const n of ['chelsea.png', 'rocket.jpg', 'notes.txt']) app.dropSources.push(join(desk, n));
});
afterAll(() => app?.close());

async function dropOn(selector: string, names: string[]): Promise<void> {
  const box = (await app.page.locator(selector).first().boundingBox())!;
  await dropFiles(
    app.context,
    app.page,
    names.map((n) => join(desk, n)),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

describe('dropped files', () => {
  it('on the Batch dialog: every image joins the batch with its mask by name; a non-image is named; the photo stays', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    await d.waitFor();
    await dropOn('.batch-dialog', ['chelsea.png', 'rocket.jpg', 'notes.txt']);
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await list.getByRole('listitem').nth(1).waitFor({ timeout: 15_000 });
    expect(await list.getByRole('listitem').count()).toBe(2);
    expect(await list.textContent()).toContain('chelsea-mask.png');
    expect(await list.textContent()).toContain('rocket-mask.png');
    await expect.poll(() => d.getByRole('alert').textContent()).toContain('notes.txt is not an image');
    expect(await openName()).toBe('coffee.png');
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
  });

  it('over another dialog: nothing is opened, and the message says to close it first', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
    const d = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await d.waitFor();
    await dropOn('.shortcuts-modal', ['rocket.jpg']);
    const said = toast('close the Keyboard shortcuts dialog first');
    await said.waitFor({ state: 'visible' });
    expect(await openName()).toBe('coffee.png');
    // The message is on top of the dialog's dimmed backdrop, readable (it was under it): its own
    // background (#2b2b2b) on screen, not dimmed to ~19, and its × takes the click (the backdrop
    // took it, and closed the dialog).
    const box = (await said.boundingBox())!;
    const png = await page.screenshot({ clip: { x: Math.round(box.x + 4), y: Math.round(box.y + box.height / 2), width: 1, height: 1 } });
    const [r] = await sharp(png).removeAlpha().raw().toBuffer();
    expect(r).toBeGreaterThan(36);
    await said.getByRole('button', { name: 'Dismiss' }).click({ timeout: 5_000 });
    await said.waitFor({ state: 'detached' });
    expect(await d.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
  });

  it('several on the photo: the first opens, the message names the one not opened', async () => {
    await dropOn('[data-testid="stage"]', ['rocket.jpg', 'chelsea.png']);
    await expect.poll(openName, { timeout: 30_000 }).toBe('rocket.jpg');
    await toast('chelsea.png was not opened').waitFor({ state: 'visible' });
    await waitIdle(app.page);
    expect(app.errors).toEqual([]);
  });

  it('over a photo with work on it: the message says the work is kept and Ctrl+Z brings it back, as Ctrl+O', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [320, 210],
    ]);
    await dropOn('[data-testid="stage"]', ['chelsea.png']);
    await expect.poll(openName, { timeout: 30_000 }).toBe('chelsea.png');
    const kept = toast('Your work on rocket.jpg is kept: Ctrl/⌘ Z brings it back.');
    await kept.waitFor({ state: 'visible' });
    await waitIdle(page);
    await page.keyboard.press('Control+z');
    await expect.poll(openName).toBe('rocket.jpg');
    await kept.waitFor({ state: 'detached' });
    // Ctrl+O says the same.
    app.dialogs.opens.push(join(desk, 'chelsea.png'));
    await page.keyboard.press('Control+o');
    await kept.waitFor({ state: 'visible' });
    expect(await openName()).toBe('chelsea.png');
  });
});
