/**
 * Acceptance for crash-safe autosave: open a photo, paint a stroke, wait until main holds the
 * autosave (a project file with the undo history), then "crash" (close the page without any
 * shutdown) and start the app again in a new page served by the same main services. The banner
 * offers the session; Restore brings back the original, the mask value for value and the undo
 * steps. Opening another photo replaces the autosave, and Discard deletes it so the next start
 * offers nothing. A session on offer that another photo replaces before it is answered is saved as a
 * project first, in the recent projects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { retype, sliderTo } from '../support/user-input';
import { readProjectBytes } from '../support/project-payload';
import { getMaskValue } from '../../shared/mask';

/** Main's autosave read as a project: the current record, the history labels, and the current mask. */
async function autosaved() {
  const bytes = await app.services.autosave.load();
  if (!bytes) return null;
  const { manifest, masks } = readProjectBytes(bytes);
  const p = manifest.project;
  return {
    doc: p.current.doc,
    label: p.current.label,
    past: p.past.map((x: { label: string }) => x.label),
    mask: masks.get(p.current.doc.maskId)!,
  };
}

let app: AppHarness;
const building = join(PHOTOS, 'building.jpg'); // 868×600
const coffee = join(PHOTOS, 'coffee.png'); // 600×400

/** Points on, near and off the stroke (including its anti-aliased edge). */
const PROBES: Array<[number, number]> = [
  [100, 100],
  [200, 100],
  [300, 100],
  [200, 119],
  [200, 120],
  [200, 121],
  [200, 81],
  [200, 80],
  [200, 79],
  [78, 100],
  [80, 100],
  [322, 100],
  [200, 140],
  [500, 300],
  [0, 0],
  [867, 599],
];

async function probe(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const [x, y] of PROBES) out.push(await maskValue(page, x, y));
  return out;
}

async function autosaveSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = (window as any).__maskworkTest.autosave();
      return !a.pending && a.saves > 0;
    },
    null,
    { timeout: 15_000 },
  );
}

/** Closes the page abruptly (no unload work awaited) and starts the app again on the same services. */
async function crashAndRestart(old: Page): Promise<Page> {
  await old.close({ runBeforeUnload: false });
  return app.openPage();
}

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('autosave and crash recovery in Chromium through the real handlers', () => {
  let painted: number[];

  it('autosaves the document and the painted mask within about a second', async () => {
    const page = app.page;
    expect(await app.services.autosave.load()).toBeNull();
    app.dialogs.opens.push(building);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [100, 100],
      [300, 100],
    ]);
    painted = await probe(page);
    expect(painted[1]).toBe(255);
    expect(painted[12]).toBe(0);

    // The stroke's save lands within a second; poll main's store until it holds the stroke.
    await expect.poll(async () => (await autosaved())?.label ?? null, { timeout: 15_000, interval: 100 }).toBe('Brush stroke');
    await autosaveSettled(page);
    const saved = (await autosaved())!;
    expect(saved.doc.original.name).toBe('building.jpg');
    expect(saved.doc.canvas).toEqual({ width: 868, height: 600 });
    // The undo history is in the autosave too.
    expect(saved.past).toEqual(['Open building.jpg']);
    // The mask is in it value for value.
    for (let i = 0; i < PROBES.length; i++) expect(getMaskValue(saved.mask, PROBES[i][0], PROBES[i][1])).toBe(painted[i]);
  });

  it('after a crash, the banner restores the original and the mask value for value', async () => {
    const page = await crashAndRestart(app.page);
    const banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/Restore your last session \(building\.jpg, .+\)\?/);
    expect((await summary(page)).hasDoc).toBe(false);

    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    await banner.waitFor({ state: 'detached' });
    const s = await summary(page);
    expect(s.canvas).toEqual({ width: 868, height: 600 });
    expect(s.original.name).toBe('building.jpg');
    // The history came back with it: the stroke can be undone.
    expect(s.label).toBe('Brush stroke');
    expect(s.historyLabels).toEqual(['Open building.jpg']);
    expect(s.canRedo).toBe(0);
    const stage = await page.locator('[data-testid="stage"]').boundingBox();
    expect(868 * s.scale).toBeLessThanOrEqual(stage!.width);
    expect(s.scale).toBeGreaterThan(0.3);
    const bmp = await page.evaluate((id) => (window as any).__maskworkTest.bitmapSize(id), s.original.assetId);
    expect(bmp).toEqual({ width: 868, height: 600 });
    expect(await probe(page)).toEqual(painted);

    // The restored document keeps working: undo takes the stroke back, redo and a new stroke are steps.
    await page.keyboard.press('Control+z');
    expect(await maskValue(page, 200, 100)).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    expect(await probe(page)).toEqual(painted);
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 400],
      [100, 500],
    ]);
    expect(await maskValue(page, 100, 450)).toBe(255);
    expect((await summary(page)).historyLabels).toEqual(['Open building.jpg', 'Brush stroke']);
    await autosaveSettled(page);
    app.page = page;
  });

  it('opening another photo replaces the autosave; Discard deletes it', async () => {
    let page = app.page;
    app.dialogs.opens.push(coffee);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await autosaveSettled(page);
    const saved = (await autosaved())!;
    expect(saved.doc.original.name).toBe('coffee.png');
    // Only this photo's steps: the building's history is not carried into coffee's autosave.
    expect(saved.past).toEqual([]);
    expect(saved.mask.tiles.every((t) => t === 0)).toBe(true);

    page = await crashAndRestart(page);
    const banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('coffee.png');
    await banner.getByRole('button', { name: 'Discard', exact: true }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await summary(page)).hasDoc).toBe(false);
    expect(await app.services.autosave.load()).toBeNull();

    page = await crashAndRestart(page);
    await page.waitForTimeout(1500);
    expect(await page.getByRole('region', { name: 'Restore session' }).count()).toBe(0);
    expect((await summary(page)).hasDoc).toBe(false);
    app.page = page;
    expect(app.errors).toEqual([]);
  });

  it('a session on offer that another photo replaces unanswered is saved as a project first, and opens from the recent projects', async () => {
    let page = app.page;
    app.dialogs.opens.push(building);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    await page.keyboard.press('b');
    await dragPath(page, [
      [100, 100],
      [300, 100],
    ]);
    await expect.poll(async () => (await autosaved())?.label ?? null, { timeout: 15_000, interval: 100 }).toBe('Brush stroke');
    await autosaveSettled(page);

    // A crash; at the next start the banner offers the building, and a reflexive Ctrl+O opens coffee.
    page = await crashAndRestart(page);
    app.page = page;
    await page.getByRole('region', { name: 'Restore session' }).waitFor({ timeout: 15_000 });
    app.dialogs.opens.push(coffee);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'coffee.png');
    await autosaveSettled(page);
    expect((await autosaved())!.doc.original.name).toBe('coffee.png');

    // The building's session was written out first, and the toast says where.
    const dir = join(dirname(app.services.autosave.dir), 'Recovered');
    await expect.poll(() => (existsSync(dir) ? readdirSync(dir) : []), { timeout: 15_000 }).toHaveLength(1);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^building \(recovered \d{4}-\d\d-\d\d \d\d-\d\d\)\.maskwork$/);
    const toasts = (await summary(page)).toasts.map((t: { message: string }) => t.message);
    expect(toasts.some((m: string) => m.startsWith('Your last session was not restored') && m.includes(`“${file}”`))).toBe(true);

    // It opens from the ▾ menu beside Save, with its history and its mask.
    await page.getByRole('button', { name: 'Project menu' }).click();
    await page.getByRole('menuitem', { name: file }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'building.jpg');
    await waitIdle(page);
    const s = await summary(page);
    expect(s.label).toBe('Brush stroke');
    expect(s.historyLabels).toEqual(['Open building.jpg']);
    expect(await maskValue(page, 200, 100)).toBe(255);
    expect(app.errors).toEqual([]);
  });
});
