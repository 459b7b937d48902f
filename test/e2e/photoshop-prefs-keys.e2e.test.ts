/**
 * Two Photoshop keys a retoucher reaches for that did nothing and said nothing: Ctrl+K (Preferences)
 * opens Settings, with the focus in it and Esc closing it; Ctrl+Shift+N (New Layer) says once where
 * Maskwork's layers come from. Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

const infos = async () =>
  ((await summary(app.page)).toasts as { tone: string; message: string }[]).filter((t) => t.tone === 'info').map((t) => t.message);

describe('Photoshop’s Preferences and New Layer keys', () => {
  it('Ctrl+K opens Settings with the focus in it; Esc closes it', async () => {
    const page = app.page;
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor({ state: 'visible' });
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Ctrl+K typed in the prompt is the prompt’s (no Settings)', async () => {
    const page = app.page;
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).click();
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(200);
    expect(await page.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
    await page.keyboard.press('Escape'); // leaves the prompt
  });

  it('Ctrl+Shift+N says where layers come from, once', async () => {
    const page = app.page;
    const layers = (await summary(page)).layers;
    await page.keyboard.press('Control+Shift+n');
    await expect.poll(infos).toEqual([expect.stringMatching(/^Ctrl\+Shift\+N \(New Layer\) — .*Keep as layer \(Shift\+Enter\)/)]);
    expect((await summary(page)).layers).toBe(layers);
    expect(app.errors).toEqual([]);
  });
});
