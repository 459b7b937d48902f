/**
 * Generate keeps its Edge line in view with two kept layers at 1280×800 (found by hand on coffee.png:
 * two offline fills kept, the line 17 px under the footer). With two layers the default split holds
 * every Layers row, so only History gave room, and its heading and two steps were not enough: History
 * now gives a step more when the line needs it, down to its heading and the current step ("▴ N earlier
 * steps" on its heading says the rest), every Layers row staying. Real keys and mouse; read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, seen } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 800 }); // 600×400
  await paintGenerateKeep(app.page, 120, 1);
  await paintGenerateKeep(app.page, 260, 2);
}, 180_000);
afterAll(() => app?.close());

describe('Generate with two kept layers at 1280×800', () => {
  it('keeps the Edge line and Generate in view; Layers keeps every row and its buttons, History its current step', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const whole = { fraction: 1, onTop: true };
    const edge = panel.getByRole('button', { name: /^Edge/ });
    await edge.waitFor({ state: 'attached' });
    await expect.poll(() => seen(edge)).toEqual(whole);
    expect(await seen(panel.getByRole('spinbutton', { name: 'Candidates' }))).toEqual(whole);
    expect(await seen(panel.getByRole('button', { name: 'Generate', exact: true }))).toEqual(whole);
    const layers = page.getByRole('region', { name: 'Layers' });
    const rows = await layers.locator('ul.layers > li').all();
    expect(rows.length).toBe(4); // the mask, two kept layers, the original
    for (const r of rows) expect(await seen(r)).toEqual(whole);
    const buttons = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    for (const b of await buttons.all()) expect(await seen(b)).toEqual(whole);
    expect(await seen(page.locator('[data-testid="history"] li.current'))).toEqual(whole);
    await expect.poll(() => page.getByRole('button', { name: /earlier steps?$/ }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
