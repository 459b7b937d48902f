/**
 * The original's row in the Layers panel, as Photoshop's Background: it can be selected (a click on its
 * name, or ↓ from the lowest kept layer), and Ctrl/⌘ J then makes a new kept layer that is a copy of
 * the whole original, just above it, as one undoable step. Its row could not be selected, so Ctrl+J
 * always copied the selected kept layer. The original itself never changes: the export is the same
 * before and after, and the copy moved to the top exports the original's own pixels. Real keys and mouse.
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
    expect((await layerList(page))[0]).toMatchObject({ x: 0, y: 0, width: 600, height: 400 });
    // The copy is the selected layer, and its row has the focus (it was on the original's name).
    expect(await panel(page).getByRole('group', { name: 'Selected layer: coffee.png copy', exact: true }).count()).toBe(1);
    expect(await focused(page)).toBe('Select layer coffee.png copy');
    // Under the kept layers it changes nothing: the export is the same, pixel for pixel.
    expect((await exportNow(page)).equals(before)).toBe(true);
  });

  it('the copy moved to the top exports the original’s own pixels; Ctrl+Z takes it away', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('Control+Shift+BracketRight'); // the selected copy to the top
    await expect.poll(async () => (await names(page)).at(-1)).toBe('coffee.png copy');
    const top = await exportNow(page);
    const photo = (await sharp(join(PHOTOS, 'coffee.png')).ensureAlpha().raw().toBuffer()) as Buffer;
    expect(top.equals(photo)).toBe(true);
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
    expect(await focused(page)).toBe('Select original coffee.png');
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
    await page.keyboard.press('ArrowUp'); // from the copy's row (it has the focus) to the next kept layer
    expect(await focused(page)).toBe(`Select layer ${start[0]}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    // Duplicate below the list does the same with the mouse.
    await originalName(page).click();
    await panel(page).getByRole('button', { name: 'Duplicate', exact: true }).click();
    await expect.poll(() => names(page)).toEqual(['coffee.png copy', ...start]);
    expect((await summary(page)).label).toBe('Layer via Copy');
    expect(await panel(page).getByRole('group', { name: 'Selected layer: coffee.png copy', exact: true }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });
});
