/**
 * The layer opacity field shows what was applied: a typed 150 is 100 % and the field says 100, not
 * 150; a typed -20 is 0. The canvas follows the field as it is typed and stepped, before Enter, and
 * the whole edit is one undo step; Esc puts the drawn opacity back. A drag on the word "Opacity"
 * (Photoshop's scrubby slider) does the same with the mouse. Offline engine, keys and mouse.
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

const drawn = (page: AppHarness['page']) =>
  page.evaluate(() => {
    const t = (window as any).__maskworkTest;
    return t.drawnOpacity(t.docLayers()[0].id);
  }) as Promise<number | null>;
/** Undo steps, and the label of the last one. */
const history = (page: AppHarness['page']) =>
  page.evaluate(() => {
    const s = (window as any).__maskworkTest.summary();
    return { steps: s.historyLabels.length, label: s.label };
  }) as Promise<{ steps: number; label: string }>;

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

  it('the canvas follows the typed and stepped value at once; Enter makes it one undo step, Esc puts it back', async () => {
    const page = app.page;
    const field = page.getByRole('spinbutton', { name: /^Opacity of / });
    expect(await opacityOf(page)).toBe(0.6);
    const before = await history(page);
    await retype(field, '3');
    expect(await drawn(page)).toBe(0.03); // it stayed at 0.6 until Enter
    await page.keyboard.type('5');
    expect(await drawn(page)).toBe(0.35);
    await page.keyboard.press('ArrowUp');
    expect(await drawn(page)).toBe(0.36);
    await page.keyboard.press('Shift+ArrowUp');
    expect(await drawn(page)).toBe(0.46);
    expect(await opacityOf(page)).toBe(0.6); // not applied yet: no step per key
    expect(await history(page)).toEqual(before);
    await page.keyboard.press('Enter');
    expect(await opacityOf(page)).toBe(0.46);
    expect(await drawn(page)).toBe(0.46);
    expect(await history(page)).toEqual({ steps: before.steps + 1, label: 'Layer opacity 46 %' });

    await retype(field, '90');
    expect(await drawn(page)).toBe(0.9);
    await page.keyboard.press('Escape');
    expect(await drawn(page)).toBe(0.46);
    expect(await field.inputValue()).toBe('46');
    expect(await opacityOf(page)).toBe(0.46);
    expect(await history(page)).toEqual({ steps: before.steps + 1, label: 'Layer opacity 46 %' });

    await page.keyboard.press('Control+z'); // the whole edit goes in one undo
    await page.waitForFunction(() => ((window as any).__maskworkTest.docLayers()[0].opacity ?? 1) === 0.6);
    expect(await drawn(page)).toBe(0.6);
  });

  it('a drag on the word "Opacity" changes it live, one percent per pixel; letting go is one undo step, Esc puts it back', async () => {
    const page = app.page;
    const field = page.getByRole('spinbutton', { name: /^Opacity of / });
    expect(await opacityOf(page)).toBe(0.6);
    const before = await history(page);
    // The word before the field (a person sees "Opacity [60] %" and grabs the word).
    const word = (await field.locator('xpath=preceding-sibling::span[1]').boundingBox())!;
    expect(await field.locator('xpath=preceding-sibling::span[1]').textContent()).toBe('Opacity');
    const y = word.y + word.height / 2;
    await page.mouse.move(word.x + word.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(word.x + word.width / 2 - 25, y, { steps: 5 });
    expect(await drawn(page)).toBe(0.35);
    expect(await field.inputValue()).toBe('35');
    await page.mouse.move(word.x + word.width / 2 - 15, y, { steps: 3 });
    expect(await drawn(page)).toBe(0.45);
    expect(await opacityOf(page)).toBe(0.6); // not applied while dragging
    await page.mouse.up();
    expect(await opacityOf(page)).toBe(0.45);
    expect(await history(page)).toEqual({ steps: before.steps + 1, label: 'Layer opacity 45 %' });
    // The keys are still the editor's: the field did not take the focus.
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(false);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => ((window as any).__maskworkTest.docLayers()[0].opacity ?? 1) === 0.6);
    expect(await drawn(page)).toBe(0.6);

    // Esc during a drag puts it back: no step when the button comes up.
    const steps = (await history(page)).steps;
    await page.mouse.move(word.x + word.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(word.x + word.width / 2 + 30, y, { steps: 4 });
    expect(await drawn(page)).toBe(0.9);
    await page.keyboard.press('Escape');
    expect(await drawn(page)).toBe(0.6);
    expect(await field.inputValue()).toBe('60');
    await page.mouse.move(word.x + word.width / 2 + 40, y, { steps: 2 });
    await page.mouse.up();
    expect(await drawn(page)).toBe(0.6);
    expect(await opacityOf(page)).toBe(0.6);
    expect((await history(page)).steps).toBe(steps);
  });
});
