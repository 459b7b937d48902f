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
import { expectGenerateRoom } from '../support/generate-room';
import { paintGenerateKeep } from '../support/page-helpers';

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
    await expectGenerateRoom(page, 4); // the mask, two kept layers, the original
    await expect.poll(() => page.getByRole('button', { name: /earlier steps?$/ }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
