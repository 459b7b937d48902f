/**
 * Outpainting in Chromium through the real handlers: open a 9:16 poster, extend it with the extend
 * tool (C; a handle drag and Esc leave no trace; 21:9 centred + Apply is one 'Extend canvas' step),
 * fill the extension with gpt-image-2 against the local OpenAI server (the requests it receives =
 * the count the panel showed, every one accepted under gpt-image-2's size rules) and with the local
 * engine, Keep, export (exact 21:9, the original's pixels untouched), undo twice back to the poster;
 * and cancel mid-outpaint leaves the document as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { extendToAspect, planOutpaint } from '../../shared/geometry';
import { estimateCost } from '../../shared/models';
import { exportPngByMouse } from '../support/real-input';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { docToClient, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';
import { startOpenAIServer, type OpenAIServer } from '../servers';
import { formatUsd } from '../../shared/money';

let app: AppHarness;
let server: OpenAIServer;
const SOURCE = join(PHOTOS, 'sign-sports-centre.jpg');

beforeAll(async () => {
  server = await startOpenAIServer();
  app = await launchApp({
    env: { OPENAI_API_KEY: 'sk-e2e-test-key-0001', OPENAI_BASE_URL: server.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

const hooks = (page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as any).__maskworkTest[n as string](...(a as unknown[])), [name, args] as const);

/** Makes a W×H PNG poster from the test photo, opens it, and waits until it is the document. */
async function openPoster(name: string, width: number, height: number): Promise<string> {
  const path = join(app.tmp, name);
  await sharp(SOURCE).resize(width, height, { fit: 'cover' }).removeAlpha().png().toFile(path);
  app.dialogs.opens.push(path);
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name);
  await waitIdle(app.page);
  expect((await summary(app.page)).canvas).toEqual({ width, height });
  return path;
}

/** C, anchor centre, 21:9, Apply (button or Enter) → the canvas is 21:9 with the original centred; one 'Extend canvas' step. */
async function extendTo219(width: number, height: number, apply: 'button' | 'enter' = 'button') {
  const page = app.page;
  await leaveField(page);
  await page.keyboard.press('c');
  expect((await summary(page)).tool).toBe('extend');
  await page.getByRole('radio', { name: 'Anchor centre' }).click();
  await page.getByRole('button', { name: 'Aspect 21:9' }).click();
  const ext = extendToAspect({ width, height }, '21:9', 'centre');
  expect(await hooks(page, 'extendPreview')).toEqual({ canvas: ext.canvas, originalAt: ext.originalAt });
  if (apply === 'button') await page.getByRole('button', { name: 'Apply', exact: true }).click();
  else await page.keyboard.press('Enter');
  const s = await summary(page);
  expect(s.canvas).toEqual(ext.canvas);
  expect(Math.abs(s.canvas.width - (s.canvas.height * 21) / 9)).toBeLessThanOrEqual(1);
  expect(s.original).toMatchObject({ x: ext.originalAt.x, y: ext.originalAt.y, width, height });
  expect(s.label).toBe('Extend canvas');
  expect(await hooks(page, 'extendPreview')).toBeNull();
  // Fitted: the whole new canvas is visible.
  const stage = (await page.getByTestId('stage').boundingBox())!;
  expect(s.canvas.width * s.scale).toBeLessThanOrEqual(stage.width);
  expect(s.canvas.height * s.scale).toBeLessThanOrEqual(stage.height);
  expect(s.offset.x).toBeGreaterThanOrEqual(0);
  return ext;
}

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

async function chooseModel(model: string) {
  await chooseOption(app.page, app.page.getByRole('combobox', { name: 'Model', exact: true }), model);
  await app.page.waitForFunction(() => (window as any).__maskworkTest.outpaintEstimate()?.requests > 0);
}

/** Generate, then Keep; `staged` runs while the candidate is on screen, before Keep. */
async function runOutpaintAndKeep(staged?: () => Promise<void>, layersAfter = 1): Promise<void> {
  const page = app.page;
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.job() === null);
  const shown = await hooks(page, 'staging');
  const { canvas } = await summary(page);
  expect(shown.items[0].region).toEqual({ x: 0, y: 0, width: canvas.width, height: canvas.height });
  await staged?.();
  await page.getByRole('button', { name: 'Keep', exact: true }).click();
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layersAfter);
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
    await openPoster('poster.png', 540, 960);
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
    const ext = await extendTo219(540, 960);
    await chooseModel('gpt-image-2');
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
    await runOutpaintAndKeep(async () => {
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
    const source = await openPoster('poster-small.png', 180, 320);
    const ext = await extendTo219(180, 320, 'enter');
    await chooseModel('local');
    // The offline engine fills the new area alone: the band's blend leaves the photo as it is.
    expect(await bandTip()).toBe(
      'How far the new area blends into the photo (px). The offline engine fills the new area alone and continues from the photo’s edge: the photo stays as it is',
    );
    expect(await hooks(page, 'outpaintEstimate')).toMatchObject({ requests: 1, usd: 0 });
    expect(await page.getByTestId('outpaint-estimate').innerText()).toMatch(/^1 candidate · \$0\.000 — free/);
    const base = server.requests.length;
    await runOutpaintAndKeep();
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

  it('the extend tool proposal is prepared before Apply: Enter, then Ctrl+Enter at once, sends what was prepared', async () => {
    const page = app.page;
    await openPoster('poster-proposal.png', 540, 960);
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await leaveField(page);
    await page.keyboard.press('c');
    await page.getByRole('radio', { name: 'Anchor centre' }).click();
    await page.getByRole('button', { name: 'Aspect 21:9' }).click();
    const ext = extendToAspect({ width: 540, height: 960 }, '21:9', 'centre');
    // Before Apply: main was asked to prepare the canvas the proposal would make (a read-only probe).
    await page.waitForFunction(
      (w) =>
        (window as any).__maskworkTest.outpaintPreparation()?.model === 'gpt-image-2' &&
        (window as any).__maskworkTest.outpaintPreparation()?.canvas.width === w,
      ext.canvas.width,
    );
    expect((await summary(page)).canvas).toEqual({ width: 540, height: 960 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 60_000 });
    expect((await summary(page)).canvas).toEqual(ext.canvas);
    const steps: string[] = (await hooks(page, 'editTimings')).at(-1).spans.map((x: { name: string }) => x.name);
    expect(steps).toContain('main: tile #1 provider round trip');
    // The job took the preparation: it scaled, pre-filled and encoded nothing itself.
    expect(steps.filter((n) => /^main: tile #1 (scale to request( \+ prefill)?|prefill|request encode)$/.test(n))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 0);
  });

  it('a second extension around a kept one fills only the new area: the kept one is neither asked for, billed nor covered', async () => {
    const page = app.page;
    await openPoster('poster-twice.png', 180, 320);
    const first = await extendTo219(180, 320, 'enter');
    await chooseModel('gpt-image-2');
    await runOutpaintAndKeep();
    // 120 px more on the right, typed into the extend bar.
    await leaveField(page);
    await page.keyboard.press('c');
    await retype(page.getByRole('spinbutton', { name: 'Extend right (px)' }), '120');
    await page.keyboard.press('Enter');
    const s = await summary(page);
    expect(s.canvas).toEqual({ width: first.canvas.width + 120, height: first.canvas.height });
    expect(s.label).toBe('Extend canvas');
    await leaveField(page);
    await page.waitForFunction(() => (window as any).__maskworkTest.outpaintEstimate()?.requests > 0);
    const known = { x: 0, y: 0, ...first.canvas };
    const est = await hooks(page, 'outpaintEstimate');
    const plan = planOutpaint({ canvas: s.canvas, original: known, model: 'gpt-image-2', quality: 'medium', featherPx: 32 });
    if (!plan.ok) throw new Error(plan.reason);
    const usd = plan.tiles.reduce(
      (t, x) => t + estimateCost({ modelId: 'gpt-image-2', width: x.request.width, height: x.request.height, quality: 'medium' }).usd,
      0,
    );
    expect(est.usd).toBeCloseTo(usd, 6);
    const base = server.requests.length;
    await runOutpaintAndKeep(async () => {
      // The candidate is opaque only over the new strip and the band: it leaves the kept extension to the layer below.
      const staged = (await hooks(page, 'staging')).items[0];
      expect(staged.extension).toEqual({ known });
      // Its thumbnail shows the kept extension under it (the server filled it red), not an empty grey.
      const thumb = page.getByRole('button', { name: 'Candidate 1: GPT Image 2' }).locator('canvas');
      const at = (4 / s.canvas.width) * Number(await thumb.getAttribute('width'));
      const y = Number(await thumb.getAttribute('height')) / 2;
      const px = await thumb.evaluate((c: HTMLCanvasElement, p) => [...c.getContext('2d')!.getImageData(p.x, p.y, 1, 1).data], {
        x: Math.floor(at),
        y: Math.floor(y),
      });
      expect(px[0] > 200 && px[1] < 60 && px[2] < 60, `${px}`).toBe(true);
    }, 2);
    const sent = server.requests.slice(base);
    expect(sent).toHaveLength(plan.tiles.length);
    // What the model may change (alpha 0 in the OpenAI mask): the new strip and the band, nothing of
    // the kept extension — the leftmost editable pixel of every request lies within the band.
    for (const [i, r] of sent.entries()) {
      const tile = plan.tiles[i];
      const maskFile = r.files.find((f) => f.field === 'mask')!;
      const mask = await sharp(maskFile.data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      let leftmost = Number.POSITIVE_INFINITY;
      for (let y = 0; y < mask.info.height; y++)
        for (let x = 0; x < mask.info.width; x++)
          if (mask.data[(y * mask.info.width + x) * 4 + 3] === 0)
            leftmost = Math.min(leftmost, tile.rect.x + (x * tile.rect.width) / mask.info.width);
      expect(leftmost).toBeGreaterThanOrEqual(first.canvas.width - 2 * 32);
      expect(leftmost).toBeLessThan(s.canvas.width);
    }
    const layers = await hooks(page, 'layerList');
    expect(layers[1]).toMatchObject({ x: 0, y: 0, ...s.canvas, extension: { known } });
  });

  it('cancel mid-outpaint: the document is unchanged', async () => {
    const page = app.page;
    await openPoster('poster-cancel.png', 180, 320);
    await extendTo219(180, 320);
    await chooseModel('gpt-image-2');
    const before = await summary(page);
    server.script({ delayMs: 3000, times: 10 });
    const base = server.requests.length;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => !!(window as any).__maskworkTest.job()?.jobId);
    expect((await hooks(page, 'job')).kind).toBe('outpaint');
    await expect.poll(() => server.requests.length, { timeout: 15_000 }).toBeGreaterThan(base);
    // The job's Cancel and the extend bar's are told apart by name (the extend tool is still on).
    expect(await page.getByRole('button', { name: 'Cancel extension', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel job', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 15_000 });
    server.clearScript();
    const after = await summary(page);
    expect(after.historyLabels).toEqual(before.historyLabels);
    expect(after.label).toBe(before.label);
    expect(after.canvas).toEqual(before.canvas);
    expect(after.layers).toBe(0);
    expect((await hooks(page, 'staging')).items).toEqual([]);
    // The tile sent before the cancel is counted, and may be billed: said with the outcome, as the spend shows it.
    const spent = (await hooks(page, 'costs')).sessionUsd as number;
    expect(spent).toBeGreaterThan(0);
    expect(after.toasts.map((t: { message: string }) => t.message).join('\n')).toContain(
      `Cancelled — the document is unchanged. 1 request was sent and may be charged by OpenAI (≈ ${formatUsd(spent)}, counted in today's spend).`,
    );
    // Cancelling between tiles: no tile after the cancel reached the server.
    expect(server.requests.length - base).toBe(1);
  });

  it('no page errors or console errors along the way', () => {
    expect(app.errors).toEqual([]);
  });
});
