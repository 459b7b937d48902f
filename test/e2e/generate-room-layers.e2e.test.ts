import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { dragPath, seen, waitIdle } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('colorful-cups.jpg', { width: 1280, height: 800 })); // 2560×1600
  const page = app.page;
  const panel = page.getByRole('region', { name: 'Generate' });
  await chooseWithKeys(page, panel.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
  await typeInto(page, panel.getByRole('textbox', { name: 'Prompt' }), 'a paper boat');
  await page.keyboard.press('Escape');
  await page.keyboard.press('b');
  for (let i = 0; i < 4; i++) {
    const y = 300 + i * 300;
    await dragPath(page, [
      [700, y],
      [1200, y + 40],
    ]);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, i + 1);
    await waitIdle(page);
  }
  // The next edit's mask: Generate shows its price and request size.
  await dragPath(page, [
    [1600, 500],
    [1900, 520],
  ]);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('Generate with four kept layers at 1280×800', () => {
  it('keeps Candidates, the request size, the Edge line and Generate in view; Layers keeps three whole rows', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const whole = { fraction: 1, onTop: true };
    const shown = {
      candidates: await seen(panel.getByRole('spinbutton', { name: 'Candidates' })),
      size: await seen(panel.getByTestId('cost-size')),
      edge: await seen(panel.getByRole('button', { name: /^Edge/ })),
      generate: await seen(panel.getByRole('button', { name: 'Generate', exact: true })),
    };
    expect(shown).toEqual({ candidates: whole, size: whole, edge: whole, generate: whole });
    // What gave the room is History's, not the Layers list's three rows or its buttons.
    const layers = page.getByRole('region', { name: 'Layers' });
    const rows = await layers.locator('ul.layers > li').all();
    const wholeRows = (await Promise.all(rows.map((r) => seen(r)))).filter((r) => r.fraction === 1 && r.onTop);
    expect(wholeRows.length).toBeGreaterThanOrEqual(3);
    const buttons = layers.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    for (const b of await buttons.all()) expect(await seen(b)).toEqual(whole);
    expect(await seen(page.locator('[data-testid="history"] li.current'))).toEqual(whole);
    expect(app.errors).toEqual([]);
  });
});
