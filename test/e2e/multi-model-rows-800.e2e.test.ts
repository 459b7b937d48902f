/**
 * "Several models at once" at 1280×800: every model's row is one line — its name, its count and its
 * price side by side. Nano Banana 2's long name ("Nano Banana 2 (Gemini 3.1 Flash Image)") wrapped to
 * three lines and pushed its price to the bottom of a three-line row. The row shows the short name;
 * the whole one is in its tooltip and in the count field's accessible name. Keys and mouse only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchCloudWithShortStroke } from '../support/cloud-app';
import { leaveField, retype } from '../support/user-input';

let app: AppHarness;
let cloud: CloudApp | undefined;
const NB2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';
const PRO = 'Nano Banana Pro (Gemini 3 Pro Image)';

beforeAll(async () => {
  cloud = await launchCloudWithShortStroke();
  ({ app } = cloud);
});
afterAll(() => cloud?.close());

describe('the models list at 1280×800', () => {
  it('shows each model on one line: a short name, its count and its price', async () => {
    const page = app.page;
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await retype(page.getByRole('spinbutton', { name: `${NB2} candidates` }), '2');
    await retype(page.getByRole('spinbutton', { name: `${PRO} candidates` }), '1');
    await leaveField(page);
    const list = page.getByRole('group', { name: 'Models to ask' });
    await expect.poll(() => list.getByText('$', { exact: false }).count()).toBeGreaterThanOrEqual(2);
    const rows = await list.evaluate((el) =>
      Array.from(el.querySelectorAll('.multi-row')).map((row) => {
        const name = row.querySelector('.multi-name') as HTMLElement;
        const price = row.querySelector('.multi-price') as HTMLElement;
        const field = row.querySelector('input') as HTMLElement;
        const n = name.getBoundingClientRect();
        const p = price.getBoundingClientRect();
        const f = field.getBoundingClientRect();
        return {
          name: name.textContent,
          title: name.title,
          nameH: n.height,
          fieldH: f.height,
          price: price.textContent,
          priceWhole: price.scrollWidth <= price.clientWidth + 0.5,
          // The price's middle on the row's line (the field's), not at the bottom of a taller row.
          priceMidOff: Math.abs(p.top + p.height / 2 - (f.top + f.height / 2)),
        };
      }),
    );
    for (const r of rows) {
      expect(r.nameH, `${r.name} wraps`).toBeLessThanOrEqual(r.fieldH);
      expect(r.priceMidOff, `${r.name}'s price is off its line`).toBeLessThanOrEqual(3);
      expect(r.priceWhole, `${r.name}'s price is cut`).toBe(true);
    }
    const nb2 = rows.find((r) => r.title === NB2);
    expect(nb2?.name).toBe('Nano Banana 2');
    expect(nb2?.price).toMatch(/^\$\d+\.\d{3}$/);
    expect(rows.find((r) => r.title === PRO)?.name).toBe('Nano Banana Pro');
    expect(app.errors).toEqual([]);
  });

  it('while and after they run, each model’s line names it short too', async () => {
    const page = app.page;
    await page.keyboard.press('Control+Enter');
    const line = page.locator('[data-testid="multi-entry"][data-model="gemini-3.1-flash-image"]');
    await expect.poll(() => line.textContent(), { timeout: 60_000 }).toMatch(/^Nano Banana 2 ×2 Done in /);
    expect(await line.locator('.multi-name').getAttribute('title')).toBe(NB2);
    expect(app.errors).toEqual([]);
  });
});
