/**
 * The original's row in the Layers panel, as Photoshop's Background: it can be selected (a click on its
 * name, or ↓ from the lowest kept layer), and Ctrl/⌘ J then makes a new kept layer that is a copy of
 * the original, just above it, as one undoable step. Its row could not be selected, so Ctrl+J
 * always copied the selected kept layer. The original itself never changes: the export is the same
 * before and after, and the copy moved to the top exports the original's own pixels.
 * As Photoshop's Layer via Copy with a selection, Ctrl+J with a mask (the band the layers were made
 * from) copies only the masked part — of the original and of a kept layer — as a layer mask on the
 * copy; it copied the whole layer whatever the mask. Duplicate below the list and Ctrl+J with no mask
 * copy all of it. Real keys and mouse.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { PHOTOS } from '../support/app-harness';
import { launchWithBandLayers } from '../support/band-layers';
import { summary, waitIdle } from '../support/page-helpers';
import { exportPngByMouse } from '../support/real-input';
import { leaveField } from '../support/user-input';
import { ORIGINAL_NOT_DELETED } from '../../renderer/ui/keyboard/shortcut-hints';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;
let exports = 0;

type Page = AppHarness['page'];
const layerList = (page: Page): Promise<Array<{ name: string; x: number; y: number; width: number; height: number }>> =>
  page.evaluate(() => (window as any).__maskworkTest.layerList());
const names = async (page: Page) => (await layerList(page)).map((l) => l.name);
const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });
const focused = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
const originalName = (page: Page) => panel(page).getByRole('button', { name: 'Select original coffee.png' });
const docMask = (page: Page): Promise<number[]> => page.evaluate(() => (window as any).__maskworkTest.maskValues());
const layerMask = (page: Page, id: string): Promise<number[] | null> =>
  page.evaluate((l) => (window as any).__maskworkTest.layerMaskValues(l), id);

/** Exports a PNG by mouse and returns its raw RGBA. */
async function exportNow(page: Page): Promise<Buffer> {
  const out = join(app.tmp, `original-row-${++exports}.png`);
  app.dialogs.saves.push(out);
  await exportPngByMouse(page);
  await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: `original-row-${exports}.png` }).waitFor();
  return (await sharp(out).ensureAlpha().raw().toBuffer({ resolveWithObject: true })).data;
}

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1600, height: 1000 });
  app = launched.app;
});
afterAll(() => launched?.close());

describe("the original's row", () => {
  let start: string[];

  it('a click on its name selects it; Ctrl+J copies the original into a new layer above it, one step; the export is unchanged', async () => {
    const page = app.page;
    start = await names(page);
    expect(start).toHaveLength(3);
    const before = await exportNow(page);
    const original = (await summary(page)).original.assetId;
    await originalName(page).click();
    expect(await originalName(page).getAttribute('aria-pressed')).toBe('true');
    expect(await panel(page).getByRole('group', { name: 'Selected layer: coffee.png (original)', exact: true }).count()).toBe(1);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Control+j');
    await expect.poll(() => names(page)).toEqual(['coffee.png copy', ...start]);
    await waitIdle(page);
    const s = await summary(page);
    expect(s.label).toBe('Layer via Copy');
    expect(s.historyLabels.length).toBe(steps + 1);
    expect(s.original.assetId).toBe(original);
    const copy = (await layerList(page))[0];
    expect(copy).toMatchObject({ x: 0, y: 0, width: 600, height: 400 });
    // With the band masked, only the band is copied: the copy's layer mask is the document mask (the
    // original covers the whole canvas), and the mask stays (it had no layer mask: all of it showed).
    const mask = await docMask(page);
    expect(mask.filter((v) => v === 255).length).toBeGreaterThan(10_000);
    expect(await layerMask(page, (copy as any).id)).toEqual(mask);
    // The copy is the selected layer, and its row has the focus (it was on the original's name).
    expect(await panel(page).getByRole('group', { name: 'Selected layer: coffee.png copy', exact: true }).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('Select layer coffee.png copy');
    // Under the kept layers it changes nothing: the export is the same, pixel for pixel.
    expect((await exportNow(page)).equals(before)).toBe(true);
  });

  it('the copy moved to the top exports the original’s own pixels where the mask is, the rest as before; Ctrl+Z takes it away', async () => {
    const page = app.page;
    await leaveField(page);
    const before = await exportNow(page);
    await page.keyboard.press('Control+Shift+BracketRight'); // the selected copy to the top
    await expect.poll(async () => (await names(page)).at(-1)).toBe('coffee.png copy');
    const top = await exportNow(page);
    const photo = (await sharp(join(PHOTOS, 'coffee.png')).ensureAlpha().raw().toBuffer()) as Buffer;
    const mask = await docMask(page);
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] !== 255 && mask[i] !== 0) continue;
      const want = mask[i] === 255 ? photo : before;
      if (mask[i] === 255) inside++;
      else outside++;
      expect(top.subarray(i * 4, i * 4 + 4).equals(want.subarray(i * 4, i * 4 + 4)), `pixel ${i} (mask ${mask[i]})`).toBe(true);
    }
    expect(inside).toBeGreaterThan(10_000);
    expect(outside).toBeGreaterThan(100_000);
    // The band's kept layers are not the photo there: the copy on top brought the photo back over them.
    expect(before.equals(photo)).toBe(false);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('↓ from the lowest kept layer selects the original; Ctrl+J there copies it, and Delete and Ctrl+E say it is locked', async () => {
    const page = app.page;
    await panel(page)
      .getByRole('button', { name: `Select layer ${start[0]}` })
      .click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Select original coffee.png');
    expect(await originalName(page).getAttribute('aria-pressed')).toBe('true');
    // Delete there deletes nothing and says why (it did nothing, and said nothing).
    await page.keyboard.press('Delete');
    await expect.poll(async () => JSON.stringify((await summary(page)).toasts)).toContain(ORIGINAL_NOT_DELETED);
    expect(await names(page)).toEqual(start);
    await page.keyboard.press('Control+e');
    await expect
      .poll(async () => JSON.stringify((await summary(page)).toasts))
      .toContain('The original is selected, and it is locked: nothing to merge down.');
    await page.keyboard.press('Control+j');
    await expect.poll(() => names(page)).toEqual(['coffee.png copy', ...start]);
    await expect.poll(() => focused(page)).toBe('Select layer coffee.png copy');
    await page.keyboard.press('ArrowUp'); // from the copy's row (it has the focus) to the next kept layer
    await expect.poll(() => focused(page)).toBe(`Select layer ${start[0]}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    // Duplicate below the list copies the whole original with the mouse (Photoshop's Duplicate Layer).
    await originalName(page).click();
    await panel(page).getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect.poll(() => names(page)).toEqual(['coffee.png copy', ...start]);
    expect((await summary(page)).label).toBe('Layer via Copy');
    expect(await layerMask(page, ((await layerList(page))[0] as any).id)).toBeNull();
    expect(await panel(page).getByRole('group', { name: 'Selected layer: coffee.png copy', exact: true }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('Ctrl+J on a kept layer with a mask copies only the masked part of it, one step; with no mask, all of it', async () => {
    const page = app.page;
    const layers = await layerList(page);
    const top = layers.at(-1)! as any;
    await panel(page)
      .getByRole('button', { name: `Select layer ${top.name}` })
      .click();
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Control+j');
    await expect.poll(async () => (await names(page)).at(-1)).toBe(`${top.name} copy`);
    const s = await summary(page);
    expect(s.label).toBe('Layer via Copy');
    expect(s.historyLabels.length).toBe(steps + 1);
    const copy = (await layerList(page)).at(-1)! as any;
    expect(copy).toMatchObject({ assetId: top.assetId, x: top.x, y: top.y, width: top.width, height: top.height });
    // Its layer mask is the document mask over the layer's rectangle (the layer had no mask of its own).
    const mask = await docMask(page);
    const want: number[] = [];
    for (let y = 0; y < top.height; y++)
      for (let x = 0; x < top.width; x++) {
        const dx = top.x + x;
        const dy = top.y + y;
        want.push(dx >= 0 && dy >= 0 && dx < 600 && dy < 400 ? mask[dy * 600 + dx] : 0);
      }
    expect(want.some((v) => v === 0)).toBe(true);
    expect(await layerMask(page, copy.id)).toEqual(want);
    // The mask is still there (as Photoshop's selection), and Ctrl+Z takes the copy away in one step.
    expect((await docMask(page)).some((v) => v === 255)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    // With no mask (Ctrl+D) Ctrl+J copies the whole layer, as before.
    await panel(page)
      .getByRole('button', { name: `Select layer ${top.name}` })
      .click();
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await docMask(page)).some((v) => v > 0)).toBe(false);
    await page.keyboard.press('Control+j');
    await expect.poll(async () => (await names(page)).at(-1)).toBe(`${top.name} copy`);
    expect((await summary(page)).label).toBe('Duplicate layer');
    expect(await layerMask(page, ((await layerList(page)).at(-1) as any).id)).toBeNull();
  });
});
