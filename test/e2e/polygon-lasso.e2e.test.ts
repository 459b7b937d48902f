/**
 * The lasso's polygon between clicks, as in Photoshop's polygonal lasso: the zoom keys act while it is
 * open and it follows the view (Ctrl+= / Ctrl+- / Ctrl+0 / Ctrl+1 did nothing until it was closed, and
 * after a Space-drag its lines stayed where the photo had been until the mouse moved); any other
 * shortcut says how to close or cancel it (Ctrl+O, Ctrl+S or B did nothing, with nothing said — and
 * one click on the canvas with the lasso opens a polygon). Found by hand, 2026-12-04. One click and no
 * drag (on the pasteboard) placed a lone point that then held Ctrl+S until Esc: now a shortcut drops a
 * lone point and runs, as a click with Photoshop's lasso leaves nothing behind (found by a tester).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { POLYGON_OPEN } from '../../renderer/ui/keyboard/shortcut-hints';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg'); // 868×600
});
afterAll(async () => {
  await app?.close();
});

async function clickDoc(page: Page, x: number, y: number): Promise<void> {
  await settleView(page);
  const c = await docToClient(page, x, y);
  await page.mouse.click(c.x, c.y);
}

/** Alpha of the live (gesture) canvas around the screen position of a document point (max over 5×5 px). */
async function liveAlphaAt(page: Page, x: number, y: number): Promise<number> {
  await settleView(page);
  const c = await docToClient(page, x, y);
  return page.evaluate(
    ([cx, cy]) => {
      const canvas = document.querySelector('canvas.live-canvas') as HTMLCanvasElement;
      const r = canvas.getBoundingClientRect();
      const data = canvas.getContext('2d')!.getImageData(Math.round(cx - r.left) - 2, Math.round(cy - r.top) - 2, 5, 5).data;
      let max = 0;
      for (let i = 3; i < data.length; i += 4) max = Math.max(max, data[i]);
      return max;
    },
    [c.x, c.y] as const,
  );
}

describe('polygon lasso', () => {
  it('zoom keys and a Space-drag act between clicks; the polygon follows the view and closes where its points were', async () => {
    const page = app.page;
    await page.keyboard.press('l');
    await clickDoc(page, 200, 200);
    await clickDoc(page, 400, 200);
    await clickDoc(page, 400, 400);
    expect(await liveAlphaAt(page, 300, 200)).toBeGreaterThan(0); // the edge A–B is drawn
    const before = await summary(page);

    await page.keyboard.press('Control+Equal');
    await expect.poll(async () => (await summary(page)).scale).toBeGreaterThan(before.scale);
    expect(await liveAlphaAt(page, 300, 200), 'edge A–B where it now is on screen').toBeGreaterThan(0);

    // Space-drag pans (the mouse moved on the way is the hand's, not the polygon's).
    const mid = await docToClient(page, 300, 300);
    await page.mouse.move(mid.x, mid.y);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(mid.x - 90, mid.y - 70, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const panned = await summary(page);
    expect(panned.offset.y).toBeLessThan(before.offset.y);
    expect(await liveAlphaAt(page, 300, 200), 'edge A–B after the pan').toBeGreaterThan(0);

    await page.keyboard.press('Control+0');
    // Fitted (the photo opened at 100 %, at most; Ctrl+0 fills the room).
    await expect.poll(async () => (await summary(page)).fitted).toBe(true);
    expect(await liveAlphaAt(page, 300, 200), 'edge A–B after Ctrl+0').toBeGreaterThan(0);

    // Still the same polygon: a fourth point, Enter, and the mask is the square A B C D.
    await clickDoc(page, 200, 400);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).label).toBe('Lasso');
    expect(await maskValue(page, 300, 300)).toBe(255);
    expect(await maskValue(page, 210, 210)).toBe(255);
    expect(await maskValue(page, 450, 300)).toBe(0);
    expect(await maskValue(page, 300, 450)).toBe(0);
    expect(await liveAlphaAt(page, 300, 200), 'nothing left on the live canvas').toBe(0);
  });

  it('another shortcut while the polygon is open says how to close or cancel it, and the polygon stays', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await clickDoc(page, 500, 100);
    expect(await liveAlphaAt(page, 500, 100), 'one click shows the first point').toBeGreaterThan(0);
    await clickDoc(page, 700, 100);
    await clickDoc(page, 700, 300);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Control+o'); // no open dialog is asked (none is queued: it would fail)
    await page.keyboard.press('b');
    await expect.poll(async () => (await summary(page)).toasts.map((t: { message: string }) => t.message)).toContain(POLYGON_OPEN);
    const s = await summary(page);
    expect(s.toasts.filter((t: { message: string }) => t.message === POLYGON_OPEN)).toHaveLength(1);
    expect(s.toasts.filter((t: { tone: string }) => t.tone === 'error')).toEqual([]);
    expect(s.tool).toBe('lasso');
    expect(s.historyLabels).toHaveLength(steps);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).label).toBe('Lasso');
    expect(await maskValue(page, 650, 150)).toBe(255);
    expect(app.errors).toEqual([]);
  });

  it('a polygon started with Alt held subtracts, though the later clicks are made without it (as in Photoshop)', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    for (const [x, y] of [
      [200, 200],
      [400, 200],
      [400, 400],
      [200, 400],
    ])
      await clickDoc(page, x, y);
    await page.keyboard.press('Enter');
    await expect.poll(() => maskValue(page, 300, 300)).toBe(255);
    const before = (await summary(page)).historyLabels.length;
    await page.keyboard.down('Alt');
    await clickDoc(page, 250, 250);
    await page.keyboard.up('Alt');
    await clickDoc(page, 350, 250);
    await clickDoc(page, 350, 350);
    await clickDoc(page, 250, 350);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(before + 1);
    expect(await maskValue(page, 300, 300)).toBe(0); // the hole
    expect(await maskValue(page, 220, 220)).toBe(255); // the square around it stays
    expect(app.errors).toEqual([]);
  });

  it('another photo opened while a polygon is open (Open… clicked) cancels it: Enter does not close it on the new photo', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await clickDoc(page, 100, 100);
    await clickDoc(page, 300, 100);
    await clickDoc(page, 300, 300);
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await waitIdle(page);
    expect(await liveAlphaAt(page, 200, 100), 'no polygon over the new photo').toBe(0);
    await page.keyboard.press('Enter');
    const s = await summary(page);
    expect(s.label).toBe('Open coffee.png');
    expect(await maskValue(page, 250, 150)).toBe(0);
    // The lasso works on the new photo as usual.
    await clickDoc(page, 50, 50);
    await clickDoc(page, 150, 50);
    await clickDoc(page, 150, 150);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await summary(page)).label).toBe('Lasso');
    expect(await maskValue(page, 120, 70)).toBe(255);
    expect(app.errors).toEqual([]);
  });

  it('one click and no drag (on the pasteboard) shows its point, and Ctrl+S saves at once instead of waiting behind it', async () => {
    const page = app.page; // coffee.png 600×400, fitted
    // The messages left by the tests before are closed, as the user would close them.
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.keyboard.press('Control+d');
    await page.keyboard.press('l');
    await clickDoc(page, -12, 200); // left of the photo
    expect(await liveAlphaAt(page, -12, 200), 'the lone point is drawn').toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'maskwork-lone-click-'));
    app.dialogs.saves.push(join(dir, 'lone-click'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'lone-click.maskwork', null, {
      timeout: 15_000,
    });
    await waitIdle(page);
    let s = await summary(page);
    expect(s.toasts.map((t: { message: string }) => t.message)).not.toContain(POLYGON_OPEN);
    expect(await liveAlphaAt(page, -12, 200), 'the lone point went away').toBe(0);
    // A tool key after a lone click switches at once too; the next click starts afresh.
    await clickDoc(page, 300, 200);
    await page.keyboard.press('b');
    await expect.poll(async () => (await summary(page)).tool).toBe('brush');
    s = await summary(page);
    expect(s.toasts.map((t: { message: string }) => t.message)).not.toContain(POLYGON_OPEN);
    expect(s.historyLabels.at(-1)).toBe('Lasso');
    expect(app.errors).toEqual([]);
  });

  it('another tool clicked in the toolbar while a polygon is open cancels it: its keys are free again', async () => {
    const page = app.page;
    await page.keyboard.press('l');
    await clickDoc(page, 100, 100);
    await clickDoc(page, 300, 100);
    await clickDoc(page, 300, 300);
    const steps = (await summary(page)).historyLabels.length;
    await page
      .getByRole('navigation', { name: 'Tools' })
      .getByRole('button', { name: /^Brush/ })
      .click();
    expect(await liveAlphaAt(page, 200, 100), 'no polygon left over the brush').toBe(0);
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.keyboard.press('e');
    await expect.poll(async () => (await summary(page)).tool).toBe('eraser');
    await page.keyboard.press('Enter');
    const s = await summary(page);
    expect(s.toasts.map((t: { message: string }) => t.message)).not.toContain(POLYGON_OPEN);
    expect(s.historyLabels).toHaveLength(steps);
    expect(await maskValue(page, 250, 150)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
