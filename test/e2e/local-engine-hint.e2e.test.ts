/**
 * The Generate panel tells the user what to expect from the offline engine for the mask at hand:
 * texture continuation for a small hole, a cloud-model suggestion for a large hole or extension,
 * and nothing once a cloud model is chosen. Driven by real mouse and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  // No keys: the offline engine is the chosen model.
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
});

describe('offline engine hint in the Generate panel', () => {
  it('follows the mask and the extension', async () => {
    const page = app.page;
    const hint = page.getByRole('note', { name: 'What to expect from the offline engine' });
    const cloud = hint.getByTestId('local-engine-suggest-cloud');
    expect(await hint.count()).toBe(0);

    // A small brush stroke: texture continuation, no cloud suggestion.
    await page.keyboard.press('b');
    await dragPath(page, [
      [280, 200],
      [330, 205],
    ]);
    await expect.poll(() => hint.count()).toBe(1);
    expect(await hint.textContent()).toMatch(/fills the mask by continuing the texture around it/);
    expect(await hint.textContent()).toMatch(/does not draw new objects or text/);
    expect(await cloud.count()).toBe(0);

    // Ctrl+A masks everything: far too large for the offline engine.
    await page.keyboard.press('Control+a');
    await expect.poll(() => cloud.count()).toBe(1);
    expect(await cloud.textContent()).toMatch(/covers 100 % of the photo.*cloud model/);

    // Choosing a cloud model (arrow key on the model list) hides the hint; back to the engine shows it.
    const model = page.getByRole('combobox', { name: 'Model' });
    await model.press('ArrowDown');
    await expect.poll(() => model.inputValue()).not.toBe('local');
    await expect.poll(() => hint.count()).toBe(0);
    await model.press('ArrowUp');
    expect(await model.inputValue()).toBe('local');
    await expect.poll(() => hint.count()).toBe(1);

    // Extend to 8:1: the hint is about the extension and suggests a cloud model.
    await page.getByRole('heading', { name: 'Generate', exact: true }).click(); // focus leaves the list, so C is a shortcut
    await page.keyboard.press('c');
    await page.getByRole('radio', { name: 'Anchor centre' }).click();
    await page.getByRole('button', { name: 'Aspect 8:1' }).click();
    await page.getByTestId('extend-apply').click();
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 3200, height: 400 });
    await expect.poll(() => hint.textContent()).toMatch(/extends the photo by continuing the textures at its edges/);
    expect(await hint.textContent()).toMatch(/pieces of objects in the photo can show up again, cut off/);
    expect(await cloud.textContent()).toMatch(/adds 433 % of the photo's area.*cloud model/);
  });
});
