/**
 * Object select's Alt-drag subtracts, as in Photoshop's Object Selection: a rectangle dragged with
 * Alt takes the object found in it out of the selection — also when the drag begins inside the open
 * selection's rectangle, where it used to paint a "not object" stroke along the drag (a Photoshop
 * user's Alt-drag around one of two selected things left both selected, a red streak of "not object"
 * across them). An Alt-click there is still the "not object" hint. Real mouse and keys; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';

const W = 1000;
const H = 700;
/** Two dark squares side by side on a light ground: one rectangle around both selects both. */
const A = { x: 250, y: 250, s: 160 };
const B = { x: 520, y: 250, s: 160 };
const inSquare = (q: typeof A, x: number, y: number) => x >= q.x && x < q.x + q.s && y >= q.y && y < q.y + q.s;

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const c = inSquare(A, x, y) || inSquare(B, x, y) ? [40, 60, 150] : [230, 228, 222];
      data.set(c, (y * W + x) * 3);
    }
  const photo = join(app.tmp, 'two-squares.png');
  await sharp(data, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toFile(photo);
  app.dialogs.opens.push(photo);
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await settleView(app.page);
}, 120_000);
afterAll(() => app?.close());

const idle = () => waitIdle(app.page);

describe("object select's Alt-drag", () => {
  it('begun inside the open rectangle, subtracts the object found in the new rectangle', async () => {
    const page = app.page;
    await page.keyboard.press('o');
    await dragPath(
      app.page,
      [
        [A.x - 60, A.y - 60],
        [B.x + B.s + 60, B.y + B.s + 60],
      ],
      10,
    );
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    expect(await maskValue(page, A.x + 80, A.y + 80)).toBe(255);
    expect(await maskValue(page, B.x + 80, B.y + 80)).toBe(255);
    const steps = (await summary(page)).historyLabels.length;
    // Alt-drag around B alone, begun inside the first rectangle (between the squares).
    await dragPath(
      app.page,
      [
        [B.x - 40, B.y - 40],
        [B.x + B.s + 40, B.y + B.s + 40],
      ],
      10,
      ['Alt'],
    );
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select subtract');
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(await maskValue(page, B.x + 80, B.y + 80)).toBe(0);
    expect(await maskValue(page, B.x + 5, B.y + B.s - 5)).toBe(0);
    expect(await maskValue(page, A.x + 80, A.y + 80)).toBe(255); // the other object stays
    expect(await maskValue(page, A.x + A.s - 5, A.y + 5)).toBe(255);
    // Undo brings B back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, B.x + 80, B.y + 80)).toBe(255);
    expect(app.errors).toEqual([]);
  });
});
