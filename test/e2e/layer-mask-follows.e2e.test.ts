/**
 * The layer mask painted follows the selected layer, as in Photoshop. A hands-on pass: ◐ on one layer
 * (paint its mask), a stroke erased, then a click on another layer's row — that row was highlighted
 * while the options bar still said "Painting: layer mask of" the first, and the next stroke went to a
 * layer not looked at. Now selecting a layer with a mask paints that mask (the tool stays); one without
 * a mask, or the original, goes back to the document mask with the tool from before. Keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { dragPath, summary } from '../support/page-helpers';
import { launchWithBandLayers } from '../support/band-layers';

let app: AppHarness;
let launched: Awaited<ReturnType<typeof launchWithBandLayers>> | undefined;
type Page = AppHarness['page'];

beforeAll(async () => {
  launched = await launchWithBandLayers({ width: 1400, height: 900 });
  app = launched.app;
}, 120_000);
afterAll(() => launched?.close());

const layers = (page: Page) => page.getByRole('region', { name: 'Layers' });
const row = (page: Page, i: number) => layers(page).locator('li[data-patch]').nth(i);
/** The layers' names, top of the stack first (read-only probe). */
const names = async (page: Page): Promise<string[]> =>
  ((await page.evaluate(() => (window as any).__maskworkTest.docLayers())) as { name: string }[]).map((l) => l.name).reverse();
/** What the options bar says is painted. */
const painting = (page: Page) => page.getByRole('status', { name: /^Painting: / }).getAttribute('aria-label');

async function eraseStripe(page: Page, x: number) {
  await dragPath(page, [
    [x, 110],
    [x, 190],
  ]);
  expect((await summary(page)).label).toBe('Eraser on layer mask');
}

describe('the layer mask painted follows the selected layer', () => {
  it('another layer selected: its mask if it has one, else the document mask — and the next stroke goes there', async () => {
    const page = app.page;
    const [top, middle, bottom] = await names(page);
    expect((await summary(page)).tool).toBe('brush');
    // ◐ on the top layer and on the middle one: each gets a mask with an erased stripe.
    await row(page, 0)
      .getByRole('button', { name: `Paint the layer mask of ${top}` })
      .click();
    await eraseStripe(page, 200);
    await row(page, 1)
      .getByRole('button', { name: `Paint the layer mask of ${middle}` })
      .click();
    expect(await painting(page)).toBe(`Painting: layer mask of ${middle}`);
    await eraseStripe(page, 260);
    // A click on the top layer's row: its mask is painted now (it has one), still with the eraser.
    await row(page, 0)
      .getByRole('button', { name: `Select layer ${top}` })
      .click();
    await expect.poll(() => painting(page)).toBe(`Painting: layer mask of ${top}`);
    expect(
      await row(page, 0)
        .getByRole('button', { name: `Paint the layer mask of ${top}` })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect((await summary(page)).tool).toBe('eraser');
    // The bottom layer has no mask: the document mask is painted, with the brush from before.
    await row(page, 2)
      .getByRole('button', { name: `Select layer ${bottom}` })
      .click();
    await expect.poll(() => painting(page)).toBe('Painting: document mask');
    for (let i = 0; i < 3; i++) expect(await row(page, i).locator('button.layer-mask-target').getAttribute('aria-pressed')).toBe('false');
    expect((await summary(page)).tool).toBe('brush');
    const masked = await page.evaluate(() => (window as any).__maskworkTest.maskPixels());
    await dragPath(page, [
      [300, 300],
      [420, 300],
    ]);
    expect((await summary(page)).label).toBe('Brush stroke');
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBeGreaterThan(masked);
    // From a layer mask, a click on the original's row goes back to the document mask too.
    await row(page, 1)
      .getByRole('button', { name: `Paint the layer mask of ${middle}` })
      .click();
    expect(await painting(page)).toBe(`Painting: layer mask of ${middle}`);
    await layers(page)
      .getByRole('button', { name: /^Select original / })
      .click();
    await expect.poll(() => painting(page)).toBe('Painting: document mask');
    // Alt+[ (the layer below, as in Photoshop) from the top layer's mask: the middle one's mask.
    await row(page, 0)
      .getByRole('button', { name: `Paint the layer mask of ${top}` })
      .click();
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(() => row(page, 1).locator('button.layer-mask-target').getAttribute('aria-pressed')).toBe('true');
    expect(await painting(page)).toBe(`Painting: layer mask of ${middle}`);
    expect(app.errors).toEqual([]);
  });
});
