/**
 * A project reopens with what was selected: on coffee.png two layers are made (Ctrl+J on the
 * original, Ctrl+J again), the lower one is selected by a click on its row, a mask is painted and
 * cleared (Ctrl+D), then Ctrl+S; building.jpg is opened over it, and the project again with Ctrl+O:
 * the lower layer is the selected one (it was the top one: a reopened project selected its newest
 * layer) and Reselect is enabled and brings the cleared mask back (it was greyed: what Reselect
 * brings back lived only in the session). Real keys and mouse; the dialogs answered by the harness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { dragPath, summary, waitIdle } from '../support/page-helpers';

let app: AppHarness;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-project-selection-'));
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

type Row = { id: string; name: string };
const layerList = (): Promise<Row[]> => app.page.evaluate(() => (window as any).__maskworkTest.layerList());
const selectedRow = () => app.page.getByRole('region', { name: 'Layers' }).locator('li.selected').first().getAttribute('data-layer');
const maskPixels = (): Promise<number> => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels());
const reselect = () => app.page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' });

async function openWithKeys(path: string, name: string): Promise<void> {
  app.dialogs.opens.push(path);
  await app.page.keyboard.press('Control+o');
  await expect.poll(async () => (await summary(app.page)).original?.name).toBe(name);
  await waitIdle(app.page);
}

describe('a project reopens with its selection', () => {
  it('the selected layer is selected again, and Reselect brings back the mask cleared before the save', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Select original coffee.png' }).click();
    for (let n = 1; n <= 2; n++) {
      await page.keyboard.press('Control+j');
      await page.waitForFunction((k) => (window as any).__maskworkTest.summary().layers === k, n, { timeout: 30_000 });
      await waitIdle(page);
    }
    const [lower, upper] = await layerList();
    await expect.poll(selectedRow).toBe(upper.id); // the newest layer is selected
    await page.getByRole('button', { name: `Select layer ${lower.name}`, exact: true }).click();
    await expect.poll(selectedRow).toBe(lower.id);

    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 150],
      [320, 170],
    ]);
    await waitIdle(page);
    const painted = await maskPixels();
    expect(painted).toBeGreaterThan(0);
    await page.keyboard.press('Control+d');
    await expect.poll(maskPixels).toBe(0);
    expect(await reselect().isEnabled()).toBe(true);

    app.dialogs.saves.push(join(dir, 'coffee-selection'));
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await summary(page)).project?.name).toBe('coffee-selection.maskwork');
    await waitIdle(page);

    await openWithKeys(join(PHOTOS, 'building.jpg'), 'building.jpg');
    await openWithKeys(join(dir, 'coffee-selection.maskwork'), 'coffee.png');
    expect((await layerList()).map((l) => l.id)).toEqual([lower.id, upper.id]);
    await expect.poll(selectedRow).toBe(lower.id);
    expect(await maskPixels()).toBe(0);
    expect(await reselect().isEnabled()).toBe(true);
    await reselect().click();
    await expect.poll(maskPixels).toBe(painted);
    expect(app.errors).toEqual([]);
  });
});
