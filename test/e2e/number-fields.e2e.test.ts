/**
 * Number fields take typing as a retoucher types (renderer/ui/NumberField.tsx), real keys only:
 * select-all + Backspace + "30" is 30 (it was 130: the empty field snapped to the minimum and "30"
 * was appended), "-5" and "3000" apply clamped on Enter, "40e" applies 40 and the field is not
 * rewritten while typing. Enter applies and gives the keys back to the editor (the next E, ], Ctrl+1,
 * Esc act); Esc leaves the field and puts its value back. Every number field of the options bar, the
 * Generate panel and the Mask panel is typed into the same way. Offline engine.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { summary } from '../support/page-helpers';
import { leaveField, openEdgeGroup } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1400, height: 900 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
}, 60_000);
afterAll(() => app?.close());

/** Click into the field, select all, Backspace, then type `text` key by key. */
async function clearAndType(field: Locator, text: string) {
  await field.click();
  await field.press('Control+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
}

/** The focused element's accessible label, or "body" when the editor has the keys. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'body' : (el.getAttribute('aria-label') ?? el.tagName);
  });

const brushSize = async (page: Page) => (await summary(page)).brush.size as number;

describe('the brush Size field', () => {
  it('takes select-all, Backspace and "30" as 30, and is not rewritten while typing', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('b');
    const size = page.getByRole('spinbutton', { name: 'Brush size' });
    await clearAndType(size, '30');
    expect(await size.inputValue()).toBe('30');
    expect(await brushSize(page)).toBe(30); // a valid value applies while typing
    await page.keyboard.press('Enter');
    expect(await brushSize(page)).toBe(30);
    expect(await size.inputValue()).toBe('30');

    // "-5": nothing applies while it is out of range; Enter clamps to the minimum.
    await clearAndType(size, '-5');
    expect(await brushSize(page)).toBe(30);
    expect(await size.inputValue()).toBe('-5');
    await page.keyboard.press('Enter');
    expect(await brushSize(page)).toBe(1);
    expect(await size.inputValue()).toBe('1');

    // "40e": the 40 typed applies, the e is not a number and changes nothing (it gave 1).
    await clearAndType(size, '40e');
    expect(await brushSize(page)).toBe(40);
    await page.keyboard.press('Enter');
    expect(await brushSize(page)).toBe(40);
    expect(await size.inputValue()).toBe('40');

    // Above the maximum: Enter applies the maximum.
    await clearAndType(size, '3000');
    expect(await brushSize(page)).toBe(300); // "300" on the way was a valid size
    expect(await size.inputValue()).toBe('3000');
    await page.keyboard.press('Enter');
    expect(await brushSize(page)).toBe(2500);
    expect(await size.inputValue()).toBe('2500');
    await clearAndType(size, '25');
    await page.keyboard.press('Enter');
    expect(app.errors).toEqual([]);
  });

  it('Enter gives the keys back to the editor: E, ], Ctrl+1 and Esc act at once', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('b');
    await page.keyboard.press('Control+Digit0');
    const size = page.getByRole('spinbutton', { name: 'Brush size' });
    await clearAndType(size, '30');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('body');
    expect(await brushSize(page)).toBe(30);
    await page.keyboard.press('BracketRight');
    expect(await brushSize(page)).toBeGreaterThan(30);
    expect(await size.inputValue()).toBe(String(await brushSize(page))); // the field follows the shortcut
    await page.keyboard.press('Control+Digit1');
    expect((await summary(page)).scale).toBe(1);
    await page.keyboard.press('e');
    expect((await summary(page)).tool).toBe('eraser');

    // Again from the field, straight to Esc: no "e" typed, the Esc is the editor's (nothing to cancel).
    await clearAndType(size, '12');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await focusedLabel(page)).toBe('body');
    await page.keyboard.press('b');
    expect((await summary(page)).tool).toBe('brush');
    expect(await size.inputValue()).toBe('12');
  });

  it('Esc leaves the field and puts the size back; a typed key is still the field’s', async () => {
    const page = app.page;
    const size = page.getByRole('spinbutton', { name: 'Brush size' });
    const before = await brushSize(page);
    await clearAndType(size, '77');
    expect(await brushSize(page)).toBe(77);
    // Keys typed in the field are the field's: no tool change, no brush step.
    await size.press('e');
    await size.press('BracketRight');
    expect((await summary(page)).tool).toBe('brush');
    await page.keyboard.press('Escape');
    expect(await focusedLabel(page)).toBe('body');
    expect(await brushSize(page)).toBe(before);
    expect(await size.inputValue()).toBe(String(before));
    await page.keyboard.press('e');
    expect((await summary(page)).tool).toBe('eraser');
    await page.keyboard.press('b');
  });
});

describe('every number field of the options bar, the Generate panel and the Mask panel', () => {
  const typeAndEnter = async (page: Page, field: Locator, text: string, shows: string) => {
    await clearAndType(field, text);
    expect(await field.inputValue(), `${await field.getAttribute('aria-label')} while typing`).toBe(text);
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page), `${await field.getAttribute('aria-label')}: Enter leaves the field`).toBe('body');
    expect(await field.inputValue(), `${await field.getAttribute('aria-label')} after Enter`).toBe(shows);
  };

  it('Generate panel and Mask panel fields', async () => {
    const page = app.page;
    await leaveField(page);
    const spin = (name: string) => page.getByRole('spinbutton', { name, exact: true });
    await typeAndEnter(page, spin('Candidates'), '3', '3');
    await openEdgeGroup(page);
    await typeAndEnter(page, spin('Edge feather (px)'), '30', '30');
    await typeAndEnter(page, spin('Edge feather (px)'), '300', '256');
    await typeAndEnter(page, spin('Grow by (px)'), '12', '12');
    await typeAndEnter(page, spin('Grow by (px)'), '-5', '0');
    await typeAndEnter(page, spin('Grow or shrink by px'), '30', '30');
    await typeAndEnter(page, spin('Feather px'), '30', '30');
    await typeAndEnter(page, spin('Refine edge radius px'), '30', '30');
    // A field left empty shows its value again.
    await clearAndType(spin('Feather px'), '');
    await page.keyboard.press('Enter');
    expect(await spin('Feather px').inputValue()).toBe('30');
    expect(app.errors).toEqual([]);
  });

  it('the magic wand Tolerance and the extend tool fields', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('w');
    await typeAndEnter(page, page.getByRole('spinbutton', { name: 'Tolerance' }), '30', '30');
    await page.keyboard.press('c');
    // In the extend fields Enter applies the extension and Esc drops it; typing is free all the same.
    for (const side of ['left', 'right', 'top', 'bottom']) {
      const f = page.getByRole('spinbutton', { name: `Extend ${side} (px)` });
      await clearAndType(f, '30');
      expect(await f.inputValue()).toBe('30');
    }
    expect(await page.evaluate(() => (window as any).__maskworkTest.extendPreview())).toEqual({
      canvas: { width: 660, height: 460 },
      originalAt: { x: 30, y: 30 },
    });
    const band = page.getByRole('spinbutton', { name: 'Overlap band (px)' });
    await clearAndType(band, '30');
    expect(await band.inputValue()).toBe('30');
    await page.keyboard.press('Escape'); // drops the preview, gives the keys back
    expect(await focusedLabel(page)).toBe('body');
    await page.keyboard.press('b');
    expect((await summary(page)).tool).toBe('brush');
    expect(app.errors).toEqual([]);
  });

  it('Shift+↑/↓ step by ten, as in Photoshop (plain ↑/↓ by one); the extend preview follows', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('c');
    const right = page.getByRole('spinbutton', { name: 'Extend right (px)' });
    await clearAndType(right, '100');
    await page.keyboard.press('ArrowUp');
    expect(await right.inputValue()).toBe('101');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await right.inputValue()).toBe('111');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await right.inputValue()).toBe('91');
    expect((await page.evaluate(() => (window as any).__maskworkTest.extendPreview())).canvas.width).toBe(691);
    // Clamped at the field's minimum.
    await clearAndType(right, '4');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await right.inputValue()).toBe('0');
    await page.keyboard.press('Escape');
    // A Generate panel field too.
    await leaveField(page);
    const feather = page.getByRole('spinbutton', { name: 'Edge feather (px)', exact: true });
    await clearAndType(feather, '12');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await feather.inputValue()).toBe('22');
    await page.keyboard.press('Enter');
    expect(await feather.inputValue()).toBe('22');
    expect(app.errors).toEqual([]);
  });
});
