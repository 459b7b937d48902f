/**
 * The number keys with a tool that does not paint set the selected layer's opacity, as in Photoshop
 * (5 = 50 %, 4 then 5 quickly = 45 %, 0 = 100 %), one undo step each — the pair too. They only said
 * "choose the brush (B) or eraser (E) first" and changed nothing (found by hand: a kept layer selected,
 * the marquee chosen, 5 pressed). With the brush they still set the brush's opacity. Real keys and
 * mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
  await paintGenerateKeep(app.page, 150, 1);
}, 120_000);
afterAll(() => app?.close());

const field = () => app.page.getByRole('spinbutton', { name: /^Opacity of / });
const labels = async (): Promise<string[]> => (await summary(app.page)).historyLabels;
const current = () => app.page.evaluate(() => (window as any).__maskworkTest.summary().label as string);

describe('number keys with the marquee', () => {
  it('set the selected layer’s opacity, a quick pair as one step, and Ctrl+Z takes it back', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Select layer Offline fill' }).click();
    await page.keyboard.press('m');
    const steps = (await labels()).length;
    await page.keyboard.press('5');
    await expect.poll(() => field().inputValue()).toBe('50');
    expect(await current()).toBe('Layer opacity 50 %');
    await page.waitForTimeout(800);
    await page.keyboard.press('4');
    await page.keyboard.press('5');
    await expect.poll(() => field().inputValue()).toBe('45');
    expect(await current()).toBe('Layer opacity 45 %');
    expect((await labels()).length).toBe(steps + 2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => field().inputValue()).toBe('50');
    await page.keyboard.press('Control+z');
    await expect.poll(() => field().inputValue()).toBe('100');
    expect((await summary(page)).brush.opacity).toBe(1);
  });

  it('with the brush chosen set the brush’s opacity and leave the layer alone', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await page.waitForTimeout(800);
    await page.keyboard.press('3');
    await expect.poll(async () => (await summary(page)).brush.opacity).toBe(0.3);
    expect(await field().inputValue()).toBe('100');
    expect(app.errors).toEqual([]);
  });
});
