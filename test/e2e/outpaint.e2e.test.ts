/**
 * Outpainting in Chromium through the real handlers: open a 9:16 poster, extend it with the extend
 * tool (C; a handle drag and Esc leave no trace; 21:9 centred + Apply is one 'Extend canvas' step),
 * fill the extension with gpt-image-2 against the local OpenAI server (the requests it receives =
 * the count the panel showed, every one accepted under gpt-image-2's size rules) and with the local
 * engine, Keep, export (exact 21:9, the original's pixels untouched), undo twice back to the poster.
 * The prepared request, a second extension and cancel: outpaint-more.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import type { extendToAspect } from '../../shared/geometry';
import { exportPngByMouse } from '../support/real-input';
import type { AppHarness } from '../support/app-harness';
import { chooseModel, extendTo219, hooks, openPoster, runOutpaintAndKeep } from '../support/outpaint-app';
import { docToClient, summary, waitIdle } from '../support/page-helpers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { leaveField } from '../support/user-input';
import type { OpenAIServer } from '../servers';

let app: AppHarness;
let server: OpenAIServer;

beforeAll(async () => {
  ({ app, openai: server } = await launchOpenAIWithPhoto({}));
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** Waits until the view stops changing (the options bar of the new tool may re-wrap and re-fit it). */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const s = await summary(page);
        const now = JSON.stringify([s.scale, s.offset]);
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 100 },
    )
    .toBe(true);
}

/** Exports PNG and checks size, the original's pixels deep inside it, and a filled (opaque) new area. */
async function exportAndCheck(source: string, ext: ReturnType<typeof extendToAspect>, width: number, height: number) {
  const out = join(app.tmp, `export-${width}.png`);
  app.dialogs.saves.push(out);
  await exportPngByMouse(app.page);
  await waitIdle(app.page);
  expect(existsSync(out)).toBe(true);
  const meta = await sharp(out).metadata();
  expect([meta.width, meta.height]).toEqual([ext.canvas.width, ext.canvas.height]);
  const box = { w: Math.round(width / 4), h: Math.round(height / 4) };
  const at = { x: Math.round(width / 2 - box.w / 2), y: Math.round(height / 2 - box.h / 2) };
  const exported = await sharp(out)
    .removeAlpha()
    .extract({ left: ext.originalAt.x + at.x, top: ext.originalAt.y + at.y, width: box.w, height: box.h })
    .raw()
    .toBuffer();
  const original = await sharp(source).removeAlpha().extract({ left: at.x, top: at.y, width: box.w, height: box.h }).raw().toBuffer();
  expect(Buffer.compare(exported, original)).toBe(0);
  // The new area is filled: the far left and right columns are opaque.
  const { data, info } = await sharp(out).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  for (const x of [1, info.width - 2]) expect(data[(Math.floor(info.height / 2) * info.width + x) * 4 + 3]).toBe(255);
}

/** The band field's tooltip in the Generate panel's Outpaint section. */
const bandTip = () => app.page.getByRole('spinbutton', { name: 'Outpaint overlap band (px)' }).locator('xpath=..').getAttribute('title');

/** Pixels of the original's rect in the last export (`export-WIDTH.png`) that differ from the source. */
async function changedInOriginal(source: string, ext: ReturnType<typeof extendToAspect>, width: number, height: number) {
  const exported = await sharp(join(app.tmp, `export-${width}.png`))
    .removeAlpha()
    .extract({ left: ext.originalAt.x, top: ext.originalAt.y, width, height })
    .raw()
    .toBuffer();
  const original = await sharp(source).removeAlpha().raw().toBuffer();
  let changed = 0;
  let over1 = 0;
  let max = 0;
  for (let i = 0; i < width * height; i++) {
    let d = 0;
    for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(exported[i * 3 + k] - original[i * 3 + k]));
    if (d > 0) changed++;
    if (d > 1) over1++;
    max = Math.max(max, d);
  }
  return { changed, over1, max };
}

async function undoToPoster(width: number, height: number) {
  const page = app.page;
  await leaveField(page);
  await page.keyboard.press('Control+z');
  expect((await summary(page)).layers).toBe(0);
  expect((await summary(page)).canvas.width).toBeGreaterThan(width);
  await page.keyboard.press('Control+z');
  const s = await summary(page);
  expect(s.canvas).toEqual({ width, height });
  expect(s.original).toMatchObject({ x: 0, y: 0 });
  expect(s.layers).toBe(0);
  expect(await hooks(page, 'maskPixels')).toBe(0);
}

describe('outpainting', () => {
  it('a side drag previews with whole pixels; Esc drops it without a trace', async () => {
    const page = app.page;
    await openPoster(app, 'poster.png', 540, 960);
    await page.keyboard.press('c');
    await settled(page);
    const before = await summary(page);
    const from = await docToClient(page, 540, 480);
    const to = await docToClient(page, 640, 480);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    expect(await hooks(page, 'extendPreview')).toEqual({ canvas: { width: 640, height: 960 }, originalAt: { x: 0, y: 0 } });
    expect(await page.getByTestId('extend-side-right').inputValue()).toBe('100');
    await page.keyboard.press('Escape');
    expect(await hooks(page, 'extendPreview')).toBeNull();
    const after = await summary(page);
    expect(after.canvas).toEqual({ width: 540, height: 960 });
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    // Alt held while dragging: the opposite side moves as much, as Photoshop's crop tool resizes about the centre.
    const altFrom = await docToClient(page, 540, 480);
    const altTo = await docToClient(page, 600, 480);
    await page.keyboard.down('Alt');
    await page.mouse.move(altFrom.x, altFrom.y);
    await page.mouse.down();
    await page.mouse.move(altTo.x, altTo.y, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    expect(await hooks(page, 'extendPreview')).toEqual({ canvas: { width: 660, height: 960 }, originalAt: { x: 60, y: 0 } });
    expect(await page.getByTestId('extend-side-left').inputValue()).toBe('60');
    await page.keyboard.press('Escape');
    expect(await hooks(page, 'extendPreview')).toBeNull();
  });

  it('gpt-image-2: 21:9 in the requests the panel showed, all accepted; Keep, export, undo ×2', async () => {
    const page = app.page;
    const source = join(app.tmp, 'poster.png');
    const ext = await extendTo219(page, 540, 960);
    await chooseModel(page, 'gpt-image-2');
    expect(await bandTip()).toBe('How far the new area blends into the photo (px)');
    const est = await hooks(page, 'outpaintEstimate');
    const shown = page.getByTestId('outpaint-estimate');
    const text = await shown.innerText();
    expect(text).toMatch(/^\d+ requests? · ≈ \$\d+\.\d{3} \(GPT Image 2, medium\)$/);
    expect(Number(await shown.getAttribute('data-requests'))).toBe(est.requests);
    expect(text.startsWith(`${est.requests} request`)).toBe(true);
    // Main prepared the first tile's request while the panel was set up (outpaint:prepare): the job
    // sends it without scaling, pre-filling or encoding it again.
    await page.waitForFunction(
      (w) =>
        (window as any).__maskworkTest.outpaintPreparation()?.model === 'gpt-image-2' &&
        (window as any).__maskworkTest.outpaintPreparation()?.canvas.width === w,
      ext.canvas.width,
    );
    const base = server.requests.length;
    // The candidate on screen, sampled in both new sides (sent as pieces around the transparent middle).
    const left = { x: 4, y: Math.round(ext.canvas.height / 2) };
    const right = { x: ext.canvas.width - 5, y: Math.round(ext.canvas.height / 3) };
    let onScreen: number[][] = [];
    await runOutpaintAndKeep(page, async () => {
      onScreen = [await hooks(page, 'stagePixel', left.x, left.y), await hooks(page, 'stagePixel', right.x, right.y)];
      const steps: string[] = (await hooks(page, 'editTimings')).at(-1).spans.map((x: { name: string }) => x.name);
      expect(steps).toContain('main: tile #1 provider round trip');
      expect(steps.filter((n) => /^main: tile #1 (scale to request( \+ prefill)?|prefill|request encode)$/.test(n))).toEqual([]);
    });
    const sent = server.requests.slice(base);
    expect(sent).toHaveLength(est.requests);
    for (const r of sent) {
      expect(r.status, JSON.stringify(r.validation)).toBe(200);
      expect(r.path).toBe('/v1/images/edits');
      expect(r.fields.model).toBe('gpt-image-2');
    }
    const s = await summary(page);
    expect(s.historyLabels).toContain('Extend canvas');
    expect(s.label).toBe('Keep GPT Image 2 result');
    expect(await hooks(page, 'layerList')).toMatchObject([{ x: 0, y: 0, width: ext.canvas.width, height: ext.canvas.height }]);
    await exportAndCheck(source, ext, 540, 960);
    // What was on screen before Keep is what the file has in both new sides.
    const file = await sharp(join(app.tmp, 'export-540.png')).raw().toBuffer({ resolveWithObject: true });
    const inFile = ({ x, y }: { x: number; y: number }) =>
      [0, 1, 2].map((k) => file.data[(y * file.info.width + x) * file.info.channels + k]);
    for (const [i, p] of [left, right].entries())
      expect(
        Math.max(...inFile(p).map((v, k) => Math.abs(v - onScreen[i][k]))),
        `${p.x},${p.y} ${inFile(p)} vs ${onScreen[i]}`,
      ).toBeLessThanOrEqual(6);
    await undoToPoster(540, 960);
  });

  it('the local engine: one candidate, no network; Keep, export, undo ×2', async () => {
    const page = app.page;
    const source = await openPoster(app, 'poster-small.png', 180, 320);
    const ext = await extendTo219(page, 180, 320, 'enter');
    await chooseModel(page, 'local');
    // The offline engine fills the new area alone: the band's blend leaves the photo as it is.
    expect(await bandTip()).toBe(
      'How far the new area blends into the photo (px). The offline engine fills the new area alone and continues from the photo’s edge: the photo stays as it is',
    );
    expect(await hooks(page, 'outpaintEstimate')).toMatchObject({ requests: 1, usd: 0 });
    expect(await page.getByTestId('outpaint-estimate').innerText()).toMatch(/^1 candidate · \$0\.000 — free/);
    const base = server.requests.length;
    await runOutpaintAndKeep(page);
    expect(server.requests.length).toBe(base);
    expect((await summary(page)).label).toBe('Keep Offline fill result');
    await exportAndCheck(source, ext, 180, 320);
    // Every pixel of the original, the 32-px band along its edges included, is the photo's exactly:
    // the engine's patch covers the new area alone (its band's blend of the photo with itself rounded
    // by one; when the engine refilled the band, 14 359 of the 57 600 pixels changed, 11 278 by more
    // than one level, by up to 205).
    const inOriginal = await changedInOriginal(source, ext, 180, 320);
    expect(inOriginal.max, JSON.stringify(inOriginal)).toBe(0);
    await undoToPoster(180, 320);
  });

  it('no page errors or console errors along the way', () => {
    expect(app.errors).toEqual([]);
  });
});
