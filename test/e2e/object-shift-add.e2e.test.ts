/**
 * Object select's Shift-drag adds, as in Photoshop's Object Selection: a rectangle dragged with Shift
 * adds the object found in it to the selection — also when the drag begins inside the open
 * selection's rectangle, where it used to paint an "object" stroke along the drag (a Photoshop user's
 * Shift-drag around the thing beside the first one, begun in the first rectangle's margin, left it
 * unselected, a green streak of "object" hint across it). Each add is one undo step. A Shift-click
 * there is still the "object" hint. Real mouse and keys; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchApp, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';

const W = 1000;
const H = 700;
/** Three dark squares on a light ground: A and B side by side, C under B. */
const A = { x: 250, y: 250, s: 160 };
const B = { x: 520, y: 250, s: 160 };
const C = { x: 520, y: 470, s: 160 };
type Sq = typeof A;
const inSquare = (q: Sq, x: number, y: number) => x >= q.x && x < q.x + q.s && y >= q.y && y < q.y + q.s;

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const c = inSquare(A, x, y) || inSquare(B, x, y) || inSquare(C, x, y) ? [40, 60, 150] : [230, 228, 222];
      data.set(c, (y * W + x) * 3);
    }
  const photo = join(app.tmp, 'three-squares.png');
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
const steps = async () => (await summary(app.page)).historyLabels.length as number;
/** The square's centre and two of its corners, 5 px in. */
const inside = (q: Sq): Array<[number, number]> => [
  [q.x + q.s / 2, q.y + q.s / 2],
  [q.x + 5, q.y + q.s - 5],
  [q.x + q.s - 5, q.y + 5],
];
const values = (q: Sq) => Promise.all(inside(q).map(([x, y]) => maskValue(app.page, x, y)));

describe("object select's Shift-drag", () => {
  it('begun inside the open rectangle, adds the object found in the new rectangle, one undo step each', async () => {
    const page = app.page;
    await page.keyboard.press('o');
    // A rectangle around A alone, 60 px of ground around it (it reaches x 470, short of B at 520).
    await dragPath(
      app.page,
      [
        [A.x - 60, A.y - 60],
        [A.x + A.s + 60, A.y + A.s + 60],
      ],
      10,
    );
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select');
    expect(await values(A)).toEqual([255, 255, 255]);
    expect(await values(B)).toEqual([0, 0, 0]);
    const first = await steps();
    // Shift-drag around B, begun inside A's rectangle (in the ground between the squares).
    await dragPath(
      app.page,
      [
        [A.x + A.s + 50, B.y - 40],
        [B.x + B.s + 40, B.y + B.s + 40],
      ],
      10,
      ['Shift'],
    );
    await idle();
    await expect.poll(() => maskValue(page, B.x + B.s / 2, B.y + B.s / 2)).toBe(255);
    expect((await summary(page)).label).toBe('Object select');
    expect(await steps()).toBe(first + 1);
    expect(await values(B)).toEqual([255, 255, 255]);
    expect(await values(A)).toEqual([255, 255, 255]); // the first object stays
    expect(await maskValue(page, A.x + A.s + 55, B.y + B.s / 2)).toBe(0); // the object, not the rectangle
    expect(await values(C)).toEqual([0, 0, 0]);
    // Again from inside B's rectangle (its lower margin, above C): C is added, one more step.
    await dragPath(
      app.page,
      [
        [C.x + C.s + 30, B.y + B.s + 30],
        [C.x - 40, C.y + C.s + 40],
      ],
      10,
      ['Shift'],
    );
    await idle();
    await expect.poll(() => maskValue(page, C.x + C.s / 2, C.y + C.s / 2)).toBe(255);
    expect(await steps()).toBe(first + 2);
    expect(await values(C)).toEqual([255, 255, 255]);
    expect(await values(B)).toEqual([255, 255, 255]);
    expect(await values(A)).toEqual([255, 255, 255]);
    // A Shift-click inside the open rectangle is still the "object" hint, one more step.
    const c = await docToClient(page, C.x + C.s / 2, C.y + C.s / 2);
    await page.keyboard.down('Shift');
    await page.mouse.click(c.x, c.y);
    await page.keyboard.up('Shift');
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Object select: add to object');
    expect(await steps()).toBe(first + 3);
    expect(await values(C)).toEqual([255, 255, 255]);
    // Undo takes back one thing a time: the hint, then C, then B; A stays.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, C.x + C.s / 2, C.y + C.s / 2)).toBe(0);
    expect(await values(B)).toEqual([255, 255, 255]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => maskValue(page, B.x + B.s / 2, B.y + B.s / 2)).toBe(0);
    expect(await values(A)).toEqual([255, 255, 255]);
    expect(app.errors).toEqual([]);
  });
});
