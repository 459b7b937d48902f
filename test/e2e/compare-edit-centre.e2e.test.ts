/**
 * Compare view at 100 % on a large photo: the panes centre on what the candidates change, not on the
 * middle of the photo. A tester zoomed a fitted compare to 100 % with an edit near the bottom of the
 * photo and saw the photo's middle, the edit off screen. Offline engine (no key), real mouse and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath } from '../support/page-helpers';
import { retype, sliderTo } from '../support/user-input';

let app: AppHarness;
// colorful-cups.jpg is 2560×1600; the stroke runs near its bottom, left of the middle.
const STROKE = { from: { x: 700, y: 1450 }, to: { x: 900, y: 1450 } };
const MID = { x: 800, y: 1450 };

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg');
  const page = app.page;
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '60');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(page, [
    [STROKE.from.x, STROKE.from.y],
    [STROKE.to.x, STROKE.to.y],
  ]);
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '2');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 60_000 });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The shared view (read-only data attributes of the dialog) and the first pane's size. */
async function paneView() {
  const d = app.page.getByRole('dialog', { name: 'Compare candidates' });
  const box = await d.getByTestId('compare-canvas').first().boundingBox();
  return {
    scale: Number(await d.getAttribute('data-scale')),
    x: Number(await d.getAttribute('data-x')),
    y: Number(await d.getAttribute('data-y')),
    width: box!.width,
    height: box!.height,
  };
}

/** Where document point `p` is in a pane, as a fraction of the pane (0.5, 0.5 is its centre). */
async function inPane(p: { x: number; y: number }) {
  const v = await paneView();
  return { x: (p.x * v.scale + v.x) / v.width, y: (p.y * v.scale + v.y) / v.height, scale: v.scale };
}

describe('compare view at 100 %', () => {
  it('100 % (the button, then Ctrl+1 from Fit) centres every pane on the edit near the bottom of the photo', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    expect((await paneView()).scale, 'fitted: a 2560 px photo is shown smaller').toBeLessThan(0.5);

    await dialog.getByRole('button', { name: '100 %', exact: true }).click();
    await expect.poll(async () => (await paneView()).scale).toBeCloseTo(1, 6);
    // The stroke's middle is near the pane's centre, both its ends in sight.
    let at = await inPane(MID);
    expect(Math.abs(at.x - 0.5), `stroke middle at ${at.x}, ${at.y} of the pane`).toBeLessThan(0.1);
    expect(Math.abs(at.y - 0.5), `stroke middle at ${at.x}, ${at.y} of the pane`).toBeLessThan(0.1);
    for (const end of [STROKE.from, STROKE.to]) {
      const e = await inPane(end);
      expect(e.x > 0 && e.x < 1 && e.y > 0 && e.y < 1, `stroke end ${JSON.stringify(end)} in sight`).toBe(true);
    }

    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await paneView()).scale).toBeLessThan(0.5);
    await page.keyboard.press('Control+1');
    await expect.poll(async () => (await paneView()).scale).toBeCloseTo(1, 6);
    at = await inPane(MID);
    expect(Math.abs(at.x - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(at.y - 0.5)).toBeLessThan(0.1);
    expect(app.errors).toEqual([]);
  });

  it('zoomed in elsewhere (the edit not all in sight), 100 % keeps the point at the centre, as on the canvas', async () => {
    const page = app.page;
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await paneView()).scale).toBeLessThan(0.5);
    // The wheel over the photo's top left zooms in there; the edit leaves the view.
    const pane = await dialog.getByTestId('compare-canvas').first().boundingBox();
    const v = await paneView();
    const top = { x: pane!.x + 300 * v.scale + v.x, y: pane!.y + 200 * v.scale + v.y };
    await page.mouse.move(top.x, top.y);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await paneView()).scale).toBeGreaterThan(v.scale * 1.5);
    const zoomed = await paneView();
    const centre = { x: (zoomed.width / 2 - zoomed.x) / zoomed.scale, y: (zoomed.height / 2 - zoomed.y) / zoomed.scale };
    await page.keyboard.press('Control+1');
    await expect.poll(async () => (await paneView()).scale).toBeCloseTo(1, 6);
    const c = await inPane(centre);
    expect(c.x).toBeCloseTo(0.5, 2);
    expect(c.y).toBeCloseTo(0.5, 2);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
