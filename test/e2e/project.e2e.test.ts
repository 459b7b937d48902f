/**
 * Done-when of the project file: paint, keep a gpt-image-2 result (local protocol server), paint
 * again, paint once more and undo it, Ctrl+S (the save dialog is answered with a typed name without extension), then
 * START THE APP AGAIN — a new harness: new main services on new folders, a new browser — and open
 * the file with Ctrl+O: the same layers, versions, mask and undo/redo steps, and undo/redo work.
 * Then Save As from the menu, the "unsaved changes" question before opening another file, and a
 * damaged project that opens with a clear message and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';
import { startOpenAIServer } from '../servers';

let first: AppHarness | null = null;
let second: AppHarness | null = null;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let dir: string;
const coffee = join(PHOTOS, 'coffee.png'); // 600×400
const building = join(PHOTOS, 'building.jpg');
const probe = (page: Page, fn: string) => page.evaluate((f) => (window as any).__maskworkTest[f](), fn);

/** Everything the project must bring back, read through the page's read-only probes. */
async function state(page: Page) {
  const s = await summary(page);
  return {
    canvas: s.canvas,
    original: { name: s.original.name, width: s.original.width, height: s.original.height, x: s.original.x, y: s.original.y },
    label: s.label,
    historyLabels: s.historyLabels,
    futureLabels: s.futureLabels,
    layers: (await probe(page, 'layerList')).map((l: any) => ({
      name: l.name,
      assetId: l.assetId,
      x: l.x,
      y: l.y,
      width: l.width,
      height: l.height,
    })),
    versions: await probe(page, 'versions'),
    mask: (await probe(page, 'maskValues')) as number[],
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-projects-'));
  openai = await startOpenAIServer();
  first = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a .maskwork project across a restart', () => {
  let saved: Awaited<ReturnType<typeof state>>;
  let redone: number[];
  let path: string;

  it('saves the work with Ctrl+S', async () => {
    const page = first!.page;
    first!.dialogs.opens.push(coffee);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [150, 150],
      [350, 150],
    ]);
    // Keep one gpt-image-2 result: a layer and a version with its cost and request id.
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'clean wood grain');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
    // Keep cleared the mask: a stroke for the next edit, which the project keeps as the mask.
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 250],
      [300, 250],
    ]);
    // A third stroke, undone: the project keeps a redo step too.
    await dragPath(page, [
      [100, 320],
      [300, 320],
    ]);
    redone = await probe(page, 'maskValues');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().canRedo === 1);
    saved = await state(page);
    expect(saved.layers).toHaveLength(1);
    expect(saved.versions).toHaveLength(1);
    expect(saved.versions[0].costUsd).toBeGreaterThan(0);
    expect(saved.historyLabels.length).toBeGreaterThanOrEqual(2);
    expect(saved.futureLabels).toHaveLength(1);
    expect(saved.mask.filter((v) => v > 0).length).toBeGreaterThan(1000);
    expect((await summary(page)).unsaved).toBe(true);

    // The save dialog: the user types "coffee-work"; main adds the extension.
    first!.dialogs.saves.push(join(dir, 'coffee-work'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'coffee-work.maskwork');
    await waitIdle(page);
    path = join(dir, 'coffee-work.maskwork');
    expect((await stat(path)).size).toBeGreaterThan(100_000); // the original PNG is inside
    expect((await summary(page)).unsaved).toBe(false);
    expect(await page.title()).toBe('coffee-work.maskwork — Maskwork');
    expect(first!.errors).toEqual([]);
    await first!.close();
    first = null;
  });

  it('a restarted app opens it with Ctrl+O: same layers, versions, mask and undo steps', async () => {
    second = await launchApp();
    const page = second.page;
    second.dialogs.opens.push(path);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    const back = await state(page);
    expect(back).toEqual(saved);
    const s = await summary(page);
    expect(s.project?.name).toBe('coffee-work.maskwork');
    expect(s.unsaved).toBe(false);
    // The kept layer's pixels are there to draw.
    const layer = back.layers[0];
    expect(await page.evaluate((id) => (window as any).__maskworkTest.bitmapSize(id), layer.assetId)).toEqual({
      width: layer.width,
      height: layer.height,
    });

    // Redo brings back the undone stroke, undo walks back through the kept result to the first stroke.
    await page.keyboard.press('Control+Shift+z');
    expect(await probe(page, 'maskValues')).toEqual(redone);
    expect((await summary(page)).unsaved).toBe(true);
    await page.keyboard.press('Control+z');
    expect(await state(page)).toEqual(saved);
    expect((await summary(page)).unsaved).toBe(false); // back at the saved state
    for (let i = 0; i < saved.historyLabels.length; i++) await page.keyboard.press('Control+z');
    const oldest = await summary(page);
    expect(oldest.layers).toBe(0);
    expect(oldest.historyLabels).toEqual([]);
    expect(oldest.label).toBe(saved.historyLabels[0]);
    for (let i = 0; i < saved.historyLabels.length; i++) await page.keyboard.press('Control+Shift+z');
    expect(await state(page)).toEqual(saved);
  });

  it('Save As… from the project menu writes another file, which Ctrl+S then saves to', async () => {
    const page = second!.page;
    await page.getByRole('button', { name: 'Project menu' }).click();
    second!.dialogs.saves.push(join(dir, 'copy.maskwork'));
    await page.getByRole('menuitem', { name: 'Save As…' }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'copy.maskwork');
    const firstSize = (await stat(join(dir, 'copy.maskwork'))).size;
    expect(firstSize).toBeGreaterThan(100_000);
    // The recent list names both files, newest first.
    await page.getByRole('button', { name: 'Project menu' }).click();
    // The menu renders after the click and the recent list arrives from main: poll until it has settled.
    const menuItems = page.getByRole('menu', { name: 'Project menu' }).getByRole('menuitem');
    await expect
      .poll(() => menuItems.allTextContents(), { timeout: 10_000 })
      .toEqual(['Save As…', 'Revert', 'copy.maskwork', 'coffee-work.maskwork']);
    // Focus went into the menu: ↓/↑/End walk its items (wrapping), Esc closes it and gives focus
    // back to its button, where Enter opens it again.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Save As…');
    await page.keyboard.press('ArrowDown'); // past Revert: off, just saved
    expect(await focused()).toBe('copy.maskwork');
    await page.keyboard.press('End');
    expect(await focused()).toBe('coffee-work.maskwork');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Save As…');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('coffee-work.maskwork');
    await page.keyboard.press('Escape');
    await page.getByRole('menu', { name: 'Project menu' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Project menu');
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: 'Project menu' }).waitFor();
    expect(await focused()).toBe('Save As…');
    await page.keyboard.press('Escape');
    // Ctrl+S now writes copy.maskwork again without asking (no dialog answer is queued: asking would fail).
    const before = (await stat(join(dir, 'copy.maskwork'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await stat(join(dir, 'copy.maskwork'))).mtimeMs, { timeout: 15_000 }).toBeGreaterThan(before);
    await waitIdle(page);
    expect((await summary(page)).toasts.filter((t: any) => t.tone === 'error')).toEqual([]);
  });

  it('asks before another file replaces unsaved changes; Cancel keeps them, Don’t save opens (Ctrl+Z brings them back)', async () => {
    const page = second!.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [400, 80],
      [500, 80],
    ]);
    const dirty = await state(page);
    expect((await summary(page)).unsaved).toBe(true);
    expect(await page.title()).toBe('copy.maskwork • — Maskwork');

    // The file is chosen first, then asked about.
    second!.dialogs.opens.push(building);
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await state(page)).toEqual(dirty);

    second!.dialogs.opens.push(building);
    await page.keyboard.press('Control+o');
    await ask.waitFor();
    await ask.getByRole('button', { name: "Don't save" }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    expect((await state(page)).mask).toEqual(dirty.mask);
  });

  it('a damaged or truncated project opens with a clear message and changes nothing', async () => {
    const page = second!.page;
    const good = await readFile(join(dir, 'coffee-work.maskwork'));
    const truncated = join(dir, 'truncated.maskwork');
    await writeFile(truncated, good.subarray(0, Math.floor(good.byteLength / 2)));
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.byteLength / 3)] ^= 0xff;
    const damaged = join(dir, 'damaged.maskwork');
    await writeFile(damaged, flipped);
    const before = await state(page);
    // The open document has unsaved changes (it is the undone-to project), but a file that cannot be
    // opened asks nothing: the file is read first, and the error comes before any question.
    expect((await summary(page)).unsaved).toBe(true);
    for (const [file, message] of [
      [truncated, /“truncated\.maskwork” cannot be opened: the file is incomplete or damaged/],
      [damaged, /“damaged\.maskwork” cannot be opened: .*(checksum|damaged)/],
    ] as const) {
      second!.dialogs.opens.push(file);
      await page.keyboard.press('Control+o');
      await page.waitForFunction(
        (n) => (window as any).__maskworkTest.summary().toasts.some((t: any) => t.tone === 'error' && t.message.includes(n)),
        file.split('/').pop(),
      );
      await waitIdle(page);
      const toast = (await summary(page)).toasts.find((t: any) => t.tone === 'error' && t.message.includes(file.split('/').pop()!));
      expect(toast.message).toMatch(message);
      expect(toast.message).toMatch(/Nothing was changed\.$/);
      expect(toast.kind).toBe('bad-project');
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      expect(await state(page)).toEqual(before);
    }
    // Never written to.
    expect(Buffer.from(await readFile(truncated)).equals(good.subarray(0, Math.floor(good.byteLength / 2)))).toBe(true);
    expect(Buffer.from(await readFile(damaged)).equals(flipped)).toBe(true);
    expect(second!.errors).toEqual([]);
  });
});
