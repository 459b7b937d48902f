/**
 * Two rough edges a new user meets first, driven by real keys and mouse:
 * - the mask overlay: painting or a mask operation while it is hidden turns it back on, and after
 *   Invert it shows no lines at tile borders (read back from the overlay layer's pixels);
 * - messages: information fades by itself after ~5 s, errors stay until closed, have a close
 *   button, at most three are stacked, and they never cover the staging strip's buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, settleView, summary, waitIdle } from '../support/page-helpers';
import { NOT_AN_IMAGE } from '../fixtures/bad-images';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg')); // 868×600
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  // Four files, four different errors: the same words twice are one message (the store's notify).
  for (let i = 1; i <= 4; i++) await writeFile(join(app.tmp, `not-a-photo-${i}.png`), NOT_AN_IMAGE);
});
afterAll(async () => {
  await app?.close();
});

/** Overlay alpha over a rect given in document px (read back from the overlay layer). */
async function overlayAlpha(page: Page, r: { x: number; y: number; width: number; height: number }) {
  await settleView(page);
  // Two frames so Konva has drawn the latest state.
  await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
  return page.evaluate((rect): { width: number; height: number; alpha: number[] } | null => {
    const t = (window as any).__maskworkTest;
    const s = t.summary();
    const x = Math.ceil(rect.x * s.scale + s.offset.x);
    const y = Math.ceil(rect.y * s.scale + s.offset.y);
    const w = Math.floor(rect.width * s.scale);
    const h = Math.floor(rect.height * s.scale);
    return t.overlayAlpha(x, y, w, h);
  }, r);
}

describe('mask overlay', () => {
  it('a brush stroke or Invert while the overlay is hidden turns it back on', async () => {
    const page = app.page;
    await page.keyboard.press('\\');
    expect((await summary(page)).maskVisible).toBe(false);
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 470],
      [700, 480],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Brush stroke');
    expect((await summary(page)).maskVisible).toBe(true);

    await page.keyboard.press('\\');
    expect((await summary(page)).maskVisible).toBe(false);
    await page.keyboard.press('Control+Shift+I');
    await expect.poll(async () => (await summary(page)).label).toBe('Invert mask');
    expect((await summary(page)).maskVisible).toBe(true);
  });

  it('after Invert the overlay has no lines at tile borders (fitted and zoomed out)', async () => {
    const page = app.page;
    // Doc rows 100..350 are fully masked after the invert; the rect crosses the tile borders at
    // x = 256, 512, 768 and y = 256, full tiles (row 0) and tiles holding the stroke's hole (row 1).
    const rect = { x: 100, y: 100, width: 700, height: 250 };
    for (const zoom of [null, 'Control+-']) {
      if (zoom) await page.keyboard.press(zoom);
      const read = await overlayAlpha(page, rect);
      expect(read).not.toBeNull();
      const { alpha, width } = read!;
      expect(alpha.length).toBeGreaterThan(1000);
      const counts = new Map<number, number>();
      for (const a of alpha) counts.set(a, (counts.get(a) ?? 0) + 1);
      const expected = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      expect(expected).toBeGreaterThan(100); // 50 % opacity of 255
      const off = alpha.map((a, i) => ({ a, x: i % width, y: Math.floor(i / width) })).filter((p) => Math.abs(p.a - expected) > 1);
      expect(off.slice(0, 5)).toEqual([]);
    }
    await page.keyboard.press('Control+0');
  });
});

describe('messages', () => {
  it('an information message goes away by itself after about 5 s', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('[data-testid="toast"][data-tone="info"]', { hasText: 'Paint a mask or select an area first' });
    await toast.waitFor({ state: 'visible' });
    const shown = Date.now();
    await page.waitForTimeout(3000);
    expect(await toast.count()).toBe(1);
    await toast.waitFor({ state: 'detached', timeout: 10_000 });
    const gone = Date.now() - shown;
    expect(gone).toBeGreaterThan(3500);
    expect(gone).toBeLessThan(8000);
  });

  it('errors stay until closed, at most three, never over the staging buttons', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [400, 300],
      [460, 310],
    ]);
    await page.keyboard.press('Control+Enter'); // the offline engine (default model)
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });

    const errors = page.locator('[data-testid="toast"][data-tone="error"]');
    for (let i = 1; i <= 4; i++) {
      app.dialogs.opens.push(join(app.tmp, `not-a-photo-${i}.png`));
      await page.keyboard.press('Control+o');
      await waitIdle(page);
      await expect.poll(() => errors.count()).toBe(Math.min(i, 3));
    }
    await page.waitForTimeout(6000);
    expect(await errors.count()).toBe(3);

    const buttons = page.getByTestId('staging-strip').getByRole('button');
    const boxes = [];
    for (let i = 0; i < (await buttons.count()); i++) boxes.push(await buttons.nth(i).boundingBox());
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 3; i++) {
      const t = (await errors.nth(i).boundingBox())!;
      for (const b of boxes) {
        const overlap = b && t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
        expect(overlap).toBeFalsy();
      }
    }
    await errors.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => errors.count()).toBe(2);
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});
