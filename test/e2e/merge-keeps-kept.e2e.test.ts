/**
 * Merge down and the candidates strip: two candidates kept as layers, then merged into one, lost their
 * "Kept" mark (the strip knew a kept candidate by its patch being a layer's, and the merged layer's
 * patch is new) — and Keep as layer offered to add the same result a second time. They stay marked
 * Kept; a candidate never kept stays unmarked. Real mouse and keys.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, retype } from '../support/user-input';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({ viewport: { width: 1500, height: 950 } }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

const kept = (page: AppHarness['page']) =>
  page
    .getByTestId('staging-strip')
    .getByTestId('candidate')
    .evaluateAll((els) => els.map((e) => !!e.querySelector('.kept')));

describe('Merge down keeps the strip’s Kept marks', () => {
  it('two candidates kept as layers and merged still read Kept; the third does not', async () => {
    const page = app.page;
    app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await page.keyboard.press('b');
    await dragPath(page, [
      [120, 150],
      [380, 150],
    ]);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a painted band');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
    const keepAsLayer = page.getByRole('button', { name: 'Keep as layer', exact: true });
    await keepAsLayer.click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await page.keyboard.press('ArrowRight');
    await keepAsLayer.click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 2);
    expect(await kept(page)).toEqual([true, true, false]);
    await page.getByRole('region', { name: 'Layers' }).getByRole('button', { name: 'Merge down', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    await waitIdle(page);
    expect((await page.evaluate(() => (window as any).__maskworkTest.summary())).label).toBe('Merge down');
    expect(await kept(page)).toEqual([true, true, false]);
    // The selected candidate (the second) is in the merged layer: Keep as layer does not add it again.
    expect(await keepAsLayer.isDisabled()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => keepAsLayer.isEnabled()).toBe(true);
    // Keep on a merged candidate names the layer it is in (it named none: “”).
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const merged = (await page.evaluate(() => (window as any).__maskworkTest.layerList()))[0].name as string;
    await expect
      .poll(async () => JSON.stringify((await page.evaluate(() => (window as any).__maskworkTest.summary())).toasts))
      .toContain(`Already kept: this result is the layer “${merged}”`);
  });
});
