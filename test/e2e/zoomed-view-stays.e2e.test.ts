/**
 * A retoucher zoomed into a detail keeps the view when the candidates arrive: the staging strip (and,
 * after Keep, the version strip) floats over the canvas's bottom, and when the edited area reached
 * under it the view panned up and zoomed out to show the whole area — at 220 % on part of a tall mask
 * it went to about 120 % and another part of the photo, and the retoucher lost the place looked at.
 * Now the zoom is never changed for the strips, and an edit taller than the room above them that fills
 * a third of it is left where it is (an edit that fits is still panned into view whole: staging-view.e2e).
 * 1280×800, offline engine, keys and mouse; the view read from the test probe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { clientToDoc, dragPath, settleView, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('building.jpg'); // 868×600
}, 120_000);
afterAll(() => app?.close());

/** The zoom and the document point at the stage's centre. */
async function view(page: Page) {
  await settleView(page);
  const stage = (await page.getByTestId('stage').boundingBox())!;
  const s = await summary(page);
  return { scale: s.scale as number, centre: await clientToDoc(page, { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 }) };
}

function expectSame(a: Awaited<ReturnType<typeof view>>, b: Awaited<ReturnType<typeof view>>, what: string) {
  expect(a.scale, `${what}: zoom`).toBe(b.scale);
  // Within one screen pixel: the document distance times the zoom.
  expect(Math.abs(a.centre.x - b.centre.x) * a.scale, `${what}: centre x`).toBeLessThanOrEqual(1);
  expect(Math.abs(a.centre.y - b.centre.y) * a.scale, `${what}: centre y`).toBeLessThanOrEqual(1);
}

describe('a zoomed view when the candidates and the versions arrive', () => {
  it('keeps its zoom and the point at its centre through Ctrl+Enter, the staged strip and Keep', async () => {
    const page = app.page;
    // A tall mask painted at the fitted view, down to near the photo's bottom.
    await page.keyboard.press('b');
    await dragPath(page, [
      [430, 120],
      [440, 560],
    ]);
    // Zoomed in on its upper part with the keys, then the wheel over the stroke.
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await settleView(page);
    const { x, y } = await page.evaluate(() => (window as any).__maskworkTest.docToClient(435, 260));
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, -100);
    const before = await view(page);
    expect(before.scale).toBeGreaterThan(1.5);
    expect((await summary(page)).fitted).toBe(false);

    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await waitIdle(page);
    await page.getByRole('region', { name: 'Candidates' }).waitFor();
    expectSame(await view(page), before, 'candidates staged');

    await page.keyboard.press('Enter'); // Keep: the version strip opens
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await waitIdle(page);
    await page.waitForTimeout(300);
    expectSame(await view(page), before, 'kept, the version strip open');
    expect(app.errors).toEqual([]);
  });
});
