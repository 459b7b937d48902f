/**
 * Generate keeps its Edge line in view with one kept layer at 1280×800: an extension filled by the
 * offline engine and kept as a layer gave Layers its opacity field, a third row and its buttons, and
 * Generate's Edge line went under its footer (History kept its four steps with room to spare below
 * them). History gives up to two of its steps for the line, as it does with several kept layers
 * (generate-room-layers.e2e). Real keys and mouse (found by hand on ladybird.jpg extended to 21:9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { expectGenerateRoom } from '../support/generate-room';
import { waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png', { width: 1280, height: 800 }); // 600×400
  const page = app.page;
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Aspect 21:9' }).click();
  await page.keyboard.press('Enter'); // apply
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().canvas.width > 600);
  await page.keyboard.press('Control+Enter'); // fill it with the offline engine (the default model)
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Keep as layer' }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  await waitIdle(page);
}, 120_000);
afterAll(() => app?.close());

describe('Generate with one kept layer after an extension at 1280×800', () => {
  it('keeps the Edge line and Generate in view; Layers keeps every row and its buttons, History its current step', async () => {
    const page = app.page;
    await expectGenerateRoom(page, 3); // the mask, the kept layer, the original
    expect(app.errors).toEqual([]);
  });
});
