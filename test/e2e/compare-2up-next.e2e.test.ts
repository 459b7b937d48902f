/**
 * Compare view 2-up with three candidates: → on the right pane brings the next candidate into it (the
 * panes move along by one), ← on the left pane the previous one; the third candidate was reachable
 * only through a pane's chooser (→ stayed on the right pane). Offline engine, real mouse and keys;
 * read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithOfflineCandidates } from '../support/launch-photo';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithOfflineCandidates(3);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

describe('compare 2-up with three candidates', () => {
  it('→ past the right pane brings the next candidate in, ← past the left one the previous; Enter keeps the ringed one', async () => {
    const page = app.page;
    const items = await page.evaluate(() => (window as any).__maskworkTest.staging().items as { assetId: string }[]);
    const layers = (await page.evaluate(() => (window as any).__maskworkTest.layerList())).length;
    // The strip's first candidate selected, so the panes start at 1 and 2.
    await page.getByRole('button', { name: /^Candidate 1:/ }).click();
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await dialog.getByRole('button', { name: '2-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    /** Which candidate each pane shows (1-based, from the panes' names), and the ringed pane's. */
    const panes = async () =>
      (await dialog.locator('figure.compare-pane').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label') ?? ''))).map((n) =>
        Number(/^Candidate (\d+):/.exec(n)?.[1]),
      );
    const ringed = async () =>
      Number(/^Candidate (\d+):/.exec((await dialog.locator('figure[aria-current="true"]').getAttribute('aria-label')) ?? '')?.[1]);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const said = dialog.getByRole('status', { name: 'Focused pane' });
    expect([await panes(), await ringed()]).toEqual([[1, 2], 1]);
    await page.keyboard.press('ArrowRight');
    expect([await panes(), await ringed()]).toEqual([[1, 2], 2]);
    // The right pane's edge: the third candidate comes into the ringed (right) pane.
    await page.keyboard.press('ArrowRight');
    await expect.poll(panes).toEqual([2, 3]);
    expect(await ringed()).toBe(3);
    expect(await focused()).toMatch(/^Candidate 3:/);
    await expect.poll(() => said.textContent()).toMatch(/^Pane 2 of 2: candidate 3, .*Enter keeps it\.$/);
    // No fourth: the ring stays.
    await page.keyboard.press('ArrowRight');
    expect([await panes(), await ringed()]).toEqual([[2, 3], 3]);
    await page.keyboard.press('ArrowLeft');
    expect([await panes(), await ringed()]).toEqual([[2, 3], 2]);
    // The left pane's edge: the first candidate comes back into it.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(panes).toEqual([1, 2]);
    expect(await ringed()).toBe(1);
    expect(await focused()).toMatch(/^Candidate 1:/);
    // Along to the third again, and Enter keeps it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(ringed).toBe(3);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    const now = await page.evaluate(() => (window as any).__maskworkTest.layerList());
    expect(now).toHaveLength(layers + 1);
    expect(now.map((l: { assetId: string }) => l.assetId)).toContain(items[2].assetId);
  });
});
