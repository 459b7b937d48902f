/**
 * The Generate panel tells the user what to expect from the offline engine for the mask at hand:
 * texture continuation for a small hole, a cloud-model suggestion for a large hole or extension,
 * and nothing once a cloud model is chosen. Driven by real mouse and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, settleView, summary, waitIdle } from '../support/page-helpers';

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
    // Before a mask: the engine's gist already (a line that appeared with the first stroke moved the rows below).
    expect(await hint.count()).toBe(1);
    expect(await hint.getByTestId('local-engine-short').textContent()).toBe('texture only · no new objects');
    expect(await cloud.count()).toBe(0);

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
    // Proposed, not applied yet: the line already says what the engine would make of it.
    await expect.poll(() => hint.getByTestId('local-engine-short').textContent()).toBe('too large · use a cloud model');
    expect(await cloud.textContent()).toMatch(/adds 433 % of the photo's area.*cloud model/);
    await page.getByTestId('extend-apply').click();
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 3200, height: 400 });
    await expect.poll(() => hint.textContent()).toMatch(/extends the photo by continuing the textures at its edges/);
    expect(await hint.textContent()).toMatch(/pieces of objects in the photo can show up again, cut off/);
    expect(await cloud.textContent()).toMatch(/adds 433 % of the photo's area.*cloud model/);
  });
});

describe('a spot sent to a cloud model', () => {
  it('says the offline engine removes it free, and its button chooses the engine', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'colorful-cups.jpg')); // 2560×1600: a spot is up to 48 px
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).canvas).toEqual({ width: 2560, height: 1600 });
    await waitIdle(page);
    const model = page.getByRole('combobox', { name: 'Model' });
    await model.press('ArrowDown');
    await expect.poll(() => model.inputValue()).not.toBe('local');
    const spot = page.getByRole('note', { name: 'A spot: the offline engine would do' });
    // One small dab of the brush: a speck of dust.
    await page.getByRole('heading', { name: 'Generate', exact: true }).click();
    await page.keyboard.press('b');
    // [ makes the brush smaller, as in Photoshop (60 px by default).
    while ((await summary(page)).brush.size > 30) await page.keyboard.press('BracketLeft');
    await settleView(page);
    const at = await docToClient(page, 1280, 800);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => spot.count()).toBe(1);
    expect(await spot.textContent()).toMatch(/A spot \(\d+×\d+ px\): the offline engine removes it free, in about a second/);
    await spot.getByRole('button', { name: 'Use the offline engine' }).click();
    await expect.poll(() => model.inputValue()).toBe('local');
    expect(await spot.count()).toBe(0);
    await expect.poll(() => page.getByRole('note', { name: 'What to expect from the offline engine' }).count()).toBe(1);

    // A stroke across the photo is no spot: with a cloud model chosen, nothing is said.
    await model.press('ArrowDown');
    await page.getByRole('heading', { name: 'Generate', exact: true }).click();
    const steps = (await summary(page)).historyLabels.length;
    await dragPath(page, [
      [800, 800],
      [1800, 850],
    ]);
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(await spot.count()).toBe(0);
  });
});
