/**
 * Delete / Backspace on the selected layer, as a Photoshop user presses them (real mouse and keys):
 * with the focus on the layer's row they delete it even while a document mask (the selection) is
 * there; with the focus elsewhere only when there is no mask. Each delete is one "Delete layer" step
 * that Ctrl+Z undoes; in a text field the keys stay the field's. The focus and the selection agree:
 * the row the focus moves to (↓, Shift+Tab) is the selected one and the one Delete deletes, and after
 * a delete the focus goes on to the row now in its place, so a second Delete deletes again. With a
 * mask and the focus elsewhere, Delete says how to fill or clear the mask (it said nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';
import { launchWithBandLayers } from '../support/band-layers';
import { DELETE_WITH_MASK, deletedLayerHint } from '../../renderer/ui/keyboard/shortcut-hints';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;

type Page = AppHarness['page'];
const names = async (page: Page): Promise<string[]> =>
  (await page.evaluate(() => (window as any).__maskworkTest.layerList())).map((l: { name: string }) => l.name);
const maskPixels = (page: Page): Promise<number> => page.evaluate(() => (window as any).__maskworkTest.maskPixels());
const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });
const selectedIs = (page: Page, name: string) =>
  panel(page)
    .getByRole('group', { name: `Selected layer: ${name}`, exact: true })
    .count();
/** The accessible name (aria-label) of the focused element: a read-only probe. */
const focused = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1600, height: 1000 });
  app = launched.app;
});
afterAll(() => launched?.close());

describe('Delete / Backspace delete the selected layer', () => {
  let start: string[];

  it('Delete with the focus on the layer row deletes it, even with a mask; Ctrl+Z brings it back', async () => {
    const page = app.page;
    start = await names(page);
    expect(start).toHaveLength(3);
    expect(await maskPixels(page)).toBeGreaterThan(0); // the band painted before Generate is still there
    const middle = start[1];
    await panel(page)
      .getByRole('button', { name: `Select layer ${middle}` })
      .click();
    expect(await selectedIs(page, middle)).toBe(1);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('Delete');
    await expect.poll(() => names(page)).toEqual([start[0], start[2]]);
    const s = await summary(page);
    expect(s.label).toBe('Delete layer');
    expect(s.historyLabels.length).toBe(steps + 1);
    expect(await maskPixels(page)).toBeGreaterThan(0); // the mask is not touched
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    expect((await summary(page)).historyLabels.length).toBe(steps);
  });

  it('Backspace does the same', async () => {
    const page = app.page;
    const top = start[2];
    await panel(page)
      .getByRole('button', { name: `Select layer ${top}` })
      .click();
    await page.keyboard.press('Backspace');
    await expect.poll(() => names(page)).toEqual([start[0], start[1]]);
    expect((await summary(page)).label).toBe('Delete layer');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('↓ moves the focus to the next row and selects it; Delete deletes that row, the focus goes on to the next row, twice; Ctrl+Z brings them back', async () => {
    const page = app.page;
    const [bottom, middle, top] = start;
    expect(await maskPixels(page)).toBeGreaterThan(0); // a mask: Delete acts only from the layer rows
    await panel(page)
      .getByRole('button', { name: `Select layer ${top}` })
      .click();
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(`Select layer ${middle}`);
    await expect.poll(() => selectedIs(page, middle)).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => names(page)).toEqual([bottom, top]);
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    // The row now in the deleted one's place has the focus and is selected.
    await expect.poll(() => focused(page)).toBe(`Select layer ${bottom}`);
    expect(await selectedIs(page, bottom)).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => names(page)).toEqual([top]);
    expect((await summary(page)).historyLabels.length).toBe(steps + 2);
    // The deleted row was the last one: the row above takes the focus.
    await expect.poll(() => focused(page)).toBe(`Select layer ${top}`);
    expect(await selectedIs(page, top)).toBe(1);
    expect(await maskPixels(page)).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual([bottom, top]);
    // The layer that comes back is selected, and the focus follows it.
    await expect.poll(() => focused(page)).toBe(`Select layer ${bottom}`);
    expect(await selectedIs(page, bottom)).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    await expect.poll(() => focused(page)).toBe(`Select layer ${middle}`);
    expect((await summary(page)).historyLabels.length).toBe(steps);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe(`Select layer ${top}`);
    await expect.poll(() => selectedIs(page, top)).toBe(1);
  });

  it('Tab leaves the selected row for its actions without passing the other rows; Shift+Tab comes back to it, and Delete deletes it', async () => {
    const page = app.page;
    const [bottom, middle, top] = start;
    await panel(page)
      .getByRole('button', { name: `Select layer ${middle}` })
      .click();
    // The buttons below the list are the next Tab stops (its Opacity is above it, on the heading line).
    for (let i = 0; i < 8 && (await focused(page)) !== `Rename layer ${middle}`; i++) {
      await page.keyboard.press('Tab');
      const at = (await focused(page)) ?? '';
      expect(at.endsWith(bottom) || at.endsWith(top), `Tab reached ${at}`).toBe(false);
    }
    expect(await focused(page)).toBe(`Rename layer ${middle}`);
    expect(await selectedIs(page, middle)).toBe(1);
    // Straight back to the row (the original's row, not selected, is not a Tab stop: its eye was one).
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(`Delete layer ${middle}`);
    await page.keyboard.press('Delete');
    await expect.poll(() => names(page)).toEqual([bottom, top]);
    await expect.poll(() => focused(page)).toBe(`Delete layer ${bottom}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('a click on another row’s eye hides it without selecting it; a click on × deletes, and Delete goes on from the next row', async () => {
    const page = app.page;
    const [bottom, middle, top] = start;
    await panel(page)
      .getByRole('button', { name: `Select layer ${top}` })
      .click();
    await panel(page)
      .getByRole('button', { name: `Hide layer ${bottom}` })
      .click();
    expect((await summary(page)).label).toBe(`Hide layer ${bottom}`);
    expect(await selectedIs(page, top)).toBe(1);
    expect(await focused(page)).toBe(`Select layer ${top}`);
    await page.keyboard.press('Control+z');
    const steps = (await summary(page)).historyLabels.length;
    await panel(page)
      .getByRole('button', { name: `Delete layer ${top}` })
      .click();
    await expect.poll(() => names(page)).toEqual([bottom, middle]);
    await expect.poll(() => focused(page)).toBe(`Select layer ${middle}`);
    await page.keyboard.press('Backspace');
    await expect.poll(() => names(page)).toEqual([bottom]);
    expect((await summary(page)).historyLabels.length).toBe(steps + 2);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    expect(await maskPixels(page)).toBeGreaterThan(0);
  });

  it('with the focus off the panel, a document mask keeps the layer (as a selection does in Photoshop), and a message says how to fill or clear the mask', async () => {
    const page = app.page;
    await panel(page)
      .getByRole('button', { name: `Select layer ${start[1]}` })
      .click();
    await leaveField(page);
    const before = await summary(page);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    expect(await names(page)).toEqual(start);
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    // Photoshop fills or clears the selection on Delete; here that did nothing and said nothing.
    const said = after.toasts.filter((t: { message: string }) => t.message === DELETE_WITH_MASK);
    expect(said).toHaveLength(1); // once, for both keys
    expect(said[0].tone).toBe('info');
  });

  it('with no mask, Delete deletes the selected layer from anywhere; Ctrl+Z brings it back, selected', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d'); // clear the mask: no "selection" left
    await expect.poll(() => maskPixels(page)).toBe(0);
    expect(await selectedIs(page, start[1])).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => names(page)).toEqual([start[0], start[2]]);
    const s = await summary(page);
    expect(s.label).toBe('Delete layer');
    // The layer went out of sight of the focus: a message names it and says how to get it back.
    expect(s.toasts.map((t: { message: string }) => t.message)).toContain(deletedLayerHint(start[1]));
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
    await expect.poll(() => selectedIs(page, start[1])).toBe(1); // the panel selects it as it renders the restored row
  });

  it('Ctrl+E with the focus on a row merges it down, and the focus goes on to the merged row; Ctrl+Z brings both back', async () => {
    const page = app.page;
    await panel(page)
      .getByRole('button', { name: `Select layer ${start[2]}` })
      .click();
    await page.keyboard.press('Control+e');
    await expect.poll(async () => (await names(page)).length).toBe(2);
    const merged = (await names(page))[1];
    // It fell to the page: ↑/↓ did nothing, and with a mask Delete spoke of the mask.
    await expect.poll(() => focused(page)).toBe(`Select layer ${merged}`);
    expect(await selectedIs(page, merged)).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('Duplicate pressed with the keyboard keeps the focus: Enter again makes a second copy; Ctrl+Z takes both back', async () => {
    const page = app.page;
    await panel(page)
      .getByRole('button', { name: `Select layer ${start[1]}` })
      .click();
    const dup = panel(page).getByRole('button', { name: 'Duplicate', exact: true });
    const onDup = () => dup.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 8 && !(await onDup()); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await names(page)).length).toBe(4);
    expect(await onDup()).toBe(true); // it fell to the page, and the next Enter did nothing
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await names(page)).length).toBe(5);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('the last layer deleted from its row: Ctrl+Z brings it back with the focus on its row, so Delete goes on from there', async () => {
    const page = app.page;
    await panel(page)
      .getByRole('button', { name: `Select layer ${start[2]}` })
      .click();
    for (let i = start.length; i > 0; i--) {
      await page.keyboard.press('Delete');
      await expect.poll(async () => (await names(page)).length).toBe(i - 1);
    }
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await names(page)).length).toBe(1);
    const back = (await names(page))[0];
    // With no row left the focus fell to the page, and the layer came back without it.
    await expect.poll(() => focused(page)).toBe(`Select layer ${back}`);
    for (let i = 0; i < start.length - 1; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual(start);
  });

  it('in a text field the keys are the field’s: no layer is deleted', async () => {
    const page = app.page;
    const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
    await prompt.click();
    await page.keyboard.press('End');
    const text = await prompt.inputValue();
    expect(text.length).toBeGreaterThan(0);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    expect(await prompt.inputValue()).toBe(text.slice(0, -1));
    expect(await names(page)).toEqual(start);
  });

  it('the original photo stays: with every kept layer deleted the keys do nothing more', async () => {
    const page = app.page;
    await leaveField(page);
    for (let i = start.length; i > 0; i--) {
      await page.keyboard.press('Delete');
      await expect.poll(async () => (await names(page)).length).toBe(i - 1);
    }
    const before = await summary(page);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    const after = await summary(page);
    expect(after.hasDoc).toBe(true);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(app.errors).toEqual([]);
  });
});
