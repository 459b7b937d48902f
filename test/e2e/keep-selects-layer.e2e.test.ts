/**
 * A kept result becomes the selected layer, as a new layer does in Photoshop: after a retoucher has
 * clicked an older layer, the next Keep selects the new one, so the opacity field below the list is
 * the new layer's. Offline engine only, keys and mouse.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { paintGenerateKeep } from '../support/page-helpers';
import { retype } from '../support/user-input';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
}, 120_000);
afterAll(() => app?.close());

describe('Keep', () => {
  it('selects the new layer, also after another layer was clicked', async () => {
    const page = app.page;
    await paintGenerateKeep(page, 120, 1, 350);
    const layers = page.getByRole('region', { name: 'Layers' });
    // Click the first layer and rename it, so the two are told apart.
    await layers.getByRole('button', { name: /^Rename layer / }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('first');
    await page.keyboard.press('Enter');
    await layers.getByRole('button', { name: 'Select layer first' }).click();
    await page.keyboard.press('Control+d');
    await paintGenerateKeep(page, 300, 2, 350);
    const names: string[] = await page.evaluate(() => (window as any).__maskworkTest.layerList().map((l: { name: string }) => l.name));
    const newest = names[names.length - 1];
    expect(newest).not.toBe('first');
    await expect.poll(() => layers.locator('li[aria-current="true"]').getAttribute('data-layer')).not.toBeNull();
    expect(await layers.getByRole('button', { name: `Select layer ${newest}` }).getAttribute('aria-pressed')).toBe('true');
    // The opacity field is the new layer's: 50 % there leaves "first" at 100 %.
    await retype(page.getByRole('spinbutton', { name: `Opacity of ${newest} (%)` }), '50');
    await page.keyboard.press('Enter');
    const opacity = await page.evaluate(() =>
      (window as any).__maskworkTest.docLayers().map((l: { name: string; opacity?: number }) => [l.name, l.opacity ?? 1]),
    );
    expect(opacity).toEqual([
      ['first', 1],
      [newest, 0.5],
    ]);
  });
});
