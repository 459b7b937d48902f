/**
 * At 1280×720 (a hands-on pass): with candidates staged, the version strip's head line was cut in half
 * under the status bar (the dock held to a quarter of the canvas); the original's row read
 * "(original, lock…". Both read whole now: the dock shows its rows, the original's row its name and a
 * lock (the words in its tooltip). Keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, paintGenerateKeep, waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('colorful-cups.jpg', { width: 1280, height: 720 });
}, 120_000);
afterAll(() => app?.close());

describe('a 1280×720 window', () => {
  it('with candidates staged, the version strip’s head shows whole above the status bar', async () => {
    const page = app.page;
    await paintGenerateKeep(page, 800, 1, 1200); // a version: the strip's head stays with candidates staged
    await page.keyboard.press('m');
    await dragPath(page, [
      [900, 500],
      [1300, 900],
    ]);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length > 0, null, { timeout: 90_000 });
    await waitIdle(page);
    const head = page.getByRole('region', { name: 'Versions' }).getByRole('button', { name: /Versions \(1\)/ });
    await head.waitFor();
    const dock = page.getByTestId('staging-dock');
    // Nothing in the dock scrolled out of sight, and the head line is inside it and above the status bar.
    expect(await dock.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);
    const h = (await head.boundingBox())!;
    const d = (await dock.boundingBox())!;
    expect(h.y + h.height).toBeLessThanOrEqual(d.y + d.height + 0.5);
    const strip = (await page.getByRole('region', { name: 'Candidates' }).boundingBox())!;
    expect(strip.y).toBeGreaterThanOrEqual(d.y - 0.5);
  });

  it('the original’s row shows its whole name and a lock; its tooltip says "(original, locked)"', async () => {
    const page = app.page;
    const name = page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: 'Select original colorful-cups.jpg' });
    expect(await name.getAttribute('title')).toBe('colorful-cups.jpg (original, locked)');
    // Nothing in the button is cut (it ended in "(original, lock…").
    expect(await name.evaluate((e) => [e, ...e.querySelectorAll('*')].filter((x) => x.scrollWidth > x.clientWidth).length)).toBe(0);
    expect(await name.innerText()).toContain('colorful-cups.jpg');
    const button = (await name.boundingBox())!;
    const lock = (await name.locator('svg.lock-icon').boundingBox())!;
    expect(lock.x + lock.width).toBeLessThanOrEqual(button.x + button.width);
    expect(app.errors).toEqual([]);
  });
});
