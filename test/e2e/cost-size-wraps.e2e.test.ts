/**
 * The Generate panel's size line with several areas ("2 areas, filled one after another: 165×… from
 * a … region; …") is read whole at every window width from 1280 to 1920 px: it wraps. It was one line
 * cut off with an ellipsis (at 1500 px the second area was not readable). Real keys and mouse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, waitIdle } from '../support/page-helpers';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('size line with two areas', () => {
  for (const width of [1280, 1500, 1920]) {
    it(`is whole at ${width} px`, async () => {
      app = await launchWithPhoto('colorful-cups.jpg', { width, height: 900 });
      const page = app.page;
      await page.keyboard.press('b');
      // Two dabs in opposite corners: two areas.
      await dragPath(page, [
        [300, 300],
        [360, 300],
      ]);
      await dragPath(page, [
        [2200, 1300],
        [2260, 1300],
      ]);
      await waitIdle(page);
      const line = page.getByRole('region', { name: 'Generate' }).getByTestId('cost-size');
      await expect
        .poll(async () => await line.textContent())
        .toMatch(/^2 areas, filled one after another: .+ region( at full size)?; .+ region( at full size)?$/);
      const box = await line.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const p = el.parentElement!.getBoundingClientRect();
        return { cut: el.scrollWidth > el.clientWidth + 0.5, right: r.right, panelRight: p.right };
      });
      expect(box.cut, 'cut off').toBe(false);
      expect(box.right).toBeLessThanOrEqual(box.panelRight + 0.5);
      expect(app.errors).toEqual([]);
    });
  }
});
