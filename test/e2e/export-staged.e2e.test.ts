/**
 * Export… while candidates are staged: the file is the document, which has no candidate until one is
 * kept. The dialog and the message after it say so (the candidate on screen was left out silently).
 * Candidates kept with Keep as layer are in the file and not counted; Ctrl+S says the unkept ones are
 * not in the project either (it said only "Saved"). Esc with the focus outside the dialog closes it
 * (it discarded the candidate behind it).
 * Offline engine, keys and mouse.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { leaveField, retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('b');
  await dragPath(page, [
    [150, 200],
    [350, 200],
  ]);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await waitIdle(page);
}, 120_000);
afterAll(() => app?.close());

const toast = (text: string) => app.page.locator('[data-testid="toast"]', { hasText: text });

describe('export with candidates staged', () => {
  it('Esc closes the dialog wherever the focus is: it never discards the candidates behind it', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    // A click beside the dialog (on its dimmed backdrop) takes the focus out of it.
    const box = (await dialog.boundingBox())!;
    await page.mouse.click(box.x + box.width + 40, box.y + 40);
    await page.keyboard.press('Escape');
    await waitIdle(page);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(1);
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
  });

  it('the dialog and the message say the unkept candidate is not in the file; after Keep they do not', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const note = dialog.getByRole('note').filter({ hasText: 'staged candidate' });
    expect(await note.textContent()).toMatch(/^The staged candidate is not kept, so the file has the photo without it/);
    app.dialogs.saves.push(join(app.tmp, 'staged.png'));
    await dialog.getByRole('radio', { name: 'PNG' }).click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await toast('staged.png').waitFor();
    await toast('The staged candidate is not kept').waitFor();

    // Ctrl+Shift+Alt+S (export again, no dialog) says it too.
    app.dialogs.saves.push(join(app.tmp, 'staged-again.png'));
    await page.keyboard.press('Control+Shift+Alt+S');
    await toast('staged-again.png').waitFor();
    // …after that export's own message (not the first export's, which may still be on screen).
    const messages = ((await page.evaluate(() => (window as any).__maskworkTest.summary().toasts)) as { message: string }[]).map(
      (t) => t.message,
    );
    const exported = messages.findIndex((m) => m.includes('staged-again.png'));
    expect(exported).toBeGreaterThanOrEqual(0);
    expect(messages.slice(exported + 1).some((m) => m.startsWith('The staged candidate is not kept'))).toBe(true);

    // Kept: nothing to say.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('note').filter({ hasText: 'staged candidate' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a candidate kept with Keep as layer is in the file: only the others are counted', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 320],
      [350, 320],
    ]);
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 90_000 });
    await waitIdle(page);
    await page.keyboard.press('Shift+Enter'); // Keep as layer: the strip stays, with the kept one in it
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 2);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(3);
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const note = dialog.getByRole('note').filter({ hasText: 'staged candidate' });
    expect(await note.textContent()).toMatch(/^The 2 other staged candidates are not kept, so the file has the photo without them/);
    app.dialogs.saves.push(join(app.tmp, 'one-kept.png'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await toast('one-kept.png').waitFor();
    await toast('The 2 other staged candidates are not kept').waitFor();
    expect(await toast('The 3 staged candidates').count()).toBe(0);
  });

  it('Ctrl+S says the staged candidates that are not kept are not in the project', async () => {
    const page = app.page;
    app.dialogs.saves.push(join(app.tmp, 'staged-work'));
    await page.keyboard.press('Control+s');
    const saved = page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'Saved staged-work.maskwork' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/The 2 other staged candidates are not in the project: keep/);
    // All kept (Keep as layer on each): the save says nothing of them.
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+Enter');
      await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, 3 + i);
    }
    await page.keyboard.press('Control+s');
    await expect
      .poll(
        async () => ((await page.evaluate(() => (window as any).__maskworkTest.summary().toasts)) as { message: string }[]).at(-1)?.message,
      )
      .toMatch(/^Saved staged-work\.maskwork \([\d.]+ MB\)\.$/);
  });
});
