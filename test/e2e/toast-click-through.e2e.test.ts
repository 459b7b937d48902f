/**
 * Messages sit at the top of the photo; a drag begun on one goes to the canvas under it, and only
 * the message's own buttons take the mouse. A marquee begun under "Discarded 2 candidates: Ctrl/⌘ Z
 * brings them back." made an empty "Rectangle" step (the bench's edits at the top of the photo
 * stopped on it). Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg');
}, 60_000);
afterAll(() => app?.close());

const maskPixels = () => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels() as number);

describe('a message over the photo', () => {
  it('lets a marquee begun on it through to the canvas; its Dismiss button still takes the click', async () => {
    const page = app.page;
    await settleView(page);
    await page.keyboard.press('Control+Shift+d'); // nothing to reselect: a message, over the photo
    const toast = page.getByTestId('toast').first();
    await toast.waitFor();
    const box = (await toast.boundingBox())!;
    const stage = (await page.getByTestId('stage').boundingBox())!;
    // The message is over the canvas (else this test proves nothing).
    expect(box.y).toBeGreaterThan(stage.y);
    expect(box.y + box.height).toBeLessThan(stage.y + stage.height);
    const steps = (await summary(page)).historyLabels.length;
    await page.keyboard.press('m');
    const from = { x: box.x + 20, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 160, from.y + 120, { steps: 6 });
    await page.mouse.up();
    expect((await summary(page)).historyLabels.length).toBe(steps + 1);
    expect(await maskPixels()).toBeGreaterThan(1000);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.getByTestId('toast').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
