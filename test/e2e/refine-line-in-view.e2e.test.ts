/**
 * A Refine that starts brings its line into view. "Refine with GPT Image 2: Working…" and Cancel refine
 * sit under the Model list; with the Edge options open and the Generate panel scrolled down (More ▾,
 * the wheel) on a 1280×600 window, a click on Refine in the strip left them above the fold, and a retoucher saw nothing happen
 * but the footer's "A job is running". The line of "Several models at once" already did this
 * (useReveal.ts). Nano Banana 2 draft, GPT Image 2 refine held by the local server; keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { wholeInView } from '../support/page-helpers';
import { chooseOption, openEdgeGroup, retype } from '../support/user-input';
import type { OpenAIServer } from '../servers';

let app: AppHarness;
let openai: OpenAIServer;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers({ width: 1280, height: 600 });
  ({ app, openai } = cloud);
  await openAndPaint(app, 'coffee.png', 60, [
    [180, 160],
    [320, 160],
  ]);
}, 120_000);
afterAll(() => cloud?.close());

const staged = () => app.page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

describe('Refine on a short window', () => {
  it('scrolls the Generate panel to the refine line as the refine starts (it stayed above the fold)', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gemini-3.1-flash-image');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(staged, { timeout: 60_000 }).toBe(1);
    // The Edge options open (feather, grow, colour match), then down to the panel's end with the wheel:
    // the Model list and what is under it leave the view.
    await openEdgeGroup(page);
    const scroll = page.getByRole('region', { name: 'Generate' }).locator('.generate-scroll');
    const box = await scroll.boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => scroll.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    await expect.poll(() => wholeInView(page.getByRole('combobox', { name: 'Model', exact: true }))).toBe(false);

    let release = () => {};
    openai.script({ until: new Promise<void>((r) => (release = r)) });
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    const line = page.getByRole('status', { name: 'Refine' });
    await expect.poll(() => line.count(), { timeout: 30_000 }).toBe(1);
    expect(await line.textContent()).toMatch(/^Refine with GPT Image 2: (Starting|Waiting|Working)…/);
    await expect.poll(() => wholeInView(line)).toBe(true);
    expect(await wholeInView(line.getByRole('button', { name: 'Cancel refine' }))).toBe(true);
    release();
    await expect.poll(staged, { timeout: 60_000 }).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
