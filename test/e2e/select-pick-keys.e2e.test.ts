/**
 * A list picked from with the mouse gives the keys back to the editor (renderer/ui/keyboard/
 * release-select-on-pick.ts): Space-drag pans (the Model list kept the focus, Space opened it and the
 * drag painted a brush stroke), → flips to the next candidate (it changed the Refine model), Esc
 * closes the compare view. A list closed with Esc, nothing picked, keeps the focus but gives the
 * editor its keys (B chooses the brush; the select kept them). A list worked with the keys keeps them. Real keys and mouse; the browser's
 * own list is opened with a click and picked from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('coffee.png', { width: 1400, height: 900 })); // 600×400
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Clicks the select (the browser's list opens), moves to `value` in the list and picks it with Enter. */
async function pickFromList(page: Page, select: Locator, value: string): Promise<void> {
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const from = values.indexOf(await select.inputValue());
  const to = values.indexOf(value);
  if (to < 0) throw new Error(`no option ${value}`);
  const box = (await select.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => select.inputValue()).toBe(value);
}

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? 'none');
const staging = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging() as { items: unknown[]; selected: number });

describe('a list picked from with the mouse', () => {
  it('Esc closes the Model list without a pick: the focus stays on Model, B chooses the brush, ↓ still chooses', async () => {
    const page = app.page;
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    const tool = async () => (await summary(page)).tool;
    await page.keyboard.press('e');
    await expect.poll(tool).toBe('eraser');
    const was = await model.inputValue();
    const box = (await model.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // the browser's list opens
    await page.keyboard.press('Escape'); // and closes, nothing picked
    expect(await model.inputValue()).toBe(was);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Model');
    // B is the editor's (the select kept every key, and B chose nothing).
    await page.keyboard.press('b');
    await expect.poll(tool).toBe('brush');
    expect(await model.inputValue()).toBe(was);
    await page.keyboard.press('m');
    await expect.poll(tool).toBe('rect');
    // Still the field with the focus: ↓ changes its choice, and it is worked with the keys from then on.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => model.inputValue()).not.toBe(was);
    expect(await focusedTag(page)).toBe('SELECT');
    await page.keyboard.press('b');
    expect(await tool()).toBe('rect');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => model.inputValue()).toBe(was);
    await page.keyboard.press('Tab');
    expect(app.errors).toEqual([]);
  });

  it('Space-drag right after picking a model pans the view and paints nothing', async () => {
    const page = app.page;
    const model = page.getByRole('combobox', { name: 'Model', exact: true });
    await pickFromList(page, model, 'gpt-image-2');
    await expect.poll(() => focusedTag(page)).toBe('BODY');
    const before = await summary(page);
    await page.mouse.move(500, 400);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(560, 440, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.offset.x - before.offset.x).toBeCloseTo(60, 0);
    expect(after.offset.y - before.offset.y).toBeCloseTo(40, 0);
    expect(await model.inputValue()).toBe('gpt-image-2');
  });

  it('→ after picking a Refine model flips to the next candidate; Esc after picking a pane closes the compare view', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [320, 210],
    ]);
    await typeInto(page, page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    await page.keyboard.press('Enter');
    await typeInto(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
    const refine = page.getByRole('combobox', { name: 'Refine with' });
    const values = await refine.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const current = await refine.inputValue();
    const other = values.find((v) => v !== current)!;
    await pickFromList(page, refine, other);
    // The pick gives the keys back (the select lets go of the focus just after its change): under
    // load an ArrowRight sent in the same instant still reached the select.
    await expect.poll(() => focusedTag(page)).toBe('BODY');
    const at = (await staging(page)).selected;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await staging(page)).selected).toBe(at + 1);
    expect(await refine.inputValue()).toBe(other);

    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await dialog.getByRole('button', { name: '2-up' }).click();
    const pane2 = dialog.getByRole('combobox', { name: 'Candidate in pane 2' });
    const next = (await pane2.inputValue()) === '0' ? '1' : '0';
    await pickFromList(page, pane2, next);
    await expect.poll(() => dialog.getByRole('figure', { name: new RegExp(`^Candidate ${Number(next) + 1}:`) }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The list opened and closed again without a pick (Esc closes the list): the next Esc closes the view.
    await page.getByRole('button', { name: 'Compare…' }).click();
    const chooser = dialog.getByRole('combobox', { name: 'Candidate in pane 1' });
    const box = (await chooser.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await staging(page)).items).toHaveLength(3);
  });

  it('a list worked with the keys keeps them: ↓ goes on choosing', async () => {
    const page = app.page;
    const refine = page.getByRole('combobox', { name: 'Refine with' });
    const values = await refine.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await chooseWithKeys(page, refine, values[0]);
    await page.keyboard.press('ArrowDown');
    expect(await refine.inputValue()).toBe(values[1]);
    expect(await focusedTag(page)).toBe('SELECT');
    expect(app.errors).toEqual([]);
  });
});
