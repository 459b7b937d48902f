/**
 * File › Revert (F12, or Revert in the ▾ project menu), as in Photoshop: since reopening the open
 * project keeps it as it is, there was no way back to the last saved state. Revert asks first (its
 * focus on Revert; Esc keeps everything), then reloads the project from its file — or a photo never
 * saved as a project from its image file — as an undo step that Ctrl+Z takes back (a project's revert
 * replaced the whole history with the file's, and its unsaved steps were gone). With nothing to
 * revert to it is off and says why. Real keys and mouse.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;
type Page = AppHarness['page'];
const maskPixels = (page: Page): Promise<number> => page.evaluate(() => (window as any).__maskworkTest.maskPixels());
const toasts = async (page: Page): Promise<string> => JSON.stringify((await summary(page)).toasts);
const dialog = (page: Page) => page.getByRole('alertdialog', { name: 'Revert' });
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);
const revertItem = (page: Page) => page.getByRole('menu', { name: 'Project menu' }).getByRole('menuitem', { name: 'Revert' });

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(() => app?.close());

describe('File › Revert', () => {
  it('with no photo, F12 says there is nothing to revert', async () => {
    const page = app.page;
    await page.keyboard.press('F12');
    await expect.poll(() => toasts(page)).toContain('Open a photo first: there is nothing to revert.');
    expect(await dialog(page).count()).toBe(0);
  });

  it('a photo: off until it changes; F12 asks (Esc keeps the edit), Revert reopens the file, Ctrl+Z brings the edit back', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await page.getByRole('button', { name: 'Project menu' }).click();
    expect(await revertItem(page).isDisabled()).toBe(true);
    expect(await revertItem(page).getAttribute('title')).toBe('coffee.png has no changes since it was opened: there is nothing to revert.');
    await page.keyboard.press('Escape');
    // Only words typed in the prompt box: the title has its •, and F12 says the words are the change
    // it does not take back — "no changes" beside the • read as wrong (found by hand).
    const prompt = page.getByRole('textbox', { name: 'Prompt' });
    await prompt.click();
    await prompt.pressSequentially('a red mug');
    await leaveField(page);
    await expect.poll(() => page.title()).toBe('coffee.png • — Maskwork');
    await page.keyboard.press('F12');
    await expect
      .poll(() => toasts(page))
      .toContain(
        'coffee.png has no changes since it was opened, only words typed in the prompt box (the •), which Revert does not take back',
      );
    expect(await dialog(page).count()).toBe(0);
    await prompt.click();
    await prompt.press('Control+a');
    await prompt.press('Delete');
    await leaveField(page);
    await expect.poll(() => page.title()).toBe('coffee.png — Maskwork');
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 150],
      [350, 150],
    ]);
    const painted = await maskPixels(page);
    expect(painted).toBeGreaterThan(0);
    await page.keyboard.press('F12');
    await dialog(page).waitFor();
    // A photo's revert is an undo step: the focus is on the highlighted Revert, as F12 reverts at once in Photoshop.
    expect(await focused(page)).toBe('Revert');
    expect(await dialog(page).getByRole('button', { name: 'Revert', exact: true }).getAttribute('class')).toBe('primary');
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect(await maskPixels(page)).toBe(painted);
    await page.keyboard.press('F12');
    await dialog(page).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => maskPixels(page)).toBe(0);
    await waitIdle(page);
    expect(await toasts(page)).toContain('Reverted to coffee.png as it is on disk');
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskPixels(page)).toBe(painted);
  });

  it('a project: Revert in the menu reloads its last save, an undo step: Ctrl+Z brings the changes back, redo reverts again', async () => {
    const page = app.page;
    const path = join(app.tmp, 'coffee.maskwork');
    app.dialogs.saves.push(path);
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await summary(page)).unsaved).toBe(false);
    const saved = await maskPixels(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 300],
      [400, 300],
    ]);
    const changed = await maskPixels(page);
    expect(changed).toBeGreaterThan(saved);
    expect((await summary(page)).unsaved).toBe(true);
    await page.getByRole('button', { name: 'Project menu' }).click();
    expect(await revertItem(page).getAttribute('title')).toBe('Back to coffee.maskwork as last saved, after asking (F12)');
    await revertItem(page).click();
    await dialog(page).waitFor();
    expect(await dialog(page).textContent()).toMatch(/Your changes since are set aside: Ctrl\/⌘ Z brings them back/);
    // An undo step, as a photo's: the focus is on the highlighted Revert.
    expect(await focused(page)).toBe('Revert');
    expect(await dialog(page).getByRole('button', { name: 'Revert', exact: true }).getAttribute('class')).toBe('primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => maskPixels(page)).toBe(saved);
    await waitIdle(page);
    let s = await summary(page);
    expect(s.unsaved).toBe(false);
    expect(s.project?.path).toBe(path);
    expect(await toasts(page)).toContain('Reverted to the last saved coffee.maskwork (Ctrl/⌘ Z brings your changes back).');
    // Ctrl+Z: the stroke made after the save is back, unsaved (the file's history replaced this
    // session's, and Ctrl+Z went to a step before the save); redo reverts again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskPixels(page)).toBe(changed);
    s = await summary(page);
    expect(s.unsaved).toBe(true);
    expect(s.project?.path).toBe(path);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => maskPixels(page)).toBe(saved);
    s = await summary(page);
    expect(s.unsaved).toBe(false);
    expect(s.historyLabels.at(-1)).toBe('Brush stroke'); // the step before the revert: the stroke
    expect(s.label).toBe('Revert to coffee.maskwork');
    // Nothing left to revert: F12 says so.
    await page.keyboard.press('F12');
    await expect.poll(() => toasts(page)).toContain('coffee.maskwork has no unsaved changes: there is nothing to revert.');
    expect(await dialog(page).count()).toBe(0);
  });

  it('a photo that fell off the recent photos (ten others opened since): Revert still reads its own file', async () => {
    const page = app.page;
    const name = async () => (await summary(page)).original?.name;
    app.dialogs.opens.push(join(PHOTOS, 'desk-stuff.jpg'));
    await page.keyboard.press('Control+o');
    await expect.poll(name).toBe('desk-stuff.jpg');
    await waitIdle(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 100],
      [300, 100],
    ]);
    const painted = await maskPixels(page);
    expect(painted).toBeGreaterThan(0);
    // Ten other photos, each to the top of the recent photos: desk-stuff.jpg is off the list (it keeps ten).
    const others = ['building.jpg', 'chelsea.png', 'colorful-cups.jpg', 'cork-texture.png', 'gimp-splash.png'];
    others.push('imagemagick-logo.png', 'rocket.jpg', 'seeding-grass.jpg', 'sign-sports-centre.jpg', 'smarties.png');
    for (const other of others) {
      app.dialogs.opens.push(join(PHOTOS, other));
      await page.keyboard.press('Control+o');
      await expect.poll(name).toBe(other);
      await waitIdle(page);
    }
    await page.getByRole('button', { name: 'Project menu' }).click();
    const menu = page.getByRole('menu', { name: 'Project menu' });
    await menu.getByRole('menuitem', { name: /building\.jpg/ }).waitFor(); // the list is read
    expect(await menu.getByRole('menuitem', { name: /desk-stuff\.jpg/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    // Ctrl+Z takes each open back: desk-stuff.jpg with its mask again.
    for (let i = 0; i < others.length; i++) await page.keyboard.press('Control+z');
    await expect.poll(name).toBe('desk-stuff.jpg');
    await expect.poll(() => maskPixels(page)).toBe(painted);
    await waitIdle(page);
    await page.keyboard.press('F12');
    await dialog(page).getByRole('button', { name: 'Revert', exact: true }).click();
    await expect.poll(() => maskPixels(page)).toBe(0);
    await waitIdle(page);
    const said = await toasts(page);
    expect(said).toContain('Reverted to desk-stuff.jpg as it is on disk');
    expect(said).not.toContain('recent photos list');
    expect(await name()).toBe('desk-stuff.jpg');
  });
});
