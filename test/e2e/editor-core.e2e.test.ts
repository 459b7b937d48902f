/**
 * Acceptance: open a real photo through the bridge (real handlers, real file IO), paint two brush
 * strokes and a lasso, check mask pixels at full resolution, invert, undo ×3 / redo ×1 with the mask
 * checked after each, export PNG and compare its pixels with the original's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { exportPngByMouse } from '../support/real-input';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { retype, sliderTo } from '../support/user-input';

let app: AppHarness;
const photo = join(PHOTOS, 'building.jpg'); // 868×600

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('editor core in Chromium through the real handlers', () => {
  it('opens a photo from the open dialog and fits it in the window', async () => {
    app.dialogs.opens.push(photo);
    await app.page.keyboard.press('Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    const s = await summary(app.page);
    expect(s.canvas).toEqual({ width: 868, height: 600 });
    expect(s.original.name).toBe('building.jpg');
    // Fitted: the whole canvas is visible inside the stage.
    const stage = await app.page.locator('[data-testid="stage"]').boundingBox();
    expect(868 * s.scale).toBeLessThanOrEqual(stage!.width);
    expect(600 * s.scale).toBeLessThanOrEqual(stage!.height);
    expect(s.scale).toBeGreaterThan(0.3);
  });

  it('paints two strokes and a lasso, inverts, undoes and redoes with the mask checked each time', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    // Brush 40 px (typed into the size field), hard (the hardness slider to its end).
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    expect((await summary(page)).brush).toMatchObject({ size: 40, hardness: 1 });
    await dragPath(page, [
      [100, 100],
      [300, 100],
    ]);
    await dragPath(page, [
      [100, 300],
      [100, 500],
    ]);
    expect(await maskValue(page, 200, 100)).toBe(255); // on stroke 1
    expect(await maskValue(page, 100, 400)).toBe(255); // on stroke 2
    expect(await maskValue(page, 200, 140)).toBe(0); // 40 px below stroke 1: outside the 20 px radius
    expect(await maskValue(page, 500, 300)).toBe(0);

    await page.keyboard.press('l');
    // Shift held at the press adds the lasso to the strokes (a plain lasso is a new selection, as in Photoshop).
    await page.keyboard.down('Shift');
    await dragPath(
      page,
      [
        [450, 200],
        [700, 200],
        [700, 450],
        [450, 450],
        [450, 205],
      ],
      6,
    );
    await page.keyboard.up('Shift');
    expect(await maskValue(page, 575, 325)).toBe(255); // inside lasso
    expect(await maskValue(page, 200, 100)).toBe(255); // the strokes are still there
    expect(await maskValue(page, 800, 325)).toBe(0);

    await page.keyboard.press('Control+Shift+I');
    expect(await maskValue(page, 575, 325)).toBe(0);
    expect(await maskValue(page, 800, 325)).toBe(255);
    expect(await maskValue(page, 200, 100)).toBe(0);
    expect((await summary(page)).historyLabels.slice(-3)).toEqual(['Brush stroke', 'Brush stroke', 'Lasso']);

    await page.keyboard.press('Control+z'); // undo invert
    expect(await maskValue(page, 575, 325)).toBe(255);
    expect(await maskValue(page, 800, 325)).toBe(0);
    await page.keyboard.press('Control+z'); // undo lasso
    expect(await maskValue(page, 575, 325)).toBe(0);
    expect(await maskValue(page, 100, 400)).toBe(255);
    await page.keyboard.press('Control+z'); // undo stroke 2
    expect(await maskValue(page, 100, 400)).toBe(0);
    expect(await maskValue(page, 200, 100)).toBe(255);
    await page.keyboard.press('Control+Shift+z'); // redo stroke 2
    expect(await maskValue(page, 100, 400)).toBe(255);
    expect(await maskValue(page, 575, 325)).toBe(0);
    const s = await summary(page);
    expect(s.canRedo).toBe(2);
  });

  it('Escape cancels a stroke in progress without a history step', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    const before = await summary(page);
    const a = await docToClient(page, 600, 500);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 60, a.y, { steps: 5 });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await maskValue(page, 620, 500)).toBe(0);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.canRedo).toBe(before.canRedo);
  });

  it('exports a PNG whose pixels equal the original', async () => {
    const out = join(app.tmp, 'export.png');
    app.dialogs.saves.push(out);
    await exportPngByMouse(app.page);
    await waitIdle(app.page);
    expect(existsSync(out)).toBe(true);
    const exported = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const original = await sharp(photo).autoOrient().raw().toBuffer({ resolveWithObject: true });
    expect([exported.info.width, exported.info.height]).toEqual([868, 600]);
    expect(exported.info.channels).toBe(original.info.channels);
    expect(Buffer.compare(exported.data, original.data)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('opening another photo', () => {
  it('is one undo step: Ctrl+Z brings back the previous photo with its mask, redo opens the new one again', async () => {
    const page = app.page;
    const maskBefore = await maskValue(page, 200, 100);
    expect(maskBefore).toBe(255);
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    expect((await summary(page)).canvas).toEqual({ width: 600, height: 400 });
    expect(await maskValue(page, 200, 100)).toBe(0);
    await page.keyboard.press('Control+z');
    const back = await summary(page);
    expect(back.original.name).toBe('building.jpg');
    expect(back.canvas).toEqual({ width: 868, height: 600 });
    expect(await maskValue(page, 200, 100)).toBe(255);
    expect(868 * back.scale).toBeLessThanOrEqual((await page.locator('[data-testid="stage"]').boundingBox())!.width);
    await page.keyboard.press('Control+Shift+z');
    expect((await summary(page)).original.name).toBe('coffee.png');
    expect(app.errors).toEqual([]);
  });
});

describe('EXIF orientation', () => {
  it('a camera JPEG tagged "rotate 90°" opens upright at its upright size, without a re-encode', async () => {
    // Stored 240×120 with the left 30 columns red; orientation 6 shows it 120×240 with the top rows red.
    const w = 240,
      h = 120;
    const raw = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(x < 30 ? [230, 20, 20] : [20, 40, 220], (y * w + x) * 3);
    const path = join(app.tmp, 'rotated.jpg');
    await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95 })
      .toFile(path);
    app.dialogs.opens.push(path);
    await app.page.keyboard.press('Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'rotated.jpg');
    const s = await summary(app.page);
    expect(s.canvas).toEqual({ width: 120, height: 240 });
    const id = s.original.assetId;
    expect(await app.page.evaluate((a) => (window as any).__maskworkTest.bitmapSize(a), id)).toEqual({ width: 120, height: 240 });
    const top = await app.page.evaluate((a) => (window as any).__maskworkTest.bitmapPixel(a, 60, 10), id);
    const bottom = await app.page.evaluate((a) => (window as any).__maskworkTest.bitmapPixel(a, 60, 200), id);
    expect(top[0]).toBeGreaterThan(180);
    expect(top[2]).toBeLessThan(80);
    expect(bottom[2]).toBeGreaterThan(180);
    expect(bottom[0]).toBeLessThan(80);
  });
});
