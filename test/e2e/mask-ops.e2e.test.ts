/**
 * Mask refinement from the Mask panel, run in the mask worker: grow, shrink and feather change the
 * mask at full resolution as one undo step each, and undo restores the exact previous mask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary } from '../support/page-helpers';
import { leaveField, retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'building.jpg')); // 868×600
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await app.page.keyboard.press('m');
  await dragPath(app.page, [
    [200, 150],
    [500, 400],
  ]);
});
afterAll(async () => {
  await app?.close();
});

async function step(label: RegExp) {
  await app.page.waitForFunction(() => !(window as any).__maskworkTest.summary().busy);
  await expect.poll(async () => (await summary(app.page)).label).toMatch(label);
}

describe('mask panel operations', () => {
  it('grow by 10 px reaches 10 px further, as one undo step', async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    expect(await maskValue(page, rect.x - 6, rect.y + 50)).toBe(0);
    await retype(page.getByRole('spinbutton', { name: 'Grow or shrink by px' }), '10');
    await page.getByRole('button', { name: 'Grow', exact: true }).click();
    await step(/Grow mask 10px/);
    expect(await maskValue(page, rect.x - 6, rect.y + 50)).toBe(255);
    expect(await maskValue(page, rect.x - 14, rect.y + 50)).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, rect.x - 6, rect.y + 50)).toBe(0);
  });

  it('shrink by 10 px pulls the edge in', async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    await page.getByRole('button', { name: 'Shrink', exact: true }).click();
    await step(/Shrink mask 10px/);
    expect(await maskValue(page, rect.x + 5, rect.y + 50)).toBe(0);
    expect(await maskValue(page, rect.x + 15, rect.y + 50)).toBe(255);
    await page.keyboard.press('Control+z');
  });

  it('feather by 8 px makes a soft edge and keeps the inside solid', async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    await retype(page.getByRole('spinbutton', { name: 'Feather px' }), '8');
    await page.getByRole('button', { name: 'Feather', exact: true }).click();
    await step(/Feather mask 8px/);
    const edge = await maskValue(page, rect.x, rect.y + 100);
    expect(edge).toBeGreaterThan(20);
    expect(edge).toBeLessThan(235);
    expect(await maskValue(page, rect.x + 60, rect.y + 100)).toBe(255);
    expect(await maskValue(page, rect.x - 40, rect.y + 100)).toBe(0);
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, rect.x, rect.y + 100)).toBe(255);
    expect(app.errors).toEqual([]);
  });
});

describe('Enter in the Mask panel fields', () => {
  it('Enter in Feather px feathers by the typed number and gives the keys back; Esc only puts the number back', async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    const field = page.getByRole('spinbutton', { name: 'Feather px' });
    // Esc: the typed number is dropped (the field's usual meaning) and nothing is feathered.
    const before = (await summary(page)).label;
    await retype(field, '12');
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('8');
    expect((await summary(page)).label).toBe(before);
    // Enter: applies 6 and feathers, as the Feather button does.
    await retype(field, '6');
    await page.keyboard.press('Enter');
    await step(/Feather mask 6px/);
    expect(await field.inputValue()).toBe('6');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const edge = await maskValue(page, rect.x, rect.y + 100);
    expect(edge).toBeGreaterThan(20);
    expect(edge).toBeLessThan(235);
    await page.keyboard.press('Control+z'); // the editor has the keys again
    expect(await maskValue(page, rect.x, rect.y + 100)).toBe(255);
    expect(app.errors).toEqual([]);
  });
});

describe('Enter in the Grow field', () => {
  it("Enter in Grow or shrink by px grows by the typed number, as Photoshop's Expand does, and gives the keys back", async () => {
    const page = app.page;
    const rect = await page.evaluate(() => (window as any).__maskworkTest.maskBounds());
    expect(await maskValue(page, rect.x - 4, rect.y + 50)).toBe(0);
    // It did nothing (found by hand): the number was taken and the mask stayed as it was.
    await retype(page.getByRole('spinbutton', { name: 'Grow or shrink by px' }), '5');
    await page.keyboard.press('Enter');
    await step(/Grow mask 5px/);
    expect(await maskValue(page, rect.x - 4, rect.y + 50)).toBe(255);
    expect(await maskValue(page, rect.x - 8, rect.y + 50)).toBe(0);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Control+z'); // the editor has the keys again
    expect(await maskValue(page, rect.x - 4, rect.y + 50)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('Photoshop selection shortcuts', () => {
  it('Ctrl+A masks everything, Ctrl+D clears, X swaps brush and eraser', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('Control+a');
    expect((await summary(page)).label).toBe('Select all');
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(868 * 600);
    await page.keyboard.press('Control+d');
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect((await summary(page)).label).not.toBe('Select all');
    await page.keyboard.press('b');
    await page.keyboard.press('x');
    expect((await summary(page)).tool).toBe('eraser');
    await page.keyboard.press('x');
    expect((await summary(page)).tool).toBe('brush');
  });
});
