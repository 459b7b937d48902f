/**
 * Photoshop's zoom with the hand held, with real keys and mouse: Ctrl+Space+click zooms in at the
 * clicked point and Alt+Space+click zooms out (either key order), one zoom-key step each; Space alone
 * still pans. The clicks reach no tool: no brush dab, no marquee subtract (Alt subtracts there), no
 * history step — and once Space is let go, Alt-drag subtracts as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { clientToDoc, docToClient, dragPath, settleView, summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { nextZoomStep } from '../../renderer/model/zoom-steps';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await settleView(app.page);
});
afterAll(async () => {
  await app?.close();
});

const maskPixels = (page: Page): Promise<number> => page.evaluate(() => (window as any).__maskworkTest.maskPixels());
const cursor = (page: Page) => page.getByTestId('stage').evaluate((el) => (el as HTMLElement).style.cursor);

/** Holds `keys` in that order, clicks at `p`, lets them go; returns the cursor seen while held. */
async function clickHolding(page: Page, keys: string[], p: { x: number; y: number }): Promise<string> {
  for (const k of keys) await page.keyboard.down(k);
  await page.mouse.move(p.x, p.y);
  const seen = await cursor(page);
  await page.mouse.click(p.x, p.y);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
  return seen;
}

describe('Ctrl+Space / Alt+Space click zoom', () => {
  it('Ctrl+Space+click zooms in at the point, Alt+Space+click zooms out there; no tool sees the click', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await leaveField(page);
    const before = await summary(page);
    const pixels = await maskPixels(page);
    const p = await docToClient(page, 420, 260);
    const under = await clientToDoc(page, p);

    expect(await clickHolding(page, ['Control', 'Space'], p)).toBe('zoom-in');
    const zoomedIn = nextZoomStep(before.scale, 1);
    await expect.poll(async () => (await summary(page)).scale).toBe(zoomedIn);
    const inAt = await clientToDoc(page, p);
    expect(Math.abs(inAt.x - under.x)).toBeLessThan(1.5);
    expect(Math.abs(inAt.y - under.y)).toBeLessThan(1.5);

    // Space first, then Alt: the order the keys go down in does not matter.
    expect(await clickHolding(page, ['Space', 'Alt'], p)).toBe('zoom-out');
    const zoomedOut = nextZoomStep(zoomedIn, -1); // the preset below (the fitted zoom is none)
    expect(zoomedOut).toBeLessThan(zoomedIn);
    await expect.poll(async () => (await summary(page)).scale).toBe(zoomedOut);
    const outAt = await clientToDoc(page, p);
    expect(Math.abs(outAt.x - under.x)).toBeLessThan(1.5);
    expect(Math.abs(outAt.y - under.y)).toBeLessThan(1.5);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Space');
    await page.mouse.click(p.x, p.y);
    await page.keyboard.up('Space');
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await summary(page)).scale).toBe(nextZoomStep(zoomedOut, -1));

    // The brush painted nothing, and no step was added.
    const after = await summary(page);
    expect(await maskPixels(page)).toBe(pixels);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.tool).toBe('brush');
    // Space alone is still the hand: a drag pans, the zoom stays.
    expect(await cursor(page)).toBe('none'); // the brush's own outline again, once the keys are up
    await page.keyboard.down('Space');
    expect(await cursor(page)).toBe('grab');
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 80, p.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const panned = await summary(page);
    expect(panned.scale).toBe(after.scale);
    expect(panned.offset.x - after.offset.x).toBeCloseTo(80, 0);
    expect(panned.offset.y - after.offset.y).toBeCloseTo(40, 0);
    expect(await maskPixels(page)).toBe(pixels);
  });

  it("Alt+Space+click in a selection is a zoom, not the marquee's subtract; Alt-drag without Space still subtracts", async () => {
    const page = app.page;
    await page.keyboard.press('Control+Digit0');
    await settleView(page);
    await page.keyboard.press('m');
    await dragPath(page, [
      [200, 150],
      [600, 450],
    ]);
    await expect.poll(async () => (await summary(page)).label).toBe('Rectangle');
    const pixels = await maskPixels(page);
    const s0 = await summary(page);
    const p = await docToClient(page, 400, 300);
    // A drag with Alt+Space held, inside the selection: the press zooms out, the drag does nothing else.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Space');
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 60, p.y + 60, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await summary(page)).scale).toBe(nextZoomStep(s0.scale, -1));
    expect(await maskPixels(page)).toBe(pixels);
    expect((await summary(page)).historyLabels).toEqual(s0.historyLabels);
    // Alt alone (Space let go) is the marquee's subtract again.
    await page.keyboard.press('Control+Digit0');
    await settleView(page);
    await page.keyboard.down('Alt');
    await dragPath(page, [
      [300, 200],
      [400, 300],
    ]);
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await summary(page)).label).toBe('Rectangle subtract');
    expect(await maskPixels(page)).toBeLessThan(pixels);
  });
});
