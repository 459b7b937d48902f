/**
 * Photoshop's Export As key, Ctrl/⌘+Alt+Shift+W, opens the Export… dialog (no key did: Ctrl+Shift+E
 * and Ctrl+Alt+Shift+W did nothing, and "export" in the shortcuts list found only the export-again
 * key). Ctrl+Shift+E stays unbound: it is Photoshop's Merge Visible, which the app has not.
 * Real keys and mouse; the summary is a read-only probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 720 });
});
afterAll(async () => {
  await app?.close();
});

const exportDialog = () => app.page.getByRole('dialog', { name: 'Export' });

describe('Ctrl+Alt+Shift+W (Photoshop’s Export As)', () => {
  it('opens the Export… dialog from the canvas and from the prompt box; Esc closes it', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Alt+Shift+KeyW');
    await exportDialog().waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await exportDialog().waitFor({ state: 'detached' });
    // While typing in the prompt box too, as Ctrl+Shift+Alt+S: the key means nothing to a field.
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await prompt.pressSequentially('a cup');
    await page.keyboard.press('Control+Alt+Shift+KeyW');
    await exportDialog().waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    await exportDialog().waitFor({ state: 'detached' });
    expect(await prompt.inputValue()).toBe('a cup');
  });

  it('Ctrl+Shift+E opens nothing and changes nothing (Photoshop’s Merge Visible)', async () => {
    const page = app.page;
    // A click on a panel heading gives the keys back to the editor (the prompt box had them).
    await page.getByRole('heading', { name: 'Layers' }).click();
    const before = await summary(page);
    await page.keyboard.press('Control+Shift+KeyE');
    await page.waitForTimeout(300);
    expect(await exportDialog().count()).toBe(0);
    const after = await summary(page);
    expect([after.historyLabels, after.layers]).toEqual([before.historyLabels, before.layers]);
  });

  it('is in the shortcuts list, found by “export as”', async () => {
    const page = app.page;
    await page.keyboard.press('Shift+Slash');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.getByRole('searchbox', { name: 'Find a shortcut' }).pressSequentially('export as');
    const rows = await list.getByRole('table', { name: 'Shortcuts' }).getByRole('row').allTextContents();
    expect(rows.some((r) => r.startsWith('Ctrl+Alt+Shift+W') && r.includes('Export…'))).toBe(true);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
  });
});
