/**
 * The Keyboard shortcuts list: `?` on the canvas (or Ctrl+Alt+Shift+K, or the ⌨ button) opens it;
 * typing narrows it; Esc closes it and the next key acts on the editor again. Keys and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
});

const dialog = () => app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const rows = () => dialog().getByRole('table', { name: 'Shortcuts' }).getByRole('row');

describe('the keyboard shortcuts list', () => {
  it('? opens it; typing narrows it; Esc closes it and the keys are the editor’s again', async () => {
    const page = app.page;
    await page.keyboard.press('Shift+Slash');
    await dialog().waitFor();
    const all = await rows().count();
    expect(all).toBeGreaterThan(50);
    // Typed into the find field (it has the focus): a B here is text, not the brush.
    await page.keyboard.type('zoom');
    await expect.poll(() => rows().count()).toBeLessThan(all);
    const zoom = await rows().allTextContents();
    expect(zoom.length).toBeGreaterThanOrEqual(5);
    // Every row is about zooming: its words, or Fit on screen (found by "zoom" too).
    for (const r of zoom) expect(r.toLowerCase()).toMatch(/zoom|fit on screen/);
    expect(zoom.some((r) => r.includes('Fit on screen'))).toBe(true);
    await page.keyboard.type(' xyzzy');
    await expect.poll(() => rows().count()).toBe(0);
    await dialog().getByText('No shortcut matches').waitFor();
    expect((await summary(page)).tool).toBe('brush');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.keyboard.press('e');
    expect((await summary(page)).tool).toBe('eraser');
  });

  it('Ctrl+Alt+Shift+K and the ⌨ button open it too; a search for Ctrl+J finds the layer duplicate', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Alt+Shift+KeyK');
    await dialog().waitFor();
    await page.getByRole('button', { name: 'Close keyboard shortcuts' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
    await dialog().waitFor();
    await dialog().getByRole('searchbox', { name: 'Find a shortcut' }).pressSequentially('ctrl+j');
    expect(await rows().allTextContents()).toEqual([expect.stringContaining('Duplicate the selected layer')]);
    // Tab keeps the focus in the dialog.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('opened from the ⌨ button with the keyboard, Esc gives the focus back to it, and Tab goes on from there', async () => {
    // As Settings, Export… and Batch… do: the focus fell to the page, so the next Tab started again
    // from the window's top (Open…) and a keyboard user had lost their place.
    const page = app.page;
    const button = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
    const focused = () => button.evaluate((b) => b === document.activeElement);
    await page.mouse.click(5, 795); // the status bar's left end: nothing there takes the focus
    for (let i = 0; i < 80 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await focused()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Batch…');
    // The editor's keys still act (a key on a focused button is the editor's, as after Settings).
    await page.keyboard.press('b');
    expect((await summary(page)).tool).toBe('brush');
  });
});
