/**
 * The time the Generate panel expects for the offline engine counts its candidates: the engine makes
 * them one after another (the job expects that: job-client.ts), but the panel said one candidate's
 * time, "Expected: usually 1 s", for three (found by hand on desk-stuff.jpg: three candidates took
 * 3.9 s, each card 3.1 s). The several-models list's line counts them too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';
import { retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('b');
  await dragPath(page, [
    [250, 200],
    [320, 210],
  ]);
});
afterAll(async () => {
  await app?.close();
});

describe('the offline engine’s expected time', () => {
  it('is one candidate’s time per candidate asked, in the panel and in the several-models line', async () => {
    const page = app.page;
    const expected = page.getByTestId('expected-time');
    await expect.poll(() => expected.textContent()).toBe('Expected: usually 1 s');
    await retype(page.getByRole('spinbutton', { name: 'Candidates', exact: true }), '3');
    await expect.poll(() => expected.textContent()).toBe('Expected: usually 3 s');
    await retype(page.getByRole('spinbutton', { name: 'Candidates', exact: true }), '1');
    await expect.poll(() => expected.textContent()).toBe('Expected: usually 1 s');
    // Several models: Offline fill ×2 alone in the list.
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await retype(page.getByRole('spinbutton', { name: 'Offline fill candidates' }), '2');
    await expect.poll(() => page.getByTestId('multi-total').textContent()).toBe('1 model · 2 candidates · $0.000 · usually 2 s');
    expect(app.errors).toEqual([]);
  });
});
