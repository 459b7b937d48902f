/**
 * The mask overlay over staged candidates: the candidates hide it (the result shows unmasked), and
 * now the Mask row's eye and "Show overlay" say so — they used to say "shown" over a canvas that drew
 * no overlay, `\` changed only their wording, and a stroke painted then went into the mask unseen.
 * Over candidates `\` shows the overlay on the canvas (and hides it again), a stroke shows it too, and
 * the next staging starts with it off. The colours are read from the screen. 1280×800, offline
 * engine, keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, dragPath, settleView, waitIdle } from '../support/page-helpers';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png'); // 600×400
}, 120_000);
afterAll(() => app?.close());

/** The screen's RGB at a document point (the brush cursor moved off the canvas first). */
async function screenRgb(page: Page, x: number, y: number): Promise<number[]> {
  await page.mouse.move(2, 2);
  await settleView(page);
  const c = await docToClient(page, x, y);
  const png = await page.screenshot({ clip: { x: Math.round(c.x), y: Math.round(c.y), width: 1, height: 1 } });
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
}

const eye = (page: Page) => page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: /mask overlay$/ });
const showOverlay = (page: Page) => page.getByRole('region', { name: 'Mask' }).getByRole('checkbox', { name: 'Show overlay' });
const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

async function generate(page: Page): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => staged(page), { timeout: 90_000 }).toBe(1);
  await waitIdle(page);
}

describe('the mask overlay over staged candidates', () => {
  it('the eye says what is drawn; \\ and a stroke show the overlay over the candidates; the next staging starts without it', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [400, 200],
    ]);
    // Five points along the stroke: one pixel of the candidate can itself be red (an offline fill's
    // colour), which left the tint's difference at 18 once; the median of five is the tint's.
    const along = [240, 270, 300, 330, 360];
    const masked = [];
    for (const x of along) masked.push(await screenRgb(page, x, 200));
    await generate(page);

    // Staged: no overlay on the canvas, and the eye and the checkbox say so.
    const drops = [];
    for (const [i, x] of along.entries()) {
      const candidate = await screenRgb(page, x, 200);
      drops.push(masked[i][0] - masked[i][1] - (candidate[0] - candidate[1]));
    }
    expect(drops.sort((a, b) => a - b)[2]).toBeGreaterThan(20); // the tint is gone
    const candidate = await screenRgb(page, 300, 200);
    expect(await eye(page).getAttribute('aria-label')).toBe('Show mask overlay');
    expect(await eye(page).getAttribute('data-visible')).toBe('false');
    expect(await showOverlay(page).isChecked()).toBe(false);

    // \ shows it over the candidate: the tint is back where the mask is, and the eye says so.
    await page.keyboard.press('\\');
    const over = await screenRgb(page, 300, 200);
    expect(over[0] - over[1] - (candidate[0] - candidate[1])).toBeGreaterThan(20);
    expect(await eye(page).getAttribute('aria-label')).toBe('Hide mask overlay');
    expect(await showOverlay(page).isChecked()).toBe(true);
    // The eye hides it again.
    await eye(page).click();
    expect(await eye(page).getAttribute('aria-label')).toBe('Show mask overlay');
    const hidden = await screenRgb(page, 300, 200);
    expect(Math.abs(hidden[0] - candidate[0]) + Math.abs(hidden[1] - candidate[1])).toBeLessThan(6);

    // A stroke while the candidate is staged shows the overlay: the new part of the mask is seen.
    const before = await screenRgb(page, 300, 320);
    await page.keyboard.press('b');
    await dragPath(page, [
      [250, 320],
      [350, 320],
    ]);
    expect(await staged(page)).toBe(1);
    const painted = await screenRgb(page, 300, 320);
    expect(painted[0] - painted[1] - (before[0] - before[1])).toBeGreaterThan(20);
    expect(await eye(page).getAttribute('aria-label')).toBe('Hide mask overlay');

    // Discard all, then a new staging: it starts with the overlay off again.
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    expect(await eye(page).getAttribute('aria-label')).toBe('Hide mask overlay'); // no candidates: the overlay shows
    await generate(page);
    expect(await eye(page).getAttribute('aria-label')).toBe('Show mask overlay');
    expect(app.errors).toEqual([]);
  });
});
