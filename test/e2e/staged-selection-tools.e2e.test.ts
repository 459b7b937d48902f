/**
 * The selection tools while candidates are staged (README, "Mask"): a click gives the keys back to the
 * editor and changes nothing; a drag changes nothing either and says to Keep or Discard first. The
 * magic wand's click added a "Magic wand" step and a whole other region to the mask, and a marquee
 * drag added its box, unseen under the candidate (found by hand). Real keys and mouse on coffee.png
 * (600×400), offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, dragPath, maskValue, settleView, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

async function clickAt(page: Page, x: number, y: number): Promise<void> {
  await settleView(page);
  const c = await docToClient(page, x, y);
  await page.mouse.click(c.x, c.y);
}

/** What a selection tool could change: the history, the mask at a few points, the overlay, a colour range preview. */
async function state(page: Page) {
  const s = await summary(page);
  const mask = [];
  for (const [x, y] of [
    [80, 60],
    [500, 60],
    [300, 200],
    [520, 340],
  ])
    mask.push(await maskValue(page, x, y));
  const range = await page.evaluate(() => (window as any).__maskworkTest.rangePreview());
  return { history: s.historyLabels, label: s.label, maskShown: s.maskShown, mask, range };
}

const message = (page: Page) => page.locator('[data-testid="toast"]', { hasText: 'Keep or Discard the candidates first' });

describe('selection tools over staged candidates', () => {
  it('a click gives the keys back and changes nothing; a drag changes nothing and says to Keep or Discard first', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [250, 320],
      [350, 320],
    ]);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => staged(page), { timeout: 90_000 }).toBe(1);
    await waitIdle(page);
    const before = await state(page);
    expect(before.maskShown).toBe(false);

    for (const key of ['w', 'm', 'Shift+m', 'l', 'o', 'i']) {
      await page.keyboard.press(key);
      // A click in the prompt box, then on the canvas to give the keys back.
      await page.getByRole('textbox', { name: 'Prompt' }).click();
      await clickAt(page, 80, 60);
      await waitIdle(page);
      expect([key, await state(page)]).toEqual([key, before]);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      expect(await message(page).count()).toBe(0);
      // A deliberate drag (Shift held too: adding) changes nothing and says why.
      await page.keyboard.down('Shift');
      await dragPath(page, [
        [60, 40],
        [560, 380],
      ]);
      await page.keyboard.up('Shift');
      await waitIdle(page);
      expect([key, await state(page)]).toEqual([key, before]);
      await message(page).waitFor({ state: 'visible' });
      expect(await staged(page)).toBe(1);
      // The message closed, so the next tool's click is seen to say nothing.
      await message(page).getByRole('button', { name: 'Dismiss' }).click();
    }

    // Once the candidate is discarded the tools select again, and the message goes with it.
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await expect.poll(() => staged(page)).toBe(0);
    expect(await message(page).count()).toBe(0);
    await page.keyboard.press('m');
    await dragPath(page, [
      [60, 40],
      [120, 100],
    ]);
    expect(await maskValue(page, 80, 60)).toBe(255);
    expect((await summary(page)).label).toBe('Rectangle');
  });
});
