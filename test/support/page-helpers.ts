/** Small helpers that drive the editor like a user (mouse in document coordinates) and read its probes. */
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';

export async function summary(page: Page): Promise<any> {
  return page.evaluate(() => (window as any).__maskworkTest.summary());
}

export async function maskValue(page: Page, x: number, y: number): Promise<number> {
  return page.evaluate(([px, py]) => (window as any).__maskworkTest.maskValue(px, py), [x, y] as const);
}

export async function docToClient(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([px, py]) => (window as any).__maskworkTest.docToClient(px, py), [x, y] as const);
}

/** The document point under a client point, from the stage's box and the view (read-only). */
export async function clientToDoc(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const r = (await page.getByTestId('stage').boundingBox())!;
  const s = await summary(page);
  return { x: (p.x - r.x - s.offset.x) / s.scale, y: (p.y - r.y - s.offset.y) / s.scale };
}

/** Waits until the view transform is the same over two animation frames (no re-fit in flight). */
export async function settleView(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const read = () =>
          JSON.stringify([(window as any).__maskworkTest.summary().scale, (window as any).__maskworkTest.summary().offset]);
        const a = read();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(read() === a)));
      }),
  );
}

/** The screen's RGB at a document point (a 1-px screenshot), the mouse moved off the canvas first. */
export async function screenRgb(page: Page, x: number, y: number): Promise<number[]> {
  await page.mouse.move(2, 2); // the brush cursor off the canvas
  await settleView(page);
  const c = await docToClient(page, x, y);
  const png = await page.screenshot({ clip: { x: Math.round(c.x), y: Math.round(c.y), width: 1, height: 1 } });
  return Array.from((await sharp(png).removeAlpha().raw().toBuffer()).subarray(0, 3));
}

/**
 * Presses at the first point, moves through the others (with `steps` intermediate moves each), releases;
 * `held` keys (e.g. `['Alt']`) go down before the press and up after the release.
 */
export async function dragPath(page: Page, pts: Array<[number, number]>, steps = 8, held: string[] = []): Promise<void> {
  await settleView(page);
  const first = await docToClient(page, pts[0][0], pts[0][1]);
  for (const k of held) await page.keyboard.down(k);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const [x, y] of pts.slice(1)) {
    const c = await docToClient(page, x, y);
    await page.mouse.move(c.x, c.y, { steps });
  }
  await page.mouse.up();
  for (const k of held) await page.keyboard.up(k);
}

export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as any).__maskworkTest.summary().busy);
}

/**
 * The user's paint → Generate → Keep: B, a stroke across `y` from x 150 to `toX`, Ctrl+Enter (the
 * offline engine, the default model), Enter to keep once the candidate is staged; resolves when the
 * document has `layers` layers and is idle.
 */
export async function paintGenerateKeep(page: Page, y: number, layers: number, toX = 400): Promise<void> {
  await page.keyboard.press('b');
  await dragPath(page, [
    [150, y],
    [toX, y],
  ]);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layers);
  await waitIdle(page);
}

/** The messages on screen, without their × button. */
export function toastTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid="toast"] > span').allTextContents();
}

/** Whether all of `el` shows: inside the window and, in Generate's scrolling box, above its footer. */
export function wholeInView(el: Locator): Promise<boolean> {
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight) return false;
    const box = e.closest('.generate-scroll')?.getBoundingClientRect();
    return !box || (r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5);
  });
}

/** How much of `el` shows: the part inside every scrolling ancestor and the window, and whether it is on top there. */
export async function seen(el: Locator): Promise<{ fraction: number; onTop: boolean }> {
  return el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    let top = Math.max(r.top, 0);
    let bottom = Math.min(r.bottom, window.innerHeight);
    for (let p = e.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowY === 'visible') continue;
      const pr = p.getBoundingClientRect();
      top = Math.max(top, pr.top);
      bottom = Math.min(bottom, pr.bottom);
    }
    const fraction = r.height > 0 ? Math.max(0, bottom - top) / r.height : 0;
    const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
    return { fraction, onTop: fraction > 0 && !!hit && (hit === e || e.contains(hit)) };
  });
}
