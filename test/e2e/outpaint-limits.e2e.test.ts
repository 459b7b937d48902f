/**
 * The outpaint limit in the app (issue 10 item 5): pixels typed per side make a 160 MP canvas;
 * Generate on the extension gets main's typed `too-large` message in an error toast, no job runs, and the
 * document keeps its extension and no layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('outpaint limits in the app', () => {
  it('a canvas over 150 MP is refused with a clear message before any work', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await waitIdle(page);
    await leaveField(page);
    await page.keyboard.press('c');
    await retype(page.getByRole('spinbutton', { name: 'Extend left (px)' }), '19400');
    await retype(page.getByRole('spinbutton', { name: 'Extend top (px)' }), '7600');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 20_000, height: 8_000 });
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'local');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const toast = page.locator('.toast.error[role="alert"]').filter({ hasText: '150 MP' });
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.innerText()).toMatch(/The extended canvas would be 20000×8000 \(160 MP\)\. Maskwork works on canvases up to 150 MP/);
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null);
    const s = await summary(page);
    expect(s.canvas).toEqual({ width: 20_000, height: 8_000 });
    expect(s.layers).toBe(0);
  });
});
