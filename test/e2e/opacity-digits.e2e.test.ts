/**
 * Brush opacity from the number keys as in Photoshop: 4 then 5 typed quickly set 45 % (it set 50 %),
 * 0 then 5 set 5 %, 0 alone 100 %, digits typed slowly each their own ten. Real keys; the brush
 * settings read through the test probe and the options bar's Opacity field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { summary } from '../support/page-helpers';

let app: AppHarness;
const opacity = async () => Math.round((await summary(app.page)).brush.opacity * 100);

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
  await app.page.keyboard.press('b');
}, 120_000);
afterAll(() => app?.close());

describe('number keys set the brush opacity', () => {
  it('two digits typed quickly spell the percentage; one digit sets tens; slowly each is its own', async () => {
    const page = app.page;
    await page.keyboard.press('4');
    await page.keyboard.press('5');
    expect(await opacity()).toBe(45);
    expect(await page.getByRole('slider', { name: 'Opacity', exact: true }).inputValue()).toBe('45');
    await page.waitForTimeout(800);
    await page.keyboard.press('0');
    expect(await opacity()).toBe(100);
    await page.keyboard.press('5');
    expect(await opacity()).toBe(5);
    await page.waitForTimeout(800);
    await page.keyboard.press('3');
    await page.waitForTimeout(800);
    await page.keyboard.press('7');
    expect(await opacity()).toBe(70);
    expect(app.errors).toEqual([]);
  });

  it('with a selection tool the digits leave the brush alone and say so once (its opacity changed unseen)', async () => {
    const page = app.page;
    await page.keyboard.press('m');
    await page.waitForTimeout(800);
    await page.keyboard.press('4');
    await page.keyboard.press('5');
    await expect.poll(() => page.getByText('The number keys set the brush’s opacity').count()).toBe(1);
    await page.keyboard.press('b');
    expect(await opacity()).toBe(70);
  });
});
