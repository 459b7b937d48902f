/**
 * The layer opacity field shows what was applied: a typed 150 is 100 % and the field says 100, not
 * 150; a typed -20 is 0. Offline engine, keys and mouse.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('b');
  await dragPath(page, [
    [150, 200],
    [350, 200],
  ]);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  await waitIdle(page);
}, 120_000);
afterAll(() => app?.close());

const opacityOf = (page: AppHarness['page']) =>
  page.evaluate(() => (window as any).__maskworkTest.docLayers()[0].opacity ?? 1) as Promise<number>;

describe('layer opacity field', () => {
  it('shows the clamped value that was applied', async () => {
    const page = app.page;
    const field = page.getByRole('spinbutton', { name: /^Opacity of / });
    await retype(field, '40');
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(0.4);
    await retype(field, '150');
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(1);
    expect(await field.inputValue()).toBe('100');
    await retype(field, '150');
    await page.keyboard.press('Enter'); // already 100 %: nothing to apply, the field still says 100
    expect(await field.inputValue()).toBe('100');
    await retype(field, '-20');
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(0);
    expect(await field.inputValue()).toBe('0');
  });

  it('Shift+↑/↓ step by ten, as in Photoshop and the other number fields; Enter applies', async () => {
    const page = app.page;
    const field = page.getByRole('spinbutton', { name: /^Opacity of / });
    await retype(field, '50');
    await page.keyboard.press('Enter');
    await field.click();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await field.inputValue()).toBe('70'); // it was 52: Shift stepped by one
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(0.69);
    await field.click();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowDown');
    expect(await field.inputValue()).toBe('0'); // not below 0
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(0);
  });

  it('Esc puts the value back and Enter applies it, and either gives the keys back to the editor', async () => {
    const page = app.page;
    const field = page.getByRole('spinbutton', { name: /^Opacity of / });
    const inField = () => field.evaluate((el) => el === document.activeElement);
    await retype(field, '30');
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('0');
    expect(await inField()).toBe(false); // it stayed in the field: the next E or [ went into it
    expect(await opacityOf(page)).toBe(0);
    await field.click();
    await page.keyboard.press('Enter'); // the same value: nothing to apply
    expect(await inField()).toBe(false);
    await retype(field, '60');
    await page.keyboard.press('Enter');
    expect(await inField()).toBe(false);
    expect(await opacityOf(page)).toBe(0.6);
  });
});
