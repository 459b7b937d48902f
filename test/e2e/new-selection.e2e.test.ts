/**
 * Selection modes as a Photoshop user expects them, with the real mouse and keys: a plain marquee,
 * lasso, wand or object-select drag makes a NEW selection (it added to the mask); Shift adds, Alt
 * subtracts, Shift+Alt intersects, and while they are held the options bar shows the mode in effect
 * and the crosshair its sign. A new selection over a mask the brush painted says so, and Ctrl+Z brings
 * the painting back. Object select's Shift-click is a hint for the cut, not a stamp of the brush's
 * circle, and may bring in a part the rectangle left out; an undone stroke leaves the selection open.
 *
 * The photo is made here so the truth is exact: a dark blue ellipse on light grey, a red square.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

const W = 1200;
const H = 800;
const E = { cx: 420, cy: 420, rx: 220, ry: 260 };
const SQ = { x: 850, y: 150, s: 150 };
const inEllipse = (x: number, y: number) => ((x + 0.5 - E.cx) / E.rx) ** 2 + ((y + 0.5 - E.cy) / E.ry) ** 2 <= 1;

const NEW_OVER_PAINTING =
  'New selection: it replaced the mask you painted, as a new selection does in Photoshop. Hold Shift to add to it instead; Ctrl+Z brings the painting back.';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      const inSq = x >= SQ.x && x < SQ.x + SQ.s && y >= SQ.y && y < SQ.y + SQ.s;
      const c = inEllipse(x, y)
        ? [30, 50, 140 + Math.round((y - E.cy) / 8)]
        : inSq
          ? [210, 30, 30]
          : [232 - Math.round(y / 40), 232 - Math.round(y / 40), 228];
      data[o] = c[0];
      data[o + 1] = c[1];
      data[o + 2] = c[2];
    }
  }
  const photo = join(app.tmp, 'product.png');
  await sharp(data, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toFile(photo);
  app.dialogs.opens.push(photo);
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await settleView(app.page);
}, 120_000);
afterAll(() => app?.close());

const modes = () => app.page.getByRole('radiogroup', { name: 'Selection mode' });
const pressed = () => modes().locator('[role="radio"].active').innerText();
/** The sign the canvas cursor carries ('' for the plain crosshair). */
const cursorSign = () =>
  app.page
    .getByTestId('stage')
    .evaluate((el) => decodeURIComponent(getComputedStyle(el).cursor).match(/<text[^>]*>([^<]+)<\/text>/)?.[1] ?? '');
const told = async () =>
  ((await summary(app.page)).toasts as Array<{ message: string }>).filter((t) => t.message === NEW_OVER_PAINTING).length;

async function clear(): Promise<void> {
  await leaveField(app.page);
  await app.page.keyboard.press('Control+d');
  await expect.poll(() => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
}

/** A click on document point (x, y) with `keys` held. */
async function clickDoc(x: number, y: number, keys: Array<'Shift' | 'Alt'> = []): Promise<void> {
  await settleView(app.page);
  const c = await docToClient(app.page, x, y);
  await app.page.mouse.move(c.x, c.y);
  for (const k of keys) await app.page.keyboard.down(k);
  await app.page.mouse.click(c.x, c.y);
  for (const k of keys) await app.page.keyboard.up(k);
}

describe('new selection, as in Photoshop', () => {
  it('a plain marquee replaces the mask; over a painted one a message says so and Ctrl+Z brings the painting back', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 740],
      [300, 740],
    ]);
    await expect.poll(() => maskValue(page, 200, 740)).toBe(255);
    await page.keyboard.press('m');
    expect(await pressed()).toBe('New');
    await dragPath(page, [
      [600, 60],
      [700, 160],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Rectangle');
    expect(await maskValue(page, 650, 110)).toBe(255);
    expect(await maskValue(page, 200, 740)).toBe(0); // replaced: it was added to before
    expect(await told()).toBe(1);
    // A marquee replacing a marquee says nothing (as in Photoshop).
    await page
      .getByTestId('toast')
      .filter({ hasText: 'it replaced the mask you painted' })
      .getByRole('button', { name: 'Dismiss' })
      .click();
    expect(await told()).toBe(0);
    await dragPath(page, [
      [700, 400],
      [800, 500],
    ]);
    await expect.poll(() => maskValue(page, 750, 450)).toBe(255);
    expect(await maskValue(page, 650, 110)).toBe(0);
    expect(await told()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, 200, 740)).toBe(255);
    expect(await maskValue(page, 650, 110)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('the message goes at the next step: Ctrl+Z then undoes that step, not the new selection', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 740],
      [300, 740],
    ]);
    await expect.poll(() => maskValue(page, 200, 740)).toBe(255);
    await page.keyboard.press('m');
    await dragPath(page, [
      [600, 60],
      [700, 160],
    ]);
    await expect.poll(told).toBe(1);
    // A Shift-added rectangle: one Ctrl+Z now takes that away, the painting needs two, so "Ctrl+Z
    // brings the painting back" stopped being true (it stayed up, and one Ctrl+Z did not).
    await page.keyboard.down('Shift');
    await dragPath(page, [
      [700, 400],
      [800, 500],
    ]);
    await page.keyboard.up('Shift');
    await expect.poll(() => maskValue(page, 750, 450)).toBe(255);
    expect(await told()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, 200, 740)).toBe(255);
  });

  it('held keys show the mode in effect in the options bar and the cursor (+ − ×); Shift adds, let go it is New again', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await dragPath(page, [
      [100, 100],
      [200, 200],
    ]);
    await expect.poll(() => maskValue(page, 150, 150)).toBe(255);
    const c = await docToClient(page, 600, 600);
    await page.mouse.move(c.x, c.y);
    expect([await pressed(), await cursorSign()]).toEqual(['New', '']);
    await page.keyboard.down('Shift');
    await expect.poll(pressed).toBe('Add');
    expect(await cursorSign()).toBe('+');
    await page.keyboard.down('Alt');
    await expect.poll(pressed).toBe('Intersect');
    expect(await cursorSign()).toBe('×');
    await page.keyboard.up('Shift');
    await expect.poll(pressed).toBe('Subtract');
    expect(await cursorSign()).toBe('−');
    await page.keyboard.up('Alt');
    await expect.poll(pressed).toBe('New');
    expect(await cursorSign()).toBe('');
    // Shift held at the press adds: both rectangles stay.
    await page.keyboard.down('Shift');
    await dragPath(page, [
      [300, 100],
      [400, 200],
    ]);
    await page.keyboard.up('Shift');
    await expect.poll(() => maskValue(page, 350, 150)).toBe(255);
    expect(await maskValue(page, 150, 150)).toBe(255);
    expect((await summary(page)).label).toBe('Rectangle');
    // The wand too: a plain click is a new selection (the square alone), Shift+click adds the ellipse.
    await page.keyboard.press('w');
    await clickDoc(SQ.x + 50, SQ.y + 50);
    await waitIdle(page);
    await expect.poll(() => maskValue(page, SQ.x + 50, SQ.y + 50)).toBe(255);
    expect(await maskValue(page, 350, 150)).toBe(0);
    await clickDoc(E.cx, E.cy, ['Shift']);
    await waitIdle(page);
    await expect.poll(() => maskValue(page, E.cx, E.cy)).toBe(255);
    expect(await maskValue(page, SQ.x + 50, SQ.y + 50)).toBe(255);
    // Colour range: Shift adds a picked colour there, not a mode; the bar keeps its own.
    await page.keyboard.press('i');
    await page.keyboard.down('Shift');
    await page.mouse.move(c.x + 5, c.y);
    expect(await pressed()).toBe('New');
    await page.keyboard.up('Shift');
    await page.keyboard.press('m');
    expect(app.errors).toEqual([]);
  });

  it('Shift pressed during a plain ellipse drag (a circle, in Photoshop) leaves the bar and the cursor at New', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('Shift+m');
    await settleView(page);
    const a = await docToClient(page, 300, 300);
    const b = await docToClient(page, 500, 400);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    // Photoshop: Shift after the press constrains the shape; the mode was set at the press (New).
    await page.keyboard.down('Shift');
    await page.mouse.move(b.x + 4, b.y + 2, { steps: 2 });
    expect([await pressed(), await cursorSign()]).toEqual(['New', '']);
    await page.mouse.up();
    await expect.poll(async () => (await summary(page)).label).toBe('Ellipse');
    // Let go of the mouse with Shift still held: the next press would add, and the bar says so.
    await expect.poll(pressed).toBe('Add');
    await page.keyboard.up('Shift');
    await expect.poll(pressed).toBe('New');
    await page.keyboard.press('m');
  });
});

describe('object select: Shift-click is a hint, not a circle', () => {
  it('a Shift-click across the edge adds no background circle; after Ctrl+Z the next Shift-click still refines', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('o');
    await dragPath(page, [
      [E.cx - E.rx - 40, E.cy - E.ry - 30],
      [E.cx + E.rx + 60, E.cy + E.ry + 30],
    ]);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    expect(await maskValue(page, E.cx + E.rx + 20, E.cy)).toBe(0);
    // The brush is 60 px: a click on the ellipse's right edge has half of it on the background.
    await clickDoc(E.cx + E.rx, E.cy, ['Shift']);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: add to object');
    expect(await maskValue(page, E.cx + E.rx - 20, E.cy)).toBe(255);
    expect(await maskValue(page, E.cx + E.rx + 20, E.cy)).toBe(0); // the brush's circle was stamped: 255
    // Undo the stroke: the selection is still open, so a Shift-click refines again (it did nothing).
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    await clickDoc(E.cx - E.rx, E.cy, ['Shift']);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: add to object');
    expect(await maskValue(page, E.cx - E.rx - 20, E.cy)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('a Shift-click on a part the rectangle left out brings that part in, and no background', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('o');
    // Only the upper part of the ellipse: the rectangle ends 40 px below its centre.
    await dragPath(page, [
      [E.cx - E.rx - 40, E.cy - E.ry - 30],
      [E.cx + E.rx + 40, E.cy + 40],
    ]);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    expect(await maskValue(page, E.cx, E.cy + 150)).toBe(0);
    await clickDoc(E.cx, E.cy + 120, ['Shift']);
    await waitIdle(page);
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: add to object');
    expect(await maskValue(page, E.cx, E.cy + 150)).toBe(255); // outside the rectangle: cut off there before
    expect(await maskValue(page, E.cx - 100, E.cy + 100)).toBe(255);
    expect(await maskValue(page, E.cx - E.rx - 15, E.cy + 100)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
