/**
 * Files the OS asks Maskwork to open — a double-click on a photo, "Open with Maskwork", a second
 * launch handing its files over — open as a file chosen with Ctrl+O does: at launch, while a photo
 * is open (undoable), asked about first while a job runs, and a `.maskwork` project as a project.
 * The OS's side is `services.launchFiles.add` (what launch-wiring.ts does for Electron's
 * `second-instance` and `open-file`); everything the retoucher does is keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import { startOpenAIServer } from '../servers';

let app: AppHarness;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let dir: string;
const toast = (text: string) => app.page.locator('[data-testid="toast"]', { hasText: text });
const openName = async () => (await summary(app.page)).original?.name as string | undefined;
const maskPixels = () => app.page.evaluate(() => (window as any).__maskworkTest.maskPixels() as number);

beforeAll(async () => {
  openai = await startOpenAIServer();
  dir = await mkdtemp(join(tmpdir(), 'maskwork-open-with-'));
  // Two photos selected in a file manager and opened with Maskwork, which was not running.
  app = await launchApp({
    viewport: { width: 1500, height: 950 },
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
    launchFiles: [join(PHOTOS, 'coffee.png'), join(PHOTOS, 'desk-stuff.jpg')],
  });
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('files the OS asks Maskwork to open', () => {
  it('at launch: the first file opens, and the message says the other was not (one photo at a time)', async () => {
    await expect.poll(openName, { timeout: 30_000 }).toBe('coffee.png');
    await toast('desk-stuff.jpg was not opened').waitFor({ state: 'visible' });
    expect(app.errors).toEqual([]);
  });

  it('while a photo is open: the new one replaces it as an undo step, Ctrl+Z brings the first back with its stroke', async () => {
    const page = app.page;
    await waitIdle(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [320, 210],
    ]);
    const stroked = await maskPixels();
    expect(stroked).toBeGreaterThan(0);
    app.services.launchFiles.add([join(PHOTOS, 'building.jpg')]);
    await expect.poll(openName, { timeout: 30_000 }).toBe('building.jpg');
    await waitIdle(page);
    await page.keyboard.press('Control+z');
    await expect.poll(openName).toBe('coffee.png');
    expect(await maskPixels()).toBe(stroked);
  });

  it('while a job runs: asked first, as Ctrl+O asks; Esc keeps the photo and the job', async () => {
    const page = app.page;
    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    await typeInto(page, page.getByRole('textbox', { name: 'Prompt' }), 'a vase');
    openai.script({ delayMs: 4000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    app.services.launchFiles.add([join(PHOTOS, 'building.jpg')]);
    const ask = page.getByRole('alertdialog', { name: 'A job is running' });
    await ask.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await openName()).toBe('coffee.png');
    expect(await page.evaluate(() => (window as any).__maskworkTest.job()?.cancelling)).toBe(false);
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.staging().items.length), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('a .maskwork project double-clicked opens as a project: its name, its file, its photo', async () => {
    const page = app.page;
    const path = join(dir, 'cup.maskwork');
    app.dialogs.saves.push(path);
    await page.keyboard.press('Control+Shift+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'cup.maskwork');
    await waitIdle(page);
    // The app started again by a double-click on the project file.
    const again = await launchApp({ viewport: { width: 1500, height: 950 }, launchFiles: [path] });
    try {
      await expect.poll(async () => (await summary(again.page)).project, { timeout: 30_000 }).toEqual({ name: 'cup.maskwork', path });
      expect((await summary(again.page)).original?.name).toBe('coffee.png');
      expect(again.errors).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
