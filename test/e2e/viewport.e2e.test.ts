/**
 * Viewport and tool shortcuts in Chromium through the real handlers: Ctrl+1 / Ctrl+Alt+0 / Ctrl+0 / Ctrl+= /
 * Ctrl+-, wheel zoom about the cursor, Space-drag and middle-button pan (no mask change, no history
 * step), `\` toggles the mask overlay, [ / ] brush size, B/E/M/L/H tools.
 */
import { FIT_BOTTOM_RESERVE } from '../../renderer/commands/store/viewport-slice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';
import { leaveField, sliderTo } from '../support/user-input';

let app: AppHarness;
const W = 868;
const H = 600;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

async function stageRect(page: Page) {
  const r = await page.locator('[data-testid="stage"]').boundingBox();
  expect(r).not.toBeNull();
  return r!;
}

async function view(page: Page) {
  const s = await summary(page);
  return { scale: s.scale as number, x: s.offset.x as number, y: s.offset.y as number };
}

/** The document point shown at a client (viewport) point. */
async function docAt(page: Page, clientX: number, clientY: number) {
  const r = await stageRect(page);
  const v = await view(page);
  return { x: (clientX - r.x - v.x) / v.scale, y: (clientY - r.y - v.y) / v.scale };
}

async function stageCentre(page: Page) {
  const r = await stageRect(page);
  // The store's stage size is floor()ed; zoom shortcuts anchor at the centre of what the dock
  // floating over its bottom leaves visible (at least FIT_BOTTOM_RESERVE), where a fit centres the picture.
  const dock = (await page.getByTestId('staging-dock').boundingBox())!;
  const visible = Math.floor(r.height) - Math.max(FIT_BOTTOM_RESERVE, Math.ceil(dock.height));
  return { x: r.x + Math.floor(r.width) / 2, y: r.y + visible / 2 };
}

async function expectDocPointAt(page: Page, doc: { x: number; y: number }, client: { x: number; y: number }) {
  const c = await docToClient(page, doc.x, doc.y);
  expect(Math.abs(c.x - client.x), `x: ${c.x} vs ${client.x}`).toBeLessThanOrEqual(1);
  expect(Math.abs(c.y - client.y), `y: ${c.y} vs ${client.y}`).toBeLessThanOrEqual(1);
}

async function press(page: Page, key: string) {
  await page.keyboard.press(key);
}

async function maskPixels(page: Page): Promise<number> {
  return page.evaluate(() => (window as any).__maskworkTest.maskPixels());
}

/** Mean R, G, B of a small screen area. */
async function meanColour(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const png = await page.screenshot({ clip });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
  const n = data.length / info.channels;
  return { r: sum[0] / n, g: sum[1] / n, b: sum[2] / n, raw: data };
}

describe('viewport', () => {
  it('opens a photo fitted to the window, at 100 % at most (as Photoshop opens a document)', async () => {
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await press(app.page, 'Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(app.page);
    expect((await summary(app.page)).canvas).toEqual({ width: W, height: H });
    // The room would take it at about 107 %: it opens at 100 %, and Ctrl+0 then fills the room.
    expect((await view(app.page)).scale).toBe(1);
    await press(app.page, 'Control+Digit0');
    await expect.poll(async () => (await view(app.page)).scale).toBeGreaterThan(1);
  });

  it('Ctrl+1 → 100 %, keeping the document point at the centre of the view fixed', async () => {
    const page = app.page;
    const centre = await stageCentre(page);
    const before = await view(page);
    expect(before.scale).not.toBe(1);
    const docPt = await docAt(page, centre.x, centre.y);
    await press(page, 'Control+Digit1');
    await expect.poll(async () => (await view(page)).scale).toBe(1);
    await expectDocPointAt(page, docPt, centre);
    expect(await page.getByTestId('zoom').innerText()).toContain('100%');
  });

  it('Ctrl+0 → fits: the whole canvas visible, centred, as large as the padding allows', async () => {
    const page = app.page;
    await press(page, 'Control+Equal');
    await press(page, 'Control+Equal');
    const zoomed = await view(page);
    expect(zoomed.scale).toBeGreaterThan(1);
    await press(page, 'Control+Digit0');
    await expect.poll(async () => (await view(page)).scale).not.toBe(zoomed.scale);
    const r = await stageRect(page);
    const sw = Math.floor(r.width);
    // The dock floats over the bottom of the stage; a fit leaves room for it (at least its always-visible row).
    const dock = (await page.getByTestId('staging-dock').boundingBox())!;
    const sh = Math.floor(r.height) - Math.max(FIT_BOTTOM_RESERVE, Math.ceil(dock.height));
    const v = await view(page);
    const expected = Math.min((sw - 48) / W, (sh - 48) / H, 4);
    expect(v.scale).toBeCloseTo(expected, 6);
    // Centred, on whole screen pixels (the picture's origin on the pixel grid).
    expect(Math.abs(v.x - (sw - W * v.scale) / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(v.y - (sh - H * v.scale) / 2)).toBeLessThanOrEqual(0.5);
    expect([Number.isInteger(v.x), Number.isInteger(v.y)]).toEqual([true, true]);
    expect(v.x).toBeGreaterThanOrEqual(0);
    expect(v.y).toBeGreaterThanOrEqual(0);
    expect(v.x + W * v.scale).toBeLessThanOrEqual(sw);
    expect(v.y + H * v.scale).toBeLessThanOrEqual(sh);
    // One side touches the padding: it is as large as it can be.
    expect(Math.abs(Math.min(v.x, v.y) - 24)).toBeLessThanOrEqual(0.5);
  });

  it("Ctrl+Alt+0 → 100 % too (Photoshop's actual pixels), not fit; Ctrl+0 still fits", async () => {
    const page = app.page;
    const fitted = await view(page);
    expect(fitted.scale).not.toBe(1);
    const centre = await stageCentre(page);
    const docPt = await docAt(page, centre.x, centre.y);
    await press(page, 'Control+Alt+Digit0');
    await expect.poll(async () => (await view(page)).scale).toBe(1);
    await expectDocPointAt(page, docPt, centre);
    expect(await page.getByTestId('zoom').innerText()).toContain('100%');
    await press(page, 'Control+Digit0');
    await expect.poll(async () => (await view(page)).scale).toBeCloseTo(fitted.scale, 6);
  });

  it('Ctrl+= and Ctrl+- step the zoom through the steps, about the stage centre', async () => {
    const page = app.page;
    await press(page, 'Control+Digit1');
    await expect.poll(async () => (await view(page)).scale).toBe(1);
    const centre = await stageCentre(page);
    const docPt = await docAt(page, centre.x, centre.y);
    const seen: number[] = [];
    for (const key of ['Control+Equal', 'Control+Equal', 'Control+Minus', 'Control+Minus', 'Control+Minus']) {
      const prev = (await view(page)).scale;
      await press(page, key);
      await expect.poll(async () => (await view(page)).scale).not.toBe(prev);
      seen.push((await view(page)).scale);
      await expectDocPointAt(page, docPt, centre);
    }
    expect(seen).toEqual([1.5, 2, 1.5, 1, 0.667]);
  });

  it('the mouse wheel zooms about the cursor: the document point under it stays put (±1 px)', async () => {
    const page = app.page;
    await press(page, 'Control+Digit0');
    const r = await stageRect(page);
    for (const [fx, fy, deltaY] of [
      [0.3, 0.4, -240],
      [0.7, 0.65, -120],
      [0.25, 0.8, 300],
    ] as const) {
      const cursor = { x: Math.round(r.x + r.width * fx), y: Math.round(r.y + r.height * fy) };
      await page.mouse.move(cursor.x, cursor.y);
      const before = await view(page);
      const docPt = await docAt(page, cursor.x, cursor.y);
      await page.mouse.wheel(0, deltaY);
      await expect.poll(async () => (await view(page)).scale).not.toBe(before.scale);
      const after = await view(page);
      if (deltaY < 0) expect(after.scale).toBeGreaterThan(before.scale);
      else expect(after.scale).toBeLessThan(before.scale);
      await expectDocPointAt(page, docPt, cursor);
    }
  });

  it('at 100 % reached with the wheel about the cursor, the screen shows the file’s own pixels, not blends of two (the origin on the pixel grid)', async () => {
    const page = app.page;
    await press(page, 'Control+Digit0');
    await settleView(page);
    const r = await stageRect(page);
    // Any cursor: a zoom about it lands the picture wherever the cursor's document point says.
    await page.mouse.move(Math.round(r.x + r.width * 0.37), Math.round(r.y + r.height * 0.41));
    for (let i = 0; i < 12 && (await view(page)).scale !== 1; i++) {
      await page.mouse.wheel(0, (await view(page)).scale > 1 ? 120 : -120);
      await expect.poll(async () => (await view(page)).scale).not.toBe(0);
    }
    await settleView(page);
    expect((await view(page)).scale).toBe(1);
    await waitIdle(page);
    // A 160×120 patch of the screen, from a whole document pixel near the stage's middle.
    const doc0 = await docAt(page, r.x + r.width / 2, r.y + r.height / 3);
    const dx = Math.round(doc0.x);
    const dy = Math.round(doc0.y);
    const c = await docToClient(page, dx, dy);
    const shot = await page.screenshot({ clip: { x: Math.round(c.x), y: Math.round(c.y), width: 160, height: 120 } });
    const screen = await sharp(shot).removeAlpha().raw().toBuffer();
    const file = await sharp(join(PHOTOS, 'building.jpg'))
      .extract({ left: dx, top: dy, width: 161, height: 121 })
      .removeAlpha()
      .raw()
      .toBuffer();
    let exact = 0;
    let blended = 0;
    for (let y = 0; y < 120; y++)
      for (let x = 0; x < 160; x++)
        for (let k = 0; k < 3; k++) {
          const at = (yy: number, xx: number) => file[(yy * 161 + xx) * 3 + k];
          const v = screen[(y * 160 + x) * 3 + k];
          exact += Math.abs(v - at(y, x));
          // What a picture half a pixel off the grid shows: each pixel the mean of it and its neighbours.
          blended += Math.abs(v - (at(y, x) + at(y, x + 1) + at(y + 1, x) + at(y + 1, x + 1)) / 4);
        }
    const n = 160 * 120 * 3;
    expect(
      { exact: exact / n < 1, sharperThanBlend: exact < blended / 3 },
      `mean error ${exact / n} exact, ${blended / n} vs blends`,
    ).toEqual({
      exact: true,
      sharperThanBlend: true,
    });
  });

  it('a mouse notch with Ctrl zooms like a plain notch (×1.16), a trackpad pinch (small Ctrl+wheel steps) still zooms smoothly', async () => {
    const page = app.page;
    const r = await stageRect(page);
    const cursor = { x: Math.round(r.x + r.width * 0.45), y: Math.round(r.y + r.height * 0.45) };
    const ratio = async (deltaY: number, ctrl: boolean) => {
      await press(page, 'Control+Digit1'); // 100 %: a step from there does not stop at 100 %
      await page.mouse.move(cursor.x, cursor.y);
      const before = await view(page);
      const docPt = await docAt(page, cursor.x, cursor.y);
      if (ctrl) await page.keyboard.down('Control');
      await page.mouse.wheel(0, deltaY);
      if (ctrl) await page.keyboard.up('Control');
      await expect.poll(async () => (await view(page)).scale).not.toBe(before.scale);
      await expectDocPointAt(page, docPt, cursor);
      return (await view(page)).scale / before.scale;
    };
    const plain = await ratio(100, false);
    expect(plain).toBeCloseTo(Math.exp(-0.15), 3);
    // A Ctrl+wheel notch zoomed out ×2.7 at once (every Ctrl+wheel was taken for a pinch).
    expect(await ratio(100, true)).toBeCloseTo(plain, 3);
    expect(await ratio(-100, true)).toBeCloseTo(1 / plain, 3);
    // A pinch: Chrome sends small Ctrl+wheel deltas; they keep the pinch rate (5 px → ×1.05).
    expect(await ratio(-5, true)).toBeCloseTo(Math.exp(0.05), 3);
    await press(page, 'Control+Digit0');
  });

  it('Shift+wheel scrolls sideways (as in Photoshop), Alt+wheel zooms; a double-click on the Hand fits on screen', async () => {
    const page = app.page;
    await press(page, 'Control+Digit1');
    const r = await stageRect(page);
    await page.mouse.move(Math.round(r.x + r.width * 0.4), Math.round(r.y + r.height * 0.4));
    const sideways = async (deltaY: number) => {
      const before = await view(page);
      await page.keyboard.down('Shift');
      await page.mouse.wheel(0, deltaY);
      await page.keyboard.up('Shift');
      await expect.poll(async () => (await view(page)).x).not.toBe(before.x);
      const after = await view(page);
      expect(after.scale).toBe(before.scale);
      expect(after.y).toBe(before.y);
      return after.x - before.x;
    };
    // A notch down moves the view right (the picture left), a notch up back.
    expect(await sideways(100)).toBeCloseTo(-100, 5);
    expect(await sideways(-100)).toBeCloseTo(100, 5);
    // Alt+wheel zooms, as the wheel and Ctrl+wheel do.
    const before = await view(page);
    await page.keyboard.down('Alt');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await view(page)).scale).toBeGreaterThan(before.scale);
    // The Hand's button, double-clicked: fit on screen (and the Hand is the tool).
    await press(page, 'b');
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Hand (or hold Space) (H)' }).dblclick();
    await expect.poll(async () => (await summary(page)).fitted).toBe(true);
    expect((await summary(page)).tool).toBe('pan');
    const fitted = await view(page);
    await press(page, 'Control+Digit1');
    await press(page, 'Control+Digit0');
    expect(await view(page)).toEqual(fitted);
    await press(page, 'b');
  });

  it('Space-drag pans by the drag distance: mask unchanged, no history step', async () => {
    const page = app.page;
    await press(page, 'Control+Digit0');
    await press(page, 'b');
    await leaveField(page);
    const before = await summary(page);
    const pixels = await maskPixels(page);
    const start = await docToClient(page, 300, 300);
    const [dx, dy] = [137, -61];
    await page.keyboard.down('Space');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + dx, start.y + dy, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const after = await summary(page);
    expect(after.offset.x - before.offset.x).toBeCloseTo(dx, 0);
    expect(after.offset.y - before.offset.y).toBeCloseTo(dy, 0);
    expect(after.scale).toBe(before.scale);
    expect(await maskPixels(page)).toBe(pixels);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    expect(after.tool).toBe('brush');
  });

  it('middle-button drag pans too (with the brush active): mask unchanged, no history step', async () => {
    const page = app.page;
    const before = await summary(page);
    const pixels = await maskPixels(page);
    const start = await docToClient(page, 500, 200);
    const [dx, dy] = [-90, 75];
    await page.mouse.move(start.x, start.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(start.x + dx, start.y + dy, { steps: 6 });
    await page.mouse.up({ button: 'middle' });
    const after = await summary(page);
    expect(after.offset.x - before.offset.x).toBeCloseTo(dx, 0);
    expect(after.offset.y - before.offset.y).toBeCloseTo(dy, 0);
    expect(await maskPixels(page)).toBe(pixels);
    expect(after.historyLabels).toEqual(before.historyLabels);
    // Control: the same drag with the left button paints (so the checks above can fail).
    await dragPath(page, [
      [150, 150],
      [700, 150],
    ]);
    expect(await maskValue(page, 400, 150)).toBe(255);
    expect(await maskPixels(page)).toBeGreaterThan(pixels);
    expect((await summary(page)).label).toBe('Brush stroke');
  });

  it('\\ toggles the mask overlay (layer visibility, the checkbox, and the pixels on screen), with no history step', async () => {
    const page = app.page;
    await press(page, 'Control+Digit0');
    expect(await maskValue(page, 400, 150)).toBe(255);
    // Move the pointer off the canvas so the brush outline is not in the picture.
    const tools = await page.locator('nav.toolbar').boundingBox();
    await page.mouse.move(tools!.x + 5, tools!.y + tools!.height - 5);
    const at = await docToClient(page, 400, 150);
    const clip = { x: Math.round(at.x - 15), y: Math.round(at.y - 4), width: 30, height: 8 };
    const overlayShown = () =>
      page.evaluate(() => {
        const shape = (window as any).Konva?.stages?.[0]?.findOne('.mask-overlay');
        return shape ? shape.getLayer().visible() && shape.isVisible() : null;
      });
    const checkbox = page.getByRole('checkbox', { name: /Show overlay/ });
    const before = await summary(page);

    expect(await overlayShown()).toBe(true);
    expect(await checkbox.isChecked()).toBe(true);
    const shown = await meanColour(page, clip);

    await press(page, 'Backslash');
    await expect.poll(overlayShown).toBe(false);
    expect(await checkbox.isChecked()).toBe(false);
    const hidden = await meanColour(page, clip);
    // The overlay is red (255,40,80) at 50 %: with it, the area is much redder than the photo alone.
    expect(shown.r - shown.g - (hidden.r - hidden.g)).toBeGreaterThan(40);

    await press(page, 'Backslash');
    await expect.poll(overlayShown).toBe(true);
    expect(await checkbox.isChecked()).toBe(true);
    const again = await meanColour(page, clip);
    expect(Math.abs(again.r - shown.r) + Math.abs(again.g - shown.g) + Math.abs(again.b - shown.b)).toBeLessThan(3);

    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    expect(await maskValue(page, 400, 150)).toBe(255);
  });

  it('[ and ] change the brush size in steps', async () => {
    const page = app.page;
    await press(page, 'b');
    const size = page.getByRole('spinbutton', { name: 'Brush size' });
    const read = async () => Number(await size.inputValue());
    const start = await read();
    expect(start).toBe(60);
    const seen: number[] = [];
    for (const key of ['BracketRight', 'BracketRight', 'BracketLeft', 'BracketLeft', 'BracketLeft', 'BracketLeft']) {
      await press(page, key);
      seen.push(await read());
    }
    // Steps: 10 px between 50 and 100, 5 px below 50.
    expect(seen).toEqual([70, 80, 70, 60, 50, 40]);
    await press(page, 'BracketLeft');
    expect(await read()).toBe(35);
    // Shift+[ / Shift+] change hardness, not size, in Photoshop's 25 % stops (it went 80 → 55 → 80).
    const hardness = page.getByRole('slider', { name: 'Hardness' });
    expect(Number(await hardness.inputValue())).toBe(80);
    const steps: number[] = [];
    for (let i = 0; i < 5; i++) {
      await press(page, 'Shift+BracketLeft');
      steps.push(Number(await hardness.inputValue()));
    }
    for (let i = 0; i < 5; i++) {
      await press(page, 'Shift+BracketRight');
      steps.push(Number(await hardness.inputValue()));
    }
    expect(steps).toEqual([75, 50, 25, 0, 0, 25, 50, 75, 100, 100]);
    expect(await read()).toBe(35);
    // From a value set on the slider, Shift+] goes up to the next stop.
    await sliderTo(hardness, 'min');
    await page.keyboard.press('ArrowRight');
    expect(Number(await hardness.inputValue())).toBe(1);
    await leaveField(page);
    await press(page, 'Shift+BracketRight');
    expect(Number(await hardness.inputValue())).toBe(25);
  });

  it('B, E, M, L and H switch tools (state and toolbar)', async () => {
    const page = app.page;
    for (const [key, tool] of [
      ['e', 'eraser'],
      ['m', 'rect'],
      ['l', 'lasso'],
      ['h', 'pan'],
      ['b', 'brush'],
      ['l', 'lasso'],
    ] as const) {
      await press(page, key);
      expect((await summary(page)).tool, key).toBe(tool);
      await expect.poll(() => page.locator(`nav.toolbar [data-tool="${tool}"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('nav.toolbar [aria-pressed="true"]').count()).toBe(1);
    }
  });

  it('no page errors or console errors along the way', () => {
    expect(app.errors).toEqual([]);
  });
});
