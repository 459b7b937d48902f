/**
 * A project reopened in a restarted app still protects its photo, with real keys and mouse: coffee.png
 * opened with Ctrl+O from a folder, a brush stroke, Ctrl+S; then a NEW harness (new main services on
 * a new asset folder — what the app has after its asset folder was swept, or on another computer with
 * the same folders) opens the project with Ctrl+O, and Export… to the photo's own path is refused and
 * the file stays as it was. Found by hand: the guard knew the original only from the asset folder's
 * record of the files main had opened, so here the export REPLACED the photo the project came from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { strokeAndSaveProject } from '../support/stroke-app';
import { summary, waitIdle } from '../support/page-helpers';

let first: AppHarness | null = null;
let second: AppHarness | null = null;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-project-guard-'));
  await copyFile(join(PHOTOS, 'coffee.png'), join(dir, 'coffee.png'));
  first = await launchApp({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a reopened project's photo is never overwritten", () => {
  it('Ctrl+S, a restarted app, Ctrl+O the project, Export… PNG over the photo: refused, the photo unchanged', async () => {
    const photo = join(dir, 'coffee.png');
    const before = await readFile(photo);
    const app = first!;
    app.dialogs.opens.push(photo);
    await app.page.keyboard.press('Control+o');
    await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(app.page);
    await strokeAndSaveProject(app, dir, 'coffee-work');
    await app.close();
    first = null;

    second = await launchApp({ viewport: { width: 1400, height: 900 } });
    const page = second.page;
    second.dialogs.opens.push(join(dir, 'coffee-work.maskwork'));
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).project?.name).toBe('coffee-work.maskwork');
    await waitIdle(page);

    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'PNG', exact: true }).click();
    second.dialogs.saves.push(photo); // the native dialog's Replace was confirmed
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const said = page.locator('[data-testid="toast"]', { hasText: /Refusing to overwrite the original|Exported/ }).first();
    await said.waitFor({ timeout: 30_000 });
    expect(await said.innerText()).toContain('Refusing to overwrite the original “coffee.png”');
    expect(Buffer.compare(await readFile(photo), before)).toBe(0);
    expect(second.errors).toEqual([]);
  });
});
