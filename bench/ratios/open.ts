/**
 * Opening the 24 MP JPEG in the app, Ctrl+O → the document shown (main checks and imports it while
 * the renderer decodes the display bytes, then the next frame is painted), in Chromium through the
 * e2e harness, vs sharp decoding the same file to raw pixels. Every run opens a new copy (a new name)
 * of the same bytes. The bytes cross the harness as base64 over the DevTools protocol (Electron's IPC
 * passes them as they are), so this row carries transport the app does not have.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp } from '../../test/support/app-harness';
import { writeBigJpeg } from './photo';
import { paired, type RatioRow } from './ratio';

export async function openRatio(runs: number): Promise<RatioRow> {
  const app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  try {
    const big = await writeBigJpeg(app.tmp);
    let n = 0;
    const timeOpen = async () => {
      const name = `photo-${++n}.jpg`;
      const path = join(app.tmp, name);
      await copyFile(big, path);
      app.dialogs.opens.push(path);
      const t = performance.now();
      await app.page.keyboard.press('Control+o');
      await app.page.waitForFunction(
        (want) => {
          const s = (window as any).__maskworkTest.summary();
          return s.original?.name === want && !s.busy;
        },
        name,
        { timeout: 120_000, polling: 'raf' },
      );
      // The frame after the document is in the store is the one that shows it.
      await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const ms = performance.now() - t;
      if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);
      // Not timed: the full-resolution decode that replaces the preview finishes before the next run.
      await app.page.waitForFunction(
        () => {
          const t = (window as any).__maskworkTest;
          return t.bitmapSize(t.summary().original.assetId)?.width === t.summary().original.width;
        },
        null,
        { timeout: 120_000, polling: 50 },
      );
      return ms;
    };
    return await paired({
      id: 'open',
      measure: 'open a 24 MP JPEG, Ctrl+O → shown (Chromium)',
      floor: 'sharp: decode the same file to raw',
      target: 1.5,
      runs,
      warmup: 1,
      product: timeOpen,
      timeProduct: timeOpen,
      floorFn: () => sharp(big).raw().toBuffer(),
    });
  } finally {
    await app.close();
  }
}
