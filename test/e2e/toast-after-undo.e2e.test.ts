/**
 * A message that offers an undo goes with the undo or redo that uses it or makes it stale: "Deleted
 * the layer … Ctrl+Z brings it back" stayed on screen after Ctrl+Z had brought the layer back (found
 * by hand). Real keys on coffee.png (600×400), offline engine: paint, Generate, Keep, Delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, summary } from '../support/page-helpers';
import { leaveField } from '../support/user-input';

let app: AppHarness;
type Page = AppHarness['page'];

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

const layers = async (page: Page): Promise<number> => (await summary(page)).layers;
const deleted = (page: Page) => page.locator('[data-testid="toast"]', { hasText: 'Deleted the layer' });

describe('a message offering Ctrl+Z', () => {
  it('goes once Ctrl+Z has brought the layer back, and does not come back with Ctrl+Shift+Z', async () => {
    const page = app.page;
    await paintGenerateKeep(page, 200, 1);
    await page.keyboard.press('Control+d'); // no mask: Delete deletes the selected layer
    await leaveField(page);
    await page.keyboard.press('Delete');
    await expect.poll(() => layers(page)).toBe(0);
    await deleted(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+z');
    await expect.poll(() => layers(page)).toBe(1);
    // Gone with the undo, not 5 s later.
    await deleted(page).waitFor({ state: 'detached', timeout: 1000 });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => layers(page)).toBe(0);
    expect(await deleted(page).count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => layers(page)).toBe(1);
  });
});
