/**
 * The selection tools driven like a user, on a photo made so the truth is exact (test/support/selection-photo.ts):
 * magic wand (W), ellipse marquee (Shift+M) and the marquee's keys as in Photoshop (Alt, Shift, Space
 * mid-drag, arrows). Each result is one undo step. Object select: selection-object.e2e.test.ts; colour
 * range, refine edge and zoom to mask: selection-range-refine.e2e.test.ts; pen pressure and the
 * hardness ring: brush-pressure-ring.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, settleView, summary } from '../support/page-helpers';
import { E, SQ1, SQ2, inEllipse, launchWithProduct, selectionSteps } from '../support/selection-photo';
import { leaveField, retype } from '../support/user-input';

let app: AppHarness;
const { idle, clickDoc, clear, agreement } = selectionSteps(() => app);

beforeAll(async () => {
  app = await launchWithProduct();
});
afterAll(async () => {
  await app?.close();
});

describe('magic wand', () => {
  it('W then a click selects the red square it hit (contiguous), as one undo step', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('w');
    expect((await summary(page)).tool).toBe('wand');
    const before = (await summary(page)).historyLabels.length;
    await clickDoc(SQ1.x + 50, SQ1.y + 50);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Magic wand');
    expect((await summary(page)).historyLabels.length).toBe(before + 1);
    expect(await maskValue(page, SQ1.x + 5, SQ1.y + 60)).toBe(255);
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(0);
    expect(await maskValue(page, SQ1.x - 5, SQ1.y + 60)).toBe(0);
    // Anti-aliased edge: the first pixel outside is partly selected.
    const edge = await maskValue(page, SQ1.x - 1, SQ1.y + 60);
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(128);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, SQ1.x + 5, SQ1.y + 60)).toBe(0);
  });

  it('a Shift-click on the same square adds nothing, and an Alt-click there leaves no faint edge', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('w');
    await clickDoc(SQ1.x + 50, SQ1.y + 50);
    await idle();
    // The mask's values summed with their positions, in the page (the whole array is slow to carry out).
    const digest = () =>
      page.evaluate(() => {
        const v = (window as any).__maskworkTest.maskValues() as number[];
        let sum = 0;
        let weighted = 0;
        for (let i = 0; i < v.length; i++) {
          sum += v[i];
          weighted = (weighted + v[i] * (i % 9973)) % 1_000_000_007;
        }
        return { sum, weighted };
      });
    const once = await digest();
    expect(once.sum).toBeGreaterThan(0);
    await clickDoc(SQ1.x + 50, SQ1.y + 50, ['Shift']);
    await idle();
    expect(await digest()).toEqual(once);
    await clickDoc(SQ1.x + 50, SQ1.y + 50, ['Alt']);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Magic wand subtract');
    // Every pixel, the anti-aliased edge too (it kept values up to 64 along it).
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
  });

  it('contiguous off takes both squares; Alt+click subtracts; tolerance 0 misses the shaded ellipse', async () => {
    const page = app.page;
    await clear();
    await page.getByRole('checkbox', { name: 'Contiguous' }).click();
    await leaveField(page);
    await clickDoc(SQ1.x + 50, SQ1.y + 50);
    await idle();
    expect(await maskValue(page, SQ2.x + 50, SQ2.y + 50)).toBe(255);
    expect(await maskValue(page, SQ1.x + 50, SQ1.y + 50)).toBe(255);
    await clickDoc(SQ2.x + 50, SQ2.y + 50, ['Alt']);
    await idle();
    await expect.poll(async () => (await summary(page)).label).toBe('Magic wand subtract');
    expect(await maskValue(page, SQ1.x + 50, SQ1.y + 50)).toBe(0);
    await page.getByRole('checkbox', { name: 'Contiguous' }).click();
    await retype(page.getByRole('spinbutton', { name: 'Tolerance' }), '0');
    await leaveField(page);
    await clickDoc(E.cx, E.cy, ['Shift']);
    await idle();
    // The ellipse is shaded by row: with tolerance 0 only a band of rows around the click is taken.
    expect(await maskValue(page, E.cx, E.cy)).toBe(255);
    expect(await maskValue(page, E.cx, E.cy + 150)).toBe(0);
    await retype(page.getByRole('spinbutton', { name: 'Tolerance' }), '40');
    await leaveField(page);
    await clickDoc(E.cx, E.cy, ['Shift']);
    await idle();
    expect(await maskValue(page, E.cx, E.cy + 150)).toBe(255);
    expect(await agreement((x, y) => inEllipse(x, y))).toBeGreaterThan(0.99);
  });
});

describe('ellipse marquee', () => {
  it('Shift+M drags an ellipse: the centre is in, the corners of its box are out', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('Shift+M');
    expect((await summary(page)).tool).toBe('ellipse');
    await dragPath(page, [
      [100, 100],
      [500, 400],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Ellipse');
    expect(await maskValue(page, 300, 250)).toBe(255);
    expect(await maskValue(page, 110, 110)).toBe(0);
    expect(await maskValue(page, 490, 390)).toBe(0);
    expect(await maskValue(page, 300, 105)).toBe(255);
  });
});

describe('marquee keys, as in Photoshop', () => {
  /** A drag from doc point `a` to `b`; `during` runs after the first move (keys pressed mid-drag). */
  async function marquee(a: [number, number], b: [number, number], held: Array<'Shift' | 'Alt'>, during: () => Promise<void>) {
    const page = app.page;
    await settleView(page);
    const p = await docToClient(page, a[0], a[1]);
    const q = await docToClient(page, b[0], b[1]);
    await page.mouse.move(p.x, p.y);
    for (const m of held) await page.keyboard.down(m);
    await page.mouse.down();
    await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2, { steps: 4 });
    await during();
    await page.mouse.move(q.x, q.y, { steps: 4 });
    await page.mouse.up();
  }

  it('Alt held at the start subtracts even when let go mid-drag; Shift and Alt pressed mid-drag make a centred square', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await dragPath(page, [
      [100, 100],
      [500, 400],
    ]);
    await expect.poll(() => maskValue(page, 300, 250)).toBe(255);
    // Alt down before the press, up halfway: the mode was chosen at the press (it grew the selection).
    await marquee([250, 200], [350, 300], ['Alt'], () => page.keyboard.up('Alt'));
    await expect.poll(() => maskValue(page, 300, 250)).toBe(0);
    expect(await maskValue(page, 150, 150)).toBe(255);
    await clear();
    // Shift and Alt pressed once the drag is going: a square centred on the press point.
    await marquee([300, 250], [360, 270], [], async () => {
      await page.keyboard.down('Shift');
      await page.keyboard.down('Alt');
    });
    await page.keyboard.up('Alt');
    await page.keyboard.up('Shift');
    // Half-side 60 (the larger of 60 and 20) about (300, 250): (245, 195) and (355, 305) are in, (300, 185) is out.
    await expect.poll(() => maskValue(page, 245, 195)).toBe(255);
    expect(await maskValue(page, 355, 305)).toBe(255);
    expect(await maskValue(page, 300, 185)).toBe(0);
    expect(await maskValue(page, 365, 250)).toBe(0);
  });

  it('Space held mid-drag moves the marquee; let go, the drag goes on from there (it did nothing)', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await settleView(page);
    const at = (x: number, y: number) => docToClient(page, x, y);
    const a = await at(100, 100);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    const b = await at(200, 200);
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.keyboard.down('Space');
    const c = await at(300, 250);
    await page.mouse.move(c.x, c.y, { steps: 4 });
    await page.keyboard.up('Space');
    const d = await at(350, 300);
    await page.mouse.move(d.x, d.y, { steps: 4 });
    await page.mouse.up();
    // Moved by (100, 50) while Space was down, then grown: (200, 150)…(350, 300).
    await expect.poll(() => maskValue(page, 210, 160)).toBe(255);
    expect(await maskValue(page, 340, 290)).toBe(255);
    expect(await maskValue(page, 120, 120)).toBe(0);
    expect(await maskValue(page, 190, 140)).toBe(0);
    expect(await maskValue(page, 360, 310)).toBe(0);
  });

  it('arrows nudge the mask with a selection tool: 1 px, Shift 10 px, one step each (they did nothing)', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await dragPath(page, [
      [100, 100],
      [200, 200],
    ]);
    await expect.poll(() => maskValue(page, 101, 150)).toBe(255);
    const steps = (await summary(page)).historyLabels.length;
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    // 100…199 both ways, moved by (3, 10): 103…202 across, 110…209 down.
    await expect.poll(() => maskValue(page, 201, 150)).toBe(255);
    expect(await maskValue(page, 101, 150)).toBe(0);
    expect(await maskValue(page, 150, 105)).toBe(0);
    expect(await maskValue(page, 150, 208)).toBe(255);
    const after = await summary(page);
    expect(after.label).toBe('Nudge mask');
    expect(after.historyLabels.length).toBe(steps + 4);
    // With the brush the arrows leave the mask alone, as in Photoshop.
    await page.keyboard.press('b');
    await page.keyboard.press('ArrowLeft');
    expect((await summary(page)).historyLabels.length).toBe(steps + 4);
  });

  it('Shift+Alt held at the start intersects: only the overlap stays (it subtracted, Alt winning)', async () => {
    const page = app.page;
    await clear();
    await page.keyboard.press('m');
    await dragPath(page, [
      [100, 100],
      [300, 300],
    ]);
    await expect.poll(() => maskValue(page, 150, 150)).toBe(255);
    await marquee([200, 200], [400, 400], ['Shift', 'Alt'], async () => {});
    await page.keyboard.up('Alt');
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await summary(page)).label).toBe('Rectangle intersect');
    expect(await maskValue(page, 250, 250)).toBe(255); // in both
    expect(await maskValue(page, 150, 150)).toBe(0); // only in the first
    expect(await maskValue(page, 350, 350)).toBe(0); // only in the second
    // Not a square shaped by the held keys: the drag's own box (200..400 both ways here).
    expect(await maskValue(page, 295, 295)).toBe(255);
    // No page errors along the way (the tests that shared this app with the brush's checked them there).
    expect(app.errors).toEqual([]);
  });
});
