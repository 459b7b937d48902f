/**
 * Typing in the prompt box is an unsaved change: the project saves the prompt box, so a long prompt
 * typed on coffee.png with nothing else done shows • in the title and the status bar and is picked up
 * by the autosave; Ctrl+S clears the •, typing again brings it back. It is not an undo step (no History
 * row per letter, nothing to undo). Found by hand: the words were no change at all — no •, no autosave,
 * lost when another photo or project was opened. Real keys and mouse; the save dialog answered by the
 * harness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-prompt-unsaved-'));
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

const marked = () => app.page.getByRole('img', { name: 'Unsaved changes' }).count();
const promptBox = () => app.page.getByRole('region', { name: 'Generate' }).getByRole('textbox', { name: 'Prompt' });
const autosaves = () => app.page.evaluate(() => (window as any).__maskworkTest.autosave().saves as number);

describe('the prompt box as an unsaved change', () => {
  it('typed: • and an autosave, no undo step; Ctrl+S clears it; typed again: • again', async () => {
    const page = app.page;
    await waitIdle(page);
    expect(await marked()).toBe(0);
    const history = (await summary(page)).historyLabels.length;
    await expect.poll(() => app.page.evaluate(() => (window as any).__maskworkTest.autosave().pending)).toBe(false);
    const before = await autosaves();

    await promptBox().click();
    await page.keyboard.type('a plain oak table top, no cup');
    await expect.poll(marked).toBe(1);
    expect(await page.title()).toBe('coffee.png • — Maskwork');
    expect((await summary(page)).unsaved).toBe(true);
    // The autosave holds the words (once, on its clock), and no History step was made for them.
    await expect.poll(autosaves, { timeout: 5000 }).toBeGreaterThan(before);
    expect((await summary(page)).historyLabels.length).toBe(history);

    await leaveField(page);
    app.dialogs.saves.push(join(dir, 'coffee-words'));
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await summary(page)).project?.name).toBe('coffee-words.maskwork');
    await waitIdle(page);
    await expect.poll(marked).toBe(0);
    expect(await page.title()).toBe('coffee-words.maskwork — Maskwork');

    await promptBox().click();
    await page.keyboard.press('End');
    await page.keyboard.type(', oak grain');
    await expect.poll(marked).toBe(1);
    expect(await page.title()).toBe('coffee-words.maskwork • — Maskwork');
    // Typed back as it was saved: no change.
    for (let i = 0; i < ', oak grain'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(marked).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
