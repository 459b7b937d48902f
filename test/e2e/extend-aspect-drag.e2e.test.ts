/**
 * Extend canvas (C) with a preset aspect keeps it while a handle is dragged, as Photoshop's crop tool
 * keeps a ratio set: the other axis follows. A click on the pressed preset lets it go (the proposal
 * stays), and then a drag moves one side
 * alone. A 16:9 proposal dragged at its bottom became 2844×1798 without a word (found by hand). Real
 * keys and mouse on colorful-cups.jpg (2560×1600).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { docToClient, settleView } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg');
});
afterAll(async () => app?.close());

async function sides(page: Page) {
  const read = async (side: string) => Number(await page.getByRole('spinbutton', { name: `Extend ${side} (px)` }).inputValue());
  return { left: await read('left'), right: await read('right'), top: await read('top'), bottom: await read('bottom') };
}
const size = (s: Awaited<ReturnType<typeof sides>>) => ({ width: 2560 + s.left + s.right, height: 1600 + s.top + s.bottom });

/** Drags the proposal's bottom handle down by `dy` screen px. */
async function dragBottom(page: Page, dy: number): Promise<void> {
  await settleView(page);
  const s = await sides(page);
  const c = await docToClient(page, (2560 + s.right - s.left) / 2, 1600 + s.bottom);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x, c.y + dy, { steps: 6 });
  await page.mouse.up();
}

describe('extend: a preset aspect is kept while dragging', () => {
  it('16:9, the bottom handle dragged down: the width follows; 16:9 let go, then a drag moves the bottom alone', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    const preset = page.getByRole('button', { name: 'Aspect 16:9' });
    await preset.click();
    await expect.poll(async () => size(await sides(page))).toEqual({ width: 2844, height: 1600 });
    await dragBottom(page, 40);
    const kept = size(await sides(page));
    expect(kept.height).toBeGreaterThan(1650);
    expect(Math.abs(kept.width / kept.height - 16 / 9)).toBeLessThan(0.002);
    expect(await preset.getAttribute('aria-pressed')).toBe('true');

    // The pressed preset clicked again is let go: the proposal stays as it is.
    await preset.click();
    expect(await preset.getAttribute('aria-pressed')).toBe('false');
    expect(size(await sides(page))).toEqual(kept);
    await dragBottom(page, 40);
    const loose = size(await sides(page));
    expect(loose.width).toBe(kept.width);
    expect(loose.height).toBeGreaterThan(kept.height + 20);

    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});
