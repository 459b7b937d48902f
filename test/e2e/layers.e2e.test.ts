/**
 * The Layers panel driven like a user (real mouse and keys): three kept gpt-image-2 results (local
 * OpenAI protocol server: each candidate paints the masked band one solid colour) are renamed by
 * typing, reordered by dragging with the mouse and with ↑/↓, made translucent by a typed opacity,
 * partly hidden by painting their layer mask with the eraser (and brought back with the brush),
 * duplicated, deleted and merged down — each one undo step — and every export (PNG, and PSD: its
 * flat image and its layers stacked) shows what the canvas shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { readPsd } from 'ag-psd';
import { psdImageDataInNode } from '../support/psd-read';
import sharp from 'sharp';
import { exportPngByMouse } from '../support/real-input';
import type { AppHarness } from '../support/app-harness';
import { docToClient, dragPath, maskValue, settleView, summary } from '../support/page-helpers';
import { leaveField, retype } from '../support/user-input';
import { launchWithBandLayers } from '../support/band-layers';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;
let exports = 0;
/** Colour of layer Two alone in the band (measured with Three hidden). */
let twoAlone: [number, number, number];

type Page = AppHarness['page'];
const layerList = (page: Page): Promise<Array<{ id: string; name: string; opacity?: number; hidden: boolean; maskId?: string }>> =>
  page.evaluate(() => (window as any).__maskworkTest.layerList());
const stagePixel = (page: Page, x: number, y: number): Promise<number[]> =>
  page.evaluate(([px, py]) => (window as any).__maskworkTest.stagePixel(px, py), [x, y] as const);
const names = async (page: Page) => (await layerList(page)).map((l) => l.name);
const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });

/** Exports a PNG by mouse and returns a reader of its RGB at document pixels. */
async function exportNow(page: Page): Promise<(x: number, y: number) => [number, number, number]> {
  const out = join(app.tmp, `layers-${++exports}.png`);
  app.dialogs.saves.push(out);
  await exportPngByMouse(page);
  await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: `layers-${exports}.png` }).waitFor();
  const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
  return (x, y) => {
    const q = (y * info.width + x) * info.channels;
    return [data[q], data[q + 1], data[q + 2]];
  };
}

const close = (a: number[], b: number[], tol = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1600, height: 1000 });
  app = launched.app;
});
afterAll(() => launched?.close());

describe('layers panel', () => {
  it('stays in view beside the Generate button on a 1280×800 window, with three layers kept (no scrolling to reach either)', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      // Read-only probe: the element at the middle of each target is the target itself (not scrolled
      // away, not covered), and it lies inside the window.
      const reachable = async (loc: ReturnType<typeof page.locator>) => {
        const box = (await loc.boundingBox())!;
        const inside = box.y >= 0 && box.y + box.height <= 800 && box.x >= 0 && box.x + box.width <= 1280;
        const hit = await loc.evaluate(
          (el, p) => {
            const at = document.elementFromPoint(p.x, p.y);
            return !!at && (at === el || el.contains(at));
          },
          { x: box.x + box.width / 2, y: box.y + box.height / 2 },
        );
        return inside && hit;
      };
      await expect.poll(() => reachable(page.getByRole('button', { name: 'Generate', exact: true }))).toBe(true);
      const layers = page.getByRole('region', { name: 'Layers' });
      expect(await reachable(layers.getByRole('heading', { name: 'Layers' }))).toBe(true);
      expect(await reachable(layers.locator('li').nth(1))).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  });

  it('renames each layer by typing (double-click the name, Enter): one step each', async () => {
    const page = app.page;
    const rows = panel(page).locator('li[data-patch]');
    expect(await rows.count()).toBe(3);
    const typed = ['Three', 'Two', 'One']; // listed top of the stack first
    for (let i = 0; i < 3; i++) {
      const steps = (await summary(page)).historyLabels.length;
      await rows
        .nth(i)
        .getByRole('button', { name: /^Select layer / })
        .dblclick();
      const field = panel(page).getByRole('textbox', { name: /^New name for / });
      await field.press('Control+a');
      await field.pressSequentially(typed[i]);
      await field.press('Enter');
      const s = await summary(page);
      expect(s.label).toBe('Rename layer');
      expect(s.historyLabels.length).toBe(steps + 1);
    }
    expect(await names(page)).toEqual(['One', 'Two', 'Three']); // bottom first
    // Escape leaves the name as it was, without a step.
    const steps = (await summary(page)).historyLabels.length;
    await panel(page).getByRole('button', { name: 'Select layer Two' }).dblclick();
    await panel(page).getByRole('textbox', { name: 'New name for Two' }).pressSequentially('Oops');
    await page.keyboard.press('Escape');
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
    expect((await summary(page)).historyLabels.length).toBe(steps);
  });

  it('drags a layer to another place in the stack with the mouse (one step, undoable)', async () => {
    const page = app.page;
    const handle = panel(page).getByRole('button', { name: 'Move layer Three' });
    const lowest = await panel(page).locator('li[data-layer]', { hasText: 'One' }).boundingBox();
    const from = (await handle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, lowest!.y + lowest!.height - 2, { steps: 10 });
    await page.mouse.up();
    expect(await names(page)).toEqual(['Three', 'One', 'Two']);
    expect((await summary(page)).label).toBe('Move layer');
    await leaveField(page, 'Layers');
    await page.keyboard.press('Control+z');
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
  });

  it('moves a layer one step with ↑/↓ on its handle', async () => {
    const page = app.page;
    const handle = panel(page).getByRole('button', { name: 'Move layer One' });
    await handle.click(); // a click without a drag moves nothing and leaves the focus on the handle
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
    expect(await handle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await names(page)).toEqual(['Two', 'One', 'Three']);
    await page.keyboard.press('ArrowDown');
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
    const s = await summary(page);
    expect(s.historyLabels.slice(-1)).toEqual(['Move layer']);
    expect(s.label).toBe('Move layer');
  });

  it('a typed opacity and the eye change the canvas and the export alike; each is one step', async () => {
    const page = app.page;
    const opaque = await exportNow(page);
    const top = opaque(250, 150);
    await panel(page).getByRole('button', { name: 'Hide layer Three' }).click();
    expect((await summary(page)).label).toBe('Hide layer Three');
    const below = (await exportNow(page))(250, 150);
    twoAlone = below;
    expect(close(top, below, 10)).toBe(false); // two different candidate colours
    await panel(page).getByRole('button', { name: 'Show layer Three' }).click();

    await panel(page).getByRole('button', { name: 'Select layer Three' }).click();
    await retype(panel(page).getByRole('spinbutton', { name: 'Opacity of Three (%)' }), '40');
    await page.keyboard.press('Enter');
    expect((await layerList(page))[2].opacity).toBe(0.4);
    expect((await summary(page)).label).toBe('Layer opacity 40 %');
    const mixed = (await exportNow(page))(250, 150);
    expect(close(await stagePixel(page, 250, 150), mixed, 4)).toBe(true); // on screen as in the file
    const expected = top.map((c, i) => 0.4 * c + 0.6 * below[i]);
    expect(close(mixed, expected)).toBe(true);
  });

  it('the eraser hides part of a layer through its layer mask, the brush brings it back; export follows', async () => {
    const page = app.page;
    const docMaskBefore = await maskValue(page, 210, 150);
    await panel(page).getByRole('button', { name: 'Paint the layer mask of Three' }).click();
    expect((await summary(page)).tool).toBe('eraser');
    await expect.poll(() => page.getByRole('status', { name: 'Painting: layer mask of Three' }).count()).toBe(1);
    const unerased = await exportNow(page);
    const mix = unerased(210, 150);

    // The first stroke (the layer has no mask yet) shows live: mid-stroke, before the pointer is
    // released, the canvas already shows Two where the eraser passed and the mix elsewhere.
    await settleView(page);
    const from = await docToClient(page, 190, 150);
    const to = await docToClient(page, 230, 150);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect((await layerList(page))[2].maskId).toBeFalsy(); // nothing committed yet
    expect(close(await stagePixel(page, 210, 150), twoAlone, 6)).toBe(true);
    expect(close(await stagePixel(page, 330, 150), unerased(330, 150), 4)).toBe(true);
    await page.mouse.up();
    expect((await summary(page)).label).toBe('Eraser on layer mask');
    expect((await layerList(page))[2].maskId).toBeTruthy();
    const erased = await exportNow(page);
    // The canvas shows the same: Two where the eraser passed, the mix elsewhere.
    expect(close(await stagePixel(page, 210, 150), erased(210, 150), 4)).toBe(true);
    expect(close(await stagePixel(page, 330, 150), erased(330, 150), 4)).toBe(true);
    // Where the eraser passed, Three is hidden and Two shows; far from the stroke the mix is unchanged.
    expect(close(erased(210, 150), twoAlone)).toBe(true);
    expect(close(erased(330, 150), unerased(330, 150))).toBe(true);
    expect(close(erased(210, 150), mix, 10)).toBe(false);
    // The document mask was not touched.
    expect(await maskValue(page, 210, 150)).toBe(docMaskBefore);

    await page.keyboard.press('b');
    await dragPath(page, [
      [190, 150],
      [230, 150],
    ]);
    expect((await summary(page)).label).toBe('Brush on layer mask');
    expect(close((await exportNow(page))(210, 150), mix)).toBe(true);

    await page.getByRole('button', { name: 'Document mask', exact: true }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Painting: document mask' }).count()).toBe(1);
  });

  it('Remove mask pressed with the keyboard: one step, and the focus goes on to the layer’s row; Ctrl+Z brings the mask back', async () => {
    const page = app.page;
    const { name } = (await layerList(page))[2];
    await panel(page)
      .getByRole('button', { name: `Select layer ${name}`, exact: true })
      .click();
    const remove = panel(page).getByRole('button', { name: 'Remove mask', exact: true });
    const onRemove = () => remove.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 10 && !(await onRemove()); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await layerList(page))[2].maskId).toBeFalsy();
    expect((await summary(page)).label).toBe('Remove layer mask');
    // The button went with the mask and the focus fell to the page: Tab started again from the window's top.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Select layer ${name}`);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await layerList(page))[2].maskId).toBeTruthy();
  });

  it('duplicate, delete and merge down by their buttons: one step each; the merged export is the same', async () => {
    const page = app.page;
    await panel(page).getByRole('button', { name: 'Select layer Two' }).click();
    await panel(page).getByRole('button', { name: 'Duplicate', exact: true }).click();
    expect(await names(page)).toEqual(['One', 'Two', 'Two copy', 'Three']);
    expect((await summary(page)).label).toBe('Duplicate layer');
    await panel(page).getByRole('button', { name: 'Delete layer Two copy' }).click();
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
    expect((await summary(page)).label).toBe('Delete layer');
    // Photoshop's keys do the same on the selected layer: Ctrl+J duplicates, Ctrl+E merges down.
    await panel(page).getByRole('button', { name: 'Select layer Two' }).click();
    await leaveField(page);
    await page.keyboard.press('Control+j');
    await expect.poll(() => names(page)).toEqual(['One', 'Two', 'Two copy', 'Three']);
    // The document mask painted above is a selection: Ctrl+J is Photoshop's Layer via Copy of it.
    expect((await summary(page)).label).toBe('Layer via Copy');
    await page.keyboard.press('Control+e');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().label === 'Merge down');
    expect((await names(page)).length).toBe(3);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(['One', 'Two', 'Three']);
    expect((await summary(page)).label).toBe('Delete layer');
    // The layer below the deleted one is selected (the actions below the list are its own).
    const selectedIs = (name: string) =>
      panel(page)
        .getByRole('group', { name: `Selected layer: ${name}`, exact: true })
        .count();
    expect(await selectedIs('Two')).toBe(1);
    // ◐ on a layer makes it the selected layer too, as clicking a mask does in Photoshop.
    await page.keyboard.press('b');
    await panel(page).getByRole('button', { name: 'Paint the layer mask of One' }).click();
    expect(await selectedIs('One')).toBe(1);
    expect((await summary(page)).tool).toBe('eraser');
    // Back on the document mask the brush comes back (the eraser ◐ chose stayed, and erased the mask).
    await page.getByRole('button', { name: 'Document mask', exact: true }).click();
    expect((await summary(page)).tool).toBe('brush');

    // Three has opacity 40 % and a layer mask (painted above): merging bakes both into one layer.
    const stack = await exportNow(page);
    await panel(page).getByRole('button', { name: 'Select layer Three' }).click();
    await panel(page).getByRole('button', { name: 'Merge down', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().label === 'Merge down');
    const merged = await layerList(page);
    expect(merged.map((l) => l.name)).toEqual(['One', 'Two']);
    // The merged layer is the selected one (it was the top of the list, out of view in a long list).
    expect(await selectedIs('Two')).toBe(1);
    expect(merged[1].opacity ?? 1).toBe(1);
    const after = await exportNow(page);
    for (const [x, y] of [
      [210, 150],
      [250, 150],
      [330, 150],
      [150, 130],
    ] as const)
      expect(close(after(x, y), stack(x, y))).toBe(true);
    await leaveField(page, 'Layers');
    await page.keyboard.press('Control+z');
    expect(await names(page)).toEqual(['One', 'Two', 'Three']);
  });

  it('Export as PSD writes what the canvas shows: the layers in the panel order, opacity and layer mask baked in', async () => {
    const page = app.page;
    const png = await exportNow(page);
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PSD', exact: true }).click();
    const out = join(app.tmp, 'layers.psd');
    app.dialogs.saves.push(out);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: 'layers.psd' }).waitFor({ timeout: 60_000 });
    psdImageDataInNode();
    const psd = readPsd(await readFile(out), { useImageData: true });
    // ag-psd lists layers bottom first; the panel's list (layerList) is the document's order.
    const layerNames = (psd.children ?? []).map((l) => l.name);
    expect(layerNames[0]).toBe('Original');
    expect(layerNames.slice(1, 4)).toEqual((await layerList(page)).map((l) => l.name));
    // The PSD's flattened image equals the PNG export where the layers, the opacity and the mask differ.
    const img = psd.imageData!;
    const at = (x: number, y: number) => {
      const q = (y * img.width + x) * 4;
      return [img.data[q], img.data[q + 1], img.data[q + 2]];
    };
    // And the layers themselves, stacked the way Photoshop does (visible ones; alpha × mask × opacity,
    // Normal), give the same pixels: the PSD's layers look as on screen, not only its flat image.
    const stacked = (x: number, y: number) => {
      let rgb = [0, 0, 0];
      let alpha = 0;
      for (const l of psd.children ?? []) {
        if (l.hidden || !l.imageData) continue;
        const lx = x - (l.left ?? 0);
        const ly = y - (l.top ?? 0);
        const { data, width: lw, height: lh } = l.imageData;
        if (lx < 0 || ly < 0 || lx >= lw || ly >= lh) continue;
        const i = (ly * lw + lx) * 4;
        const m = l.mask?.imageData;
        const mv = m
          ? m.data[((ly + (l.top ?? 0) - (l.mask?.top ?? l.top ?? 0)) * m.width + lx + (l.left ?? 0) - (l.mask?.left ?? l.left ?? 0)) * 4] /
            255
          : 1;
        const a = (data[i + 3] / 255) * mv * (l.opacity ?? 1);
        const oa = a + alpha * (1 - a);
        rgb = rgb.map((v, c) => (oa ? (data[i + c] * a + v * alpha * (1 - a)) / oa : 0));
        alpha = oa;
      }
      return rgb.map(Math.round);
    };
    for (const [x, y] of [
      [150, 150],
      [210, 150],
      [250, 150],
      [330, 150],
      [150, 130],
      [500, 300],
    ] as const) {
      expect(close(at(x, y), png(x, y))).toBe(true);
      expect(close(stacked(x, y), png(x, y))).toBe(true);
    }
  });
});
