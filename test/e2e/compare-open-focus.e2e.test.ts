/**
 * Compare… opens the view with the focus in it, on the ringed pane (the candidate Enter keeps), as
 * every other dialog takes the focus when it opens: it stayed on the Compare… button hidden behind the
 * view, so a screen reader said nothing of the view and Tab started from the page behind. Esc closes
 * it and the focus goes back to Compare…. Offline engine, real mouse and keys; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithOfflineCandidates } from '../support/launch-photo';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithOfflineCandidates(2);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

describe('the Compare view takes the focus', () => {
  it('on the ringed pane when it opens, and gives it back to Compare… on Esc', async () => {
    const page = app.page;
    const focus = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { name: a?.getAttribute('aria-label') ?? a?.textContent ?? '', inView: !!a?.closest('[role="dialog"]') };
      });
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await dialog.waitFor({ state: 'visible' });
    await expect.poll(focus).toEqual({ name: 'Candidate 1: Offline fill', inView: true });
    // From there the arrows and Tab stay in the view.
    await page.keyboard.press('ArrowRight');
    await expect.poll(focus).toEqual({ name: 'Candidate 2: Offline fill', inView: true });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focus).toEqual({ name: 'Compare…', inView: false });
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
