/**
 * The offline engine warms up before Generate (issue 13, `engine:warm`): painting a mask with the
 * engine chosen has main start an engine worker that runs a small warm-up fill and waits idle; more
 * strokes start no other; Generate then works as before (and hands the worker back, warm). Real mouse
 * and keys; main's pool is read through its read-only state (the harness runs main in this process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { closeIdleEngineWorkers, engineWorkerState } from '../../electron/main/providers/local-worker-pool';

let app: AppHarness;
const warmAnswer = (page: AppHarness['page']) => page.evaluate(() => (window as any).__maskworkTest.engineWarm());

beforeAll(async () => {
  await closeIdleEngineWorkers();
  // No keys: the offline engine is the chosen model.
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'coffee.png')); // 600×400
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
});
afterAll(async () => {
  await app?.close();
  await closeIdleEngineWorkers();
});

describe('warm offline engine before Generate', () => {
  it('painting a mask with the engine chosen leaves one warm worker in main; Generate then works as before', async () => {
    const page = app.page;
    expect(engineWorkerState()).toEqual({ idle: 0, warming: 0, busy: 0 });
    expect(await warmAnswer(page)).toBeNull();

    await page.keyboard.press('b');
    await dragPath(page, [
      [280, 200],
      [330, 205],
    ]);
    // (The ask at pointer down may already have been answered `started`, and the stroke's own `warming` or `warm`.)
    await expect.poll(async () => (await warmAnswer(page))?.state).toMatch(/^(started|warming|warm)$/);
    expect((await warmAnswer(page)).model).toBe('local');
    // No fill has run: the idle worker is the warm-up's, which finishes and waits.
    await expect.poll(() => engineWorkerState(), { timeout: 30_000 }).toEqual({ idle: 1, warming: 0, busy: 0 });

    // Another stroke: main finds the warm worker and starts no other.
    await dragPath(page, [
      [300, 230],
      [320, 240],
    ]);
    await expect.poll(async () => (await warmAnswer(page))?.state).toBe('warm');
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });

    // Generate with the engine, as before: a candidate to keep; the worker goes back to the pool.
    const panel = page.getByRole('region', { name: 'Generate' });
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    const keep = page.getByRole('button', { name: 'Keep', exact: true });
    await keep.waitFor({ state: 'visible', timeout: 90_000 });
    await keep.click();
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
    expect(app.errors).toEqual([]);
  });
});
