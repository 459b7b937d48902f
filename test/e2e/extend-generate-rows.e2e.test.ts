/**
 * Applying a canvas extension keeps the Generate panel's rows still: "Several models at once" (for
 * masked edits; filling an extension uses the one model chosen) stays in its place, greyed out and
 * saying why, where it went away and every row below moved up 23 px (found by hand on desk-stuff.jpg).
 * Real keys and mouse; the offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('desk-stuff.jpg', { width: 1280, height: 800 });
}, 120_000);
afterAll(() => app?.close());

describe('Generate while an extension is applied', () => {
  it('keeps "Several models at once" in its place, off, and the rows below it still', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const several = panel.getByRole('checkbox', { name: 'Several models at once' });
    const candidates = panel.getByRole('spinbutton', { name: 'Candidates' });
    const top = async () => Math.round((await candidates.boundingBox())!.y);
    const before = await top();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 16:9' }).click();
    await page.keyboard.press('Enter'); // apply
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.summary().canvas.width)).toBeGreaterThan(640);
    await expect.poll(() => panel.getByRole('button', { name: 'Generate' }).getAttribute('title')).toMatch(/^Fill the extended canvas/);
    expect(await top()).toBe(before);
    expect(await several.isDisabled()).toBe(true);
    expect(await several.isChecked()).toBe(false);
    expect(await several.evaluate((e) => e.closest('label')?.title)).toMatch(/extended canvas/);
    // Once a mask is the job again (the extension undone), it is back as it was.
    await page.keyboard.press('Control+z');
    await expect.poll(() => several.isDisabled()).toBe(false);
    expect(await top()).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
