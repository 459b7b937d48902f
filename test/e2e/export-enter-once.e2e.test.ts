/**
 * Enter in the Export dialog exports once and the dialog stays closed. The focus went back to
 * Export… as the dialog closed, inside the same keydown, and the key's default action then pressed
 * that button: the dialog opened again at once, and a second Enter exported again. Real keys and mouse.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary } from '../support/page-helpers';

let app: AppHarness;
beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 60_000);
afterAll(() => app?.close());

type Toast = { message: string; tone: string };

describe('Export dialog: Enter', () => {
  it('one Enter on the format radio exports once and the dialog stays closed', async () => {
    const page = app.page;
    const exportButton = page.getByRole('button', { name: 'Export…', exact: true });
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await exportButton.click();
    // The focus lands on the chosen format; → and ← move it (as a user changing the format would).
    await expect
      .poll(() =>
        dialog.evaluate((d) => d.contains(document.activeElement) && (document.activeElement as HTMLInputElement).type === 'radio'),
      )
      .toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await dialog.getByRole('radio', { name: 'PNG' }).isChecked()).toBe(true);
    const out = join(app.tmp, 'enter-once.png');
    app.dialogs.saves.push(out);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'enter-once.png' }).waitFor();
    expect(existsSync(out)).toBe(true);
    await page.waitForTimeout(400);
    expect(await dialog.count()).toBe(0);
    // The focus is back on Export… (as after Esc), the dialog closed.
    expect(await exportButton.evaluate((el) => el === document.activeElement)).toBe(true);
    const toasts: Toast[] = (await summary(page)).toasts;
    expect(toasts.filter((t) => t.tone === 'success' && t.message.includes('enter-once.png'))).toHaveLength(1);
    // A second export would have asked for a path the test did not queue (an error).
    expect(toasts.filter((t) => t.tone === 'error')).toEqual([]);
    expect(app.dialogs.saves).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
