/**
 * A kept result becomes the selected layer, as a new layer does in Photoshop: after a retoucher has
 * clicked an older layer, the next Keep selects the new one, so the opacity field below the list is
 * the new layer's. Offline engine only, keys and mouse.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, paintGenerateKeep, waitIdle } from '../support/page-helpers';
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

  it('Enter on Keep as layer (reached with Tab) keeps it as a layer, not Keep; the focus goes on to Keep beside it', async () => {
    const page = app.page;
    await page.keyboard.press('Control+d');
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 200],
      [300, 200],
    ]);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    const strip = page.getByRole('region', { name: 'Candidates' });
    const keepLayer = strip.getByRole('button', { name: 'Keep as layer', exact: true });
    const on = (l: typeof keepLayer) => l.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 100 && !(await on(keepLayer)); i++) await page.keyboard.press('Tab');
    expect(await on(keepLayer)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 3);
    await waitIdle(page);
    // Kept as a layer: staging stays open and the mask stays (Enter was the editor's Keep: staging closed, the mask cleared).
    const s = await page.evaluate(() => (window as any).__maskworkTest.summary());
    expect(s.label).toMatch(/^Keep /);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(1);
    expect(await page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBeGreaterThan(0);
    // The button is disabled once its candidate is kept, and the focus fell to the page: Tab started from the top.
    await expect.poll(() => on(strip.getByRole('button', { name: 'Keep', exact: true }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await on(strip.getByRole('button', { name: 'Discard', exact: true }))).toBe(true);
    await page.keyboard.press('Escape');
  });
});
