/**
 * The project file keeps the layers as the user left them (issue 12): three kept gpt-image-2 results
 * (local protocol server: each candidate paints the masked band one solid colour) are reordered by
 * dragging in the Layers panel, one is made 40 % opaque by a typed opacity, one gets a layer mask
 * painted with the eraser, one is hidden — all with the real mouse and keys — then Ctrl+S. A NEW
 * harness (restarted app: new main services, new folders, new browser) opens the file with Ctrl+O:
 * the layer order, visibility and opacity, the layer mask's pixels, the canvas and the PNG export
 * are the same, and Ctrl+Z still undoes the eraser stroke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { exportPngByMouse } from '../support/real-input';
import { launchApp, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { leaveField, retype } from '../support/user-input';
import { startOpenAIServer } from '../servers';
import { keepThreeBandLayers } from '../support/band-layers';

type Page = AppHarness['page'];
type LayerRow = { id: string; name: string; assetId: string; opacity?: number; hidden: boolean; maskId?: string };

let first: AppHarness | null = null;
let second: AppHarness | null = null;
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let dir: string;
let exports = 0;

const layerList = (page: Page): Promise<LayerRow[]> => page.evaluate(() => (window as any).__maskworkTest.layerList());
const layerMask = (page: Page, id: string): Promise<number[] | null> =>
  page.evaluate((l) => (window as any).__maskworkTest.layerMaskValues(l), id);
const stagePixel = (page: Page, x: number, y: number): Promise<number[]> =>
  page.evaluate(([px, py]) => (window as any).__maskworkTest.stagePixel(px, py), [x, y] as const);
const panel = (page: Page) => page.getByRole('region', { name: 'Layers' });
const close = (a: number[], b: number[], tol = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
/** Points in the painted band (Bravo's layer mask erased at 210, not at 330 and 360) and one outside it. */
const POINTS: ReadonlyArray<readonly [number, number]> = [
  [210, 150],
  [330, 150],
  [360, 140],
  [450, 280],
];

type Near = { at: number[]; lo: number[]; hi: number[] };

/** Exports a PNG by mouse and returns its RGB at the given document pixels, with the range of their 3×3 neighbourhoods. */
async function exportNear(app: AppHarness, pts: ReadonlyArray<readonly [number, number]>): Promise<Near[]> {
  const page = app.page;
  const out = join(app.tmp, `project-layers-${++exports}.png`);
  app.dialogs.saves.push(out);
  await exportPngByMouse(page);
  await page.locator('[data-testid="toast"][data-tone="success"]', { hasText: `project-layers-${exports}.png` }).waitFor();
  const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
  const rgb = (x: number, y: number) => [0, 1, 2].map((c) => data[(y * info.width + x) * info.channels + c]);
  return pts.map(([x, y]) => {
    const around = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => rgb(x + dx, y + dy)));
    return {
      at: rgb(x, y),
      lo: [0, 1, 2].map((c) => Math.min(...around.map((p) => p[c]))),
      hi: [0, 1, 2].map((c) => Math.max(...around.map((p) => p[c]))),
    };
  });
}

async function exportAt(app: AppHarness, pts: ReadonlyArray<readonly [number, number]>): Promise<number[][]> {
  return (await exportNear(app, pts)).map((n) => n.at);
}

/**
 * The screen resamples the picture at the view's scale (nearest or smoothed): a screen pixel matches
 * the export when it lies within the range of the export's 3×3 neighbourhood there (± `tol`).
 */
const shows = (screen: number[], n: Near, tol = 2) => screen.every((v, c) => v >= n.lo[c] - tol && v <= n.hi[c] + tol);

/** The layers as the document holds them (bottom first) with each layer mask's values. */
async function layerState(page: Page) {
  const rows = await layerList(page);
  return Promise.all(
    rows.map(async (l) => ({
      name: l.name,
      assetId: l.assetId,
      opacity: l.opacity ?? 1,
      hidden: l.hidden,
      mask: await layerMask(page, l.id),
    })),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-project-layers-'));
  openai = await startOpenAIServer();
  first = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a project with layer order, opacity, a hidden layer and a layer mask, across a restart', () => {
  let saved: Awaited<ReturnType<typeof layerState>>;
  let screen: number[][];
  let exported: number[][];
  let path: string;

  it('builds the layers by mouse and keys and saves with Ctrl+S', async () => {
    const page = await keepThreeBandLayers(first!);

    // Name them by typing (top of the stack is listed first), so the order can be read back by name.
    const rows = panel(page).locator('li[data-patch]');
    const typed = ['Charlie', 'Bravo', 'Alpha'];
    for (let i = 0; i < 3; i++) {
      await rows
        .nth(i)
        .getByRole('button', { name: /^Select layer / })
        .dblclick();
      const field = panel(page).getByRole('textbox', { name: /^New name for / });
      await field.press('Control+a');
      await field.pressSequentially(typed[i]);
      await field.press('Enter');
    }
    expect((await layerList(page)).map((l) => l.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);

    // Drag Charlie (top) to the bottom of the stack with the mouse.
    const handle = panel(page).getByRole('button', { name: 'Move layer Charlie' });
    const lowest = (await panel(page)
      .locator('li[data-patch]')
      .filter({ has: page.getByRole('button', { name: 'Select layer Alpha', exact: true }) })
      .boundingBox())!;
    const from = (await handle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, lowest.y + lowest.height - 2, { steps: 10 });
    await page.mouse.up();
    expect((await layerList(page)).map((l) => l.name)).toEqual(['Charlie', 'Alpha', 'Bravo']);
    expect((await summary(page)).label).toBe('Move layer');

    // Bravo (now on top) at 40 %, typed.
    await panel(page).getByRole('button', { name: 'Select layer Bravo' }).click();
    await retype(panel(page).getByRole('spinbutton', { name: 'Opacity of Bravo (%)' }), '40');
    await page.keyboard.press('Enter');
    expect((await summary(page)).label).toBe('Layer opacity 40 %');

    // Hide Charlie (now at the bottom).
    await panel(page).getByRole('button', { name: 'Hide layer Charlie' }).click();
    expect((await summary(page)).label).toBe('Hide layer Charlie');

    // Erase part of Bravo through its layer mask.
    await panel(page).getByRole('button', { name: 'Paint the layer mask of Bravo' }).click();
    expect((await summary(page)).tool).toBe('eraser');
    await dragPath(page, [
      [190, 150],
      [230, 150],
    ]);
    expect((await summary(page)).label).toBe('Eraser on layer mask');
    await page.getByRole('button', { name: 'Document mask', exact: true }).click();
    await leaveField(page, 'Layers');

    saved = await layerState(page);
    expect(saved.map((l) => [l.name, l.opacity, l.hidden])).toEqual([
      ['Charlie', 1, true],
      ['Alpha', 1, false],
      ['Bravo', 0.4, false],
    ]);
    const bMask = saved[2].mask!;
    expect(bMask).not.toBeNull();
    expect(bMask.some((v) => v === 0)).toBe(true); // erased somewhere
    expect(bMask.some((v) => v === 255)).toBe(true); // shown elsewhere
    expect(saved[0].mask).toBeNull();
    screen = await Promise.all(POINTS.map(([x, y]) => stagePixel(page, x, y)));
    const near = await exportNear(first!, POINTS);
    exported = near.map((n) => n.at);
    for (let i = 0; i < POINTS.length; i++)
      expect(shows(screen[i], near[i]), `${POINTS[i]}: ${screen[i]} vs ${JSON.stringify(near[i])}`).toBe(true);
    // The layer mask shows: where Bravo was erased the band is Alpha alone, elsewhere 40 % of Bravo over Alpha.
    expect(close(exported[0], exported[1], 3)).toBe(false);
    expect(close(exported[1], exported[2])).toBe(true);

    first!.dialogs.saves.push(join(dir, 'layers-work'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'layers-work.maskwork');
    await waitIdle(page);
    path = join(dir, 'layers-work.maskwork');
    expect((await summary(page)).unsaved).toBe(false);
    expect(first!.errors).toEqual([]);
    await first!.close();
    first = null;
  });

  it('a restarted app opens it with Ctrl+O: same order, visibility, opacity, layer mask pixels, canvas and export', async () => {
    second = await launchApp({ viewport: { width: 1600, height: 1000 } });
    const page = second.page;
    second.dialogs.opens.push(path);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    expect((await summary(page)).project?.name).toBe('layers-work.maskwork');

    const back = await layerState(page);
    expect(back).toEqual(saved);
    // The panel shows Charlie's eye closed and Bravo's opacity as they were.
    await expect.poll(() => panel(page).getByRole('button', { name: 'Show layer Charlie' }).count()).toBe(1);
    await panel(page).getByRole('button', { name: 'Select layer Bravo' }).click();
    expect(await panel(page).getByRole('spinbutton', { name: 'Opacity of Bravo (%)' }).inputValue()).toBe('40');
    await leaveField(page, 'Layers');

    for (let i = 0; i < POINTS.length; i++) expect(close(await stagePixel(page, POINTS[i][0], POINTS[i][1]), screen[i], 4)).toBe(true);
    const again = await exportAt(second, POINTS);
    for (let i = 0; i < POINTS.length; i++) expect(close(again[i], exported[i])).toBe(true);

    // The history came along: Ctrl+Z undoes the eraser stroke (Bravo has no layer mask again).
    await page.keyboard.press('Control+z');
    const undone = await layerState(page);
    expect(undone[2].name).toBe('Bravo');
    expect(undone[2].mask).toBeNull();
    expect(close((await exportAt(second, [[210, 150]]))[0], exported[1])).toBe(true);
    expect(second.errors).toEqual([]);
  });
});
