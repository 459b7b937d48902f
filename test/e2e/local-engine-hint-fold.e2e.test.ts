/**
 * The offline engine's note is readable without hunting at 1280×800: under the Model list, one line
 * with its gist, the whole note folded under it and brought into view as it unfolds. At the panel's
 * end, an extension to 21:9 showed a line and a half of its seven above the footer (found by hand on
 * ladybird.jpg), and nothing said the rest was below. Real keys and mouse; the offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { seen } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 800 }); // 600×400
}, 120_000);
afterAll(() => app?.close());

const whole = { fraction: 1, onTop: true };

/**
 * Whether `el` ends above the fade Generate lays over its last visible lines while more is below (its
 * last line was half under it once unfolded, its box still wholly inside the scrolling box).
 */
const clearOfFade = (el: Locator) =>
  el.evaluate((e) => {
    const foot = document.querySelector('.generate-foot')!;
    const fade = getComputedStyle(foot, '::before');
    if (fade.content === 'none' || fade.content === '') return true;
    const top = foot.getBoundingClientRect().top + Number.parseFloat(fade.top);
    return e.getBoundingClientRect().bottom <= top + 0.5;
  });

/** C, a preset aspect, Enter: the canvas extended, as a user does it. */
async function extendTo(aspect: string) {
  const page = app.page;
  const width = await page.evaluate(() => (window as any).__maskworkTest.summary().canvas.width);
  await page.keyboard.press('c');
  await page.getByRole('button', { name: `Aspect ${aspect}` }).click();
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => (window as any).__maskworkTest.summary().canvas.width > w, width);
}

describe('the offline engine’s note at 1280×800', () => {
  it('shows its gist in view after an extension to 21:9, and all of it in view when unfolded', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await extendTo('21:9');
    const note = panel.getByRole('note', { name: 'What to expect from the offline engine' });
    const fold = note.getByRole('button', { name: 'What to expect' });
    await expect.poll(() => seen(fold)).toEqual(whole);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    const short = note.getByTestId('local-engine-short');
    expect(await short.textContent()).toBe('edge textures · no new objects');
    expect(await short.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true); // whole, not cut with …
    // The line sits under the Model list, and the controls below it keep their place in view.
    const model = await panel.getByRole('combobox', { name: 'Model' }).boundingBox();
    expect((await fold.boundingBox())!.y).toBeGreaterThan(model!.y);
    expect(await seen(panel.getByRole('button', { name: /^Edge/ }))).toEqual(whole);
    expect(await seen(panel.getByRole('button', { name: 'Generate', exact: true }))).toEqual(whole);

    // A click unfolds it: every line of the note is in view, none under the footer.
    await fold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    const body = note.locator('p');
    await expect.poll(() => seen(body.first())).toEqual(whole);
    expect(await clearOfFade(body.last())).toBe(true);
    expect(await body.first().textContent()).toMatch(/extends the photo by continuing the textures at its edges/);
    // Enter on the focused line folds it again.
    await page.keyboard.press('Enter');
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(app.errors).toEqual([]);
  });

  it('says on its line when a cloud model would do better, the reason in view when unfolded', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await page.keyboard.press('Control+z'); // the 21:9 extension undone
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().canvas.width === 600);
    await extendTo('4:1');
    const note = panel.getByRole('note', { name: 'What to expect from the offline engine' });
    const fold = note.getByRole('button', { name: 'What to expect' });
    await expect.poll(() => note.getByTestId('local-engine-short').textContent()).toBe('too large · use a cloud model');
    expect(await seen(fold)).toEqual(whole);
    await fold.click();
    const cloud = note.getByTestId('local-engine-suggest-cloud');
    await expect.poll(() => seen(cloud)).toEqual(whole);
    expect(await clearOfFade(cloud)).toBe(true);
    expect(await cloud.textContent()).toMatch(/adds 167 % of the photo's area.*cloud model/);
    expect(app.errors).toEqual([]);
  });
});
