/**
 * The version strip: every Keep adds a version; clicking one picks it (clicking again unpicks it),
 * and Restore sets the layers back to how they were right after it was kept, as one undo step.
 * Real keys and mouse, the offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';

let app: AppHarness;

const summary = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.summary());

/** A rectangle mask, Ctrl+Enter with the offline engine, Keep (Enter). */
async function keepOne(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const layers = (await summary(page)).layers;
  await page.keyboard.press('m');
  await dragPath(page, [from, to]);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layers + 1);
}

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
});
afterAll(async () => {
  await app?.close();
});

describe('versions', () => {
  it('pick a version with the mouse, Restore it as one step, undo it; clicking it again unpicks it', async () => {
    const page = app.page;
    await keepOne(page, [250, 150], [320, 210]);
    await page.keyboard.press('Control+d');
    await keepOne(page, [500, 300], [570, 360]);
    const strip = page.getByRole('region', { name: 'Versions' });
    const first = strip.getByRole('button', { name: 'Version 1: Offline fill' });
    const second = strip.getByRole('button', { name: 'Version 2: Offline fill' });
    await second.waitFor();
    const restore = strip.getByRole('button', { name: 'Restore', exact: true });
    expect(await restore.isDisabled()).toBe(true);
    const before = await summary(page);
    expect(before.layers).toBe(2);

    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await second.getAttribute('aria-pressed')).toBe('false');
    await restore.click();
    const restored = await summary(page);
    expect(restored.layers).toBe(1);
    expect(restored.label).toBe('Restore version');
    expect(restored.historyLabels).toEqual([...before.historyLabels, before.label]);

    await page.keyboard.press('Control+z');
    expect((await summary(page)).layers).toBe(2);
    expect((await summary(page)).label).toBe(before.label);

    // Clicking the picked version again unpicks it: nothing to restore.
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    expect(await restore.isDisabled()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
