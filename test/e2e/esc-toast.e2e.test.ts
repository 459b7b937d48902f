/**
 * Esc closes the newest message once it has nothing else to do, as a retoucher expects Esc to close
 * the topmost transient thing: only the message's × closed one (found by hand at 1280×800). Esc's
 * other meanings come first — the extension preview, the candidates, the prompt box, a dialog — so a
 * message on screen never takes the Esc meant for them. Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary, toastTexts } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 60_000);
afterAll(() => app?.close());

const RESELECT = 'Nothing to reselect';
const NO_LAYERS = 'There are no layers';
const has = async (part: string) => (await toastTexts(app.page)).some((t) => t.includes(part));
const staged = () => app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

describe('Esc and the messages', () => {
  it('closes the newest message, then the next, and changes nothing else', async () => {
    const page = app.page;
    const before = await summary(page);
    await page.keyboard.press('Control+Shift+d');
    await page.keyboard.press('Control+j');
    await expect.poll(() => has(NO_LAYERS)).toBe(true);
    expect(await has(RESELECT)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => has(NO_LAYERS)).toBe(false);
    expect(await has(RESELECT)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toastTexts(page)).toEqual([]);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.tool).toBe(before.tool);
  });

  it('cancels the extension preview first; the next Esc closes the message', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    const apply = page.getByRole('button', { name: 'Apply' });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await page.keyboard.press('Control+Shift+d');
    await expect.poll(() => has(RESELECT)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => apply.isEnabled()).toBe(false);
    expect(await has(RESELECT)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => has(RESELECT)).toBe(false);
  });

  it('leaves a dialog and the prompt box first', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Shift+d');
    await expect.poll(() => has(RESELECT)).toBe(true);
    await page.keyboard.press('Control+Alt+Shift+w');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await has(RESELECT)).toBe(true);
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await page.keyboard.type('a wooden table');
    await page.keyboard.press('Escape');
    await expect.poll(() => prompt.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await has(RESELECT)).toBe(true);
    expect(await prompt.inputValue()).toBe('a wooden table');
    await page.keyboard.press('Escape');
    await expect.poll(() => has(RESELECT)).toBe(false);
  });

  it('discards staged candidates first, then closes the message that says so', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 120],
      [300, 120],
    ]);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
    await page.keyboard.press('Control+j');
    await expect.poll(() => has(NO_LAYERS)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(staged).toBe(0);
    await expect.poll(() => has('Discarded the candidate')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => has('Discarded the candidate')).toBe(false);
    expect(await has(NO_LAYERS)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toastTexts(page)).toEqual([]);
  });

  it('says the candidates kept as layers stay when it closes their strip (it said "Discarded 2 candidates")', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Enter'); // the mask from before, Candidates 1: one at a time
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Keep as layer' }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await page.keyboard.press('Escape');
    await expect.poll(staged).toBe(0);
    await expect.poll(() => toastTexts(page)).toEqual(['Closed the candidates: it stays as a layer (Ctrl/⌘ Z brings the strip back).']);
    expect((await summary(page)).layers).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
