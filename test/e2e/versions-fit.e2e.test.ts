/**
 * The version strip at 1280×800 (found by hand): with candidates staged, the staging strip took the
 * dock's quarter of the canvas and the version cards under it were cut by the status bar; and two
 * Keeps of the same model made two identical History lines. Now the version strip folds to its head
 * while candidates are staged (saying so), its cards show whole otherwise (on a shorter window too),
 * and a repeated History
 * line carries its count. Real keys and mouse, the offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';

let app: AppHarness;

const summary = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.summary());

/** A rectangle mask (photo pixels) and Ctrl+Enter with the offline engine, up to the staged candidates. */
async function stageOne(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await page.keyboard.press('m');
  await dragPath(page, [from, to]);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 60_000 });
}

/** Every version card's and the strip head's bottom, and the status bar's top (read-only). */
const boxes = (page: Page) =>
  page.evaluate(() => ({
    cards: [...document.querySelectorAll('[data-testid="version"]')].map((c) => c.getBoundingClientRect().bottom),
    head: document.querySelector('.versions-head')!.getBoundingClientRect().bottom,
    status: document.querySelector('footer.status-bar')!.getBoundingClientRect().top,
  }));

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
});
afterAll(async () => {
  await app?.close();
});

describe('the version strip and History at 1280×800', () => {
  it('shows the version cards whole, folds them while candidates are staged, and counts repeated History lines', async () => {
    const page = app.page;
    const strip = page.getByRole('region', { name: 'Versions' });
    for (const [n, from, to] of [
      [1, [250, 150], [320, 210]],
      [2, [500, 300], [570, 360]],
    ] as const) {
      await stageOne(page, [...from], [...to]);
      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => (window as any).__maskworkTest.summary().layers === k, n);
      await page.keyboard.press('Control+d');
    }
    await strip.getByRole('button', { name: 'Version 2: Offline fill' }).waitFor();
    await expect.poll(async () => (await boxes(page)).cards.length).toBe(2);
    let b = await boxes(page);
    for (const bottom of b.cards) expect(bottom, JSON.stringify(b)).toBeLessThanOrEqual(b.status);
    // Each card gives the area of the photo it covers, not the size the model was asked for (read as
    // the result's size); the tooltip has both.
    const versions = await page.evaluate(() => (window as any).__maskworkTest.versions());
    const cards = strip.getByTestId('version');
    for (const [i, v] of versions.entries()) {
      const size = `${v.region.width}×${v.region.height}`;
      expect(await cards.nth(i).locator('.tag-size').textContent()).toMatch(new RegExp(`^${size} · `));
      expect(await cards.nth(i).getAttribute('title')).toContain(
        `${size} px of the photo, sent at ${v.requestSize.width}×${v.requestSize.height}`,
      );
    }

    // Two Keeps of the same model: the History lines differ.
    const keep = (await summary(page)).historyLabels.find((l: string) => l.startsWith('Keep '));
    expect(keep).toBeTruthy();
    const lines = await page.getByTestId('history').locator('li').allInnerTexts();
    expect(lines).toContain(keep);
    expect(lines).toContain(`${keep} (2)`);

    // Candidates staged: no card is cut by the status bar — the strip folds to its head and says why.
    await stageOne(page, [100, 300], [160, 350]);
    b = await boxes(page);
    for (const bottom of b.cards) expect(bottom, JSON.stringify(b)).toBeLessThanOrEqual(b.status);
    expect(b.head).toBeLessThanOrEqual(b.status);
    expect(b.cards, JSON.stringify(b)).toEqual([]);
    await page.getByTestId('versions-later').waitFor();
    expect(await strip.getByRole('button', { name: /Versions \(2\)/ }).getAttribute('aria-expanded')).toBe('false');

    // Discarded: the cards are back, whole.
    await page.getByRole('button', { name: 'Discard all', exact: true }).click();
    await expect.poll(async () => (await boxes(page)).cards.length).toBe(2);
    b = await boxes(page);
    for (const bottom of b.cards) expect(bottom, JSON.stringify(b)).toBeLessThanOrEqual(b.status);

    // A shorter window (the version strip alone is then more than a quarter of the canvas): whole too.
    await page.setViewportSize({ width: 1280, height: 540 });
    await expect.poll(async () => (await boxes(page)).status).toBeLessThan(540);
    b = await boxes(page);
    expect(b.cards).toHaveLength(2);
    for (const bottom of b.cards) expect(bottom, JSON.stringify(b)).toBeLessThanOrEqual(b.status);
    expect(app.errors).toEqual([]);
  });
});
