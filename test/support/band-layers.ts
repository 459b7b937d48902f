/** e2e setup shared by the layer tests: three kept layers of a painted band on coffee.png, by mouse and keys. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from './app-harness';
import { startOpenAIServer } from '../servers';
import { dragPath, waitIdle } from './page-helpers';
import { chooseOption, retype, sliderTo } from './user-input';

/**
 * Opens coffee.png (600×400; Ctrl+O), paints a hard 60-px band from (120, 150) to (380, 150), asks
 * GPT Image 2 for three candidates ("a painted band") and keeps each as a layer, then discards the rest.
 */
export async function keepThreeBandLayers(app: Pick<AppHarness, 'page' | 'dialogs'>): Promise<Page> {
  const page = app.page;
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png'));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '60');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(page, [
    [120, 150],
    [380, 150],
  ]);
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '3');
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a painted band');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 60_000 });
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Keep as layer', exact: true }).click();
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, i + 1);
    if (i < 2) await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('button', { name: 'Discard all', exact: true }).click();
  await waitIdle(page);
  return page;
}

/**
 * The layer tests' app: a local OpenAI protocol server, the app at `viewport` pointed at it, and
 * {@link keepThreeBandLayers} done. `close` ends both.
 */
export async function launchWithBandLayers(viewport: {
  width: number;
  height: number;
}): Promise<{ app: AppHarness; close(): Promise<void> }> {
  const openai = await startOpenAIServer();
  const app = await launchApp({
    viewport,
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
  try {
    await keepThreeBandLayers(app);
  } catch (e) {
    await app.close();
    await openai.close();
    throw e;
  }
  return {
    app,
    async close() {
      await app.close();
      await openai.close();
    },
  };
}
