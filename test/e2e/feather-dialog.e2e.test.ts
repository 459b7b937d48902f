/**
 * Select › Modify › Feather… as Photoshop has it, with real keys and mouse: Shift+F6 opens a small
 * dialog whose radius is typed straight away (the field has the focus, its number selected), Enter
 * feathers the mask as one undo step, Esc leaves it unchanged; with an empty mask a message says so
 * and no dialog opens. Shift+F6 did nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary } from '../support/page-helpers';
import { retype, sliderTo } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
});
afterAll(async () => {
  await app?.close();
});

/** Every step's label, the current one last. */
const history = async (page: Page): Promise<string[]> => {
  const s = await summary(page);
  return [...s.historyLabels, s.label];
};

describe('Feather… (Shift+F6)', () => {
  it('with an empty mask says so, and opens nothing', async () => {
    const page = app.page;
    await page.keyboard.press('Shift+F6');
    await expect
      .poll(async () => (await summary(page)).toasts.map((t: { message: string }) => t.message))
      .toContain('The mask is empty: nothing to feather.');
    expect(await page.getByRole('dialog', { name: 'Feather selection' }).count()).toBe(0);
  });

  it('types a radius, Enter feathers the mask as one step; Esc changes nothing; the radius is remembered', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [200, 300],
      [500, 300],
    ]);
    await page.getByRole('heading', { name: 'Mask', exact: true }).click(); // the keys back to the editor
    const steps = await history(page);
    const edge = await maskValue(page, 350, 326); // just outside the hard stroke
    expect(edge).toBe(0);
    expect(await maskValue(page, 350, 314)).toBe(255);

    await page.keyboard.press('Shift+F6');
    const dialog = page.getByRole('dialog', { name: 'Feather selection' });
    await expect.poll(() => dialog.count()).toBe(1);
    const field = dialog.getByRole('spinbutton', { name: 'Feather radius' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typed at once: the number there is selected, so "12" replaces it.
    await page.keyboard.type('12');
    expect(await field.inputValue()).toBe('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => history(page), { timeout: 20_000 }).toEqual([...steps, 'Feather mask 12px']);
    expect(await maskValue(page, 350, 326)).toBeGreaterThan(0);
    expect(await maskValue(page, 350, 314)).toBeLessThan(255); // and softer just inside it

    // One step: Ctrl+Z gives the hard stroke back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => history(page)).toEqual(steps);
    expect(await maskValue(page, 350, 326)).toBe(0);

    // Esc: closed, nothing feathered, and the field offers the radius last applied.
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await field.inputValue()).toBe('12');
    await page.keyboard.type('30');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await history(page)).toEqual(steps);
    expect(await maskValue(page, 350, 326)).toBe(0);
    // The keys are the editor's again: Esc reached nothing behind the dialog, and E picks the eraser.
    await page.keyboard.press('e');
    await expect.poll(async () => (await summary(page)).tool).toBe('eraser');

    // Cancel reached with Tab takes its own Enter: closed, nothing feathered.
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await history(page)).toEqual(steps);

    // OK with the mouse does what Enter does.
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => field.inputValue()).toBe('12');
    await page.keyboard.type('6');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => history(page), { timeout: 20_000 }).toEqual([...steps, 'Feather mask 6px']);
  });
});
