/**
 * Alt+[ / Alt+] select the layer below / above, as in Photoshop, with the focus anywhere but a field
 * (the canvas, an empty part of a panel): ↑/↓ do this only with the focus on a layer row, and from
 * the canvas Alt+[ / Alt+] did nothing at all. Below the lowest layer Alt+[ selects the original's
 * row (Photoshop's Background); there and at the top of the stack they stay put.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { leaveField } from '../support/user-input';
import { launchWithBandLayers } from '../support/band-layers';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;

type Page = AppHarness['page'];
const names = async (page: Page): Promise<string[]> =>
  (await page.evaluate(() => (window as any).__maskworkTest.layerList())).map((l: { name: string }) => l.name);
const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });
const selectedIs = (page: Page, name: string) =>
  panel(page)
    .getByRole('group', { name: `Selected layer: ${name}`, exact: true })
    .count();

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1500, height: 950 });
  app = launched.app;
});
afterAll(() => launched?.close());

describe('Alt+[ / Alt+] select the layer below / above', () => {
  it('steps through the stack from outside the Layers panel and stops at its ends', async () => {
    const page = app.page;
    const [bottom, middle, top] = await names(page);
    await panel(page)
      .getByRole('button', { name: `Select layer ${middle}` })
      .click();
    await leaveField(page);
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(() => selectedIs(page, bottom)).toBe(1);
    // Below the lowest layer is the original's row, as Photoshop's Background: it is selected, and stays.
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(() => selectedIs(page, 'coffee.png (original)')).toBe(1);
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(() => selectedIs(page, 'coffee.png (original)')).toBe(1);
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(() => selectedIs(page, bottom)).toBe(1);
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(() => selectedIs(page, middle)).toBe(1);
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(() => selectedIs(page, top)).toBe(1);
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(() => selectedIs(page, top)).toBe(1);
    expect(await names(page)).toEqual([bottom, middle, top]); // selecting never changes the stack
  });

  it('in the prompt box Alt+[ stays the field’s', async () => {
    const page = app.page;
    const [, , top] = await names(page);
    await page.getByRole('textbox', { name: 'Prompt' }).click();
    await page.keyboard.press('Alt+BracketLeft');
    expect(await selectedIs(page, top)).toBe(1);
  });
});

describe('Ctrl+[ / Ctrl+] move the selected layer down / up (Photoshop’s Arrange)', () => {
  it('steps it through the stack, with Shift to the bottom / top, one undo step each; at an end it says so', async () => {
    const page = app.page;
    const [bottom, middle, top] = await names(page);
    await panel(page)
      .getByRole('button', { name: `Select layer ${top}` })
      .click();
    await leaveField(page);
    await page.keyboard.press('Control+BracketLeft');
    await expect.poll(() => names(page)).toEqual([bottom, top, middle]);
    expect((await page.evaluate(() => (window as any).__maskworkTest.summary())).label).toBe('Move layer');
    await page.keyboard.press('Control+Shift+BracketLeft');
    await expect.poll(() => names(page)).toEqual([top, bottom, middle]);
    await page.keyboard.press('Control+BracketLeft');
    await expect
      .poll(async () =>
        (await page.evaluate(() => (window as any).__maskworkTest.summary())).toasts.map((t: { message: string }) => t.message),
      )
      .toContain(`“${top}” is already the lowest layer (the original photo stays under all of them).`);
    expect(await names(page)).toEqual([top, bottom, middle]);
    await page.keyboard.press('Control+Shift+BracketRight');
    await expect.poll(() => names(page)).toEqual([bottom, middle, top]);
    expect(await selectedIs(page, top)).toBe(1); // the moved layer stays selected
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(page)).toEqual([top, bottom, middle]);
  });
});
