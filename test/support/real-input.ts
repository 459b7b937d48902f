/** Driving form controls with real key presses (no `.fill()`, no `selectOption`). */
import type { Locator, Page } from 'playwright-core';

/**
 * Picks the option of a `<select>` whose value is `value` with the arrow keys, the way a keyboard
 * user does: click it (the list opens), Escape (the list closes, the select keeps the focus), then
 * ArrowDown/ArrowUp until it shows the option (each press fires `change`).
 */
export async function chooseWithKeys(page: Page, select: Locator, value: string): Promise<void> {
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const target = values.indexOf(value);
  if (target < 0) throw new Error(`no option ${value} in ${values.join(', ')}`);
  await select.click();
  await page.keyboard.press('Escape');
  for (let guard = 0; guard < values.length + 1; guard++) {
    const now = values.indexOf(await select.inputValue());
    if (now === target) return;
    await page.keyboard.press(now < target ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`could not reach option ${value}`);
}

/** Replaces a field's text by typing: click, select all, type. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** Export… → PNG → Export, by mouse (the save path must be queued in `dialogs.saves` first). */
export async function exportPngByMouse(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'PNG' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
}
