/**
 * The Generate-room checks of the 1280×800 layout tests (generate-room-one-layer, -two-layers):
 * Generate's Edge line, Candidates and Generate whole and on top; every Layers row and the selected
 * layer's buttons whole; History's current step whole. Read-only probes.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seen } from './page-helpers';

export async function expectGenerateRoom(page: Page, layerRows: number): Promise<void> {
  const panel = page.getByRole('region', { name: 'Generate' });
  const whole = { fraction: 1, onTop: true };
  const edge = panel.getByRole('button', { name: /^Edge/ });
  await edge.waitFor({ state: 'attached' });
  await expect.poll(() => seen(edge)).toEqual(whole);
  expect(await seen(panel.getByRole('spinbutton', { name: 'Candidates' }))).toEqual(whole);
  expect(await seen(panel.getByRole('button', { name: 'Generate', exact: true }))).toEqual(whole);
  const layers = page.getByRole('region', { name: 'Layers' });
  const rows = await layers.locator('ul.layers > li').all();
  expect(rows.length).toBe(layerRows);
  for (const r of rows) expect(await seen(r)).toEqual(whole);
  const buttons = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
  for (const b of await buttons.all()) expect(await seen(b)).toEqual(whole);
  expect(await seen(page.locator('[data-testid="history"] li.current'))).toEqual(whole);
}
