/**
 * Object select's Alt-click ("not object") only ever takes away, as Photoshop's Alt does. It is a
 * hint for the cut, and the cut done again with it brought in a part the selection had left out: on
 * desk-stuff.jpg, a rectangle over the lighter's cap and the pencil's tip selected the cap; an Alt
 * stroke on the lighter's body then added the pencil's tip. Real mouse and keys; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, dragPath, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1500, height: 950 } });
  app.dialogs.opens.push(join(PHOTOS, 'desk-stuff.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
}, 120_000);
afterAll(() => app?.close());

const values = () => app.page.evaluate(() => (window as any).__maskworkTest.maskValues() as number[]);

describe("object select's Alt-click", () => {
  it('takes away only: no pixel the selection left out comes in', async () => {
    const page = app.page;
    await page.keyboard.press('o');
    await dragPath(page, [
      [276, 231],
      [396, 421],
    ]);
    await expect.poll(async () => (await summary(page)).label, { timeout: 30_000 }).toBe('Object select');
    await waitIdle(page);
    const before = await values();
    // An Alt-click on the selection's first selected pixel (an Alt drag is a rectangle that subtracts,
    // object-alt-subtract.e2e; the Alt stroke this test used to paint was one).
    const width = await page.evaluate(() => (window as any).__maskworkTest.summary().canvas.width as number);
    const first = before.findIndex((v) => v >= 128);
    const at = await docToClient(page, first % width, Math.floor(first / width));
    await page.keyboard.down('Alt');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up('Alt');
    await expect.poll(async () => (await summary(page)).label, { timeout: 30_000 }).toBe('Object select: not object');
    await waitIdle(page);
    const after = await values();
    let added = 0;
    let removed = 0;
    for (let i = 0; i < after.length; i++) {
      if (after[i] > before[i]) added++;
      else if (after[i] < before[i]) removed++;
    }
    expect(added).toBe(0);
    expect(removed).toBeGreaterThan(0); // it still takes away what the cut now leaves out
    expect(app.errors).toEqual([]);
  });
});
