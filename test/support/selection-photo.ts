/**
 * The selection-tool e2e files' photo and steps. The photo is made here so the truth is exact: a light
 * grey background (with a faint gradient), a dark blue ellipse (the "product") and two red squares,
 * one of them far from the other.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { launchApp, type AppHarness } from './app-harness';
import { docToClient, settleView } from './page-helpers';
import { leaveField } from './user-input';

export const W = 1200;
export const H = 800;
/** The ellipse: centre and radii. */
export const E = { cx: 420, cy: 420, rx: 220, ry: 260 };
/** Red squares. */
export const SQ1 = { x: 800, y: 120, s: 120 };
export const SQ2 = { x: 1000, y: 560, s: 100 };

export function inEllipse(x: number, y: number): boolean {
  return ((x + 0.5 - E.cx) / E.rx) ** 2 + ((y + 0.5 - E.cy) / E.ry) ** 2 <= 1;
}
export function inSquare(q: { x: number; y: number; s: number }, x: number, y: number): boolean {
  return x >= q.x && x < q.x + q.s && y >= q.y && y < q.y + q.s;
}

async function makePhoto(path: string): Promise<void> {
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      let c = [232 - Math.round(y / 40), 232 - Math.round(y / 40), 228];
      if (inEllipse(x, y)) c = [30, 50, 140 + Math.round((y - E.cy) / 8)];
      else if (inSquare(SQ1, x, y) || inSquare(SQ2, x, y)) c = [210, 30, 30];
      data[o] = c[0];
      data[o + 1] = c[1];
      data[o + 2] = c[2];
    }
  }
  await sharp(data, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toFile(path);
}

/** The app with the product photo made, opened with Ctrl+O and settled. */
export async function launchWithProduct(): Promise<AppHarness> {
  const app = await launchApp();
  try {
    const photo = join(app.tmp, 'product.png');
    await makePhoto(photo);
    app.dialogs.opens.push(photo);
    await app.page.keyboard.press('Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await settleView(app.page);
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

/** The steps the tests share, on the app `get()` returns (set in the file's beforeAll). */
export function selectionSteps(get: () => AppHarness) {
  async function idle(): Promise<void> {
    await get().page.waitForFunction(() => !(window as any).__maskworkTest.summary().busy);
  }

  async function clickDoc(x: number, y: number, modifiers: Array<'Shift' | 'Alt'> = []): Promise<void> {
    const page = get().page;
    await settleView(page);
    const c = await docToClient(page, x, y);
    for (const m of modifiers) await page.keyboard.down(m);
    await page.mouse.click(c.x, c.y);
    for (const m of modifiers) await page.keyboard.up(m);
  }

  /** Ctrl+D then checks the mask is empty, so each test starts clean (the clear is its own step). */
  async function clear(): Promise<void> {
    const page = get().page;
    await leaveField(page);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
  }

  /** Fraction of sample points where the mask (≥ 128) agrees with `truth`, on a grid over `box`. */
  async function agreement(
    truth: (x: number, y: number) => boolean,
    box = { x: 0, y: 0, width: W, height: H },
    step = 20,
  ): Promise<number> {
    const values: number[] = await get().page.evaluate(() => (window as any).__maskworkTest.maskValues());
    let ok = 0;
    let n = 0;
    for (let y = box.y + step / 2; y < box.y + box.height; y += step) {
      for (let x = box.x + step / 2; x < box.x + box.width; x += step) {
        const xi = Math.floor(x);
        const yi = Math.floor(y);
        if (values[yi * W + xi] >= 128 === truth(xi, yi)) ok++;
        n++;
      }
    }
    return ok / n;
  }

  return { idle, clickDoc, clear, agreement };
}
