/**
 * Outpainting in Chromium, continued (outpaint.e2e.test.ts): the extend tool's proposal is prepared
 * in main before Apply and the job sends what was prepared; a second extension around a kept one
 * fills only the new area; cancel mid-outpaint leaves the document as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { extendToAspect, planOutpaint } from '../../shared/geometry';
import { estimateCost } from '../../shared/models';
import { formatUsd } from '../../shared/money';
import type { AppHarness } from '../support/app-harness';
import { chooseModel, extendTo219, hooks, openPoster, runOutpaintAndKeep } from '../support/outpaint-app';
import { summary } from '../support/page-helpers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { chooseOption, leaveField, retype } from '../support/user-input';
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

describe('outpainting: the prepared request, a second extension, cancel', () => {
  it('the extend tool proposal is prepared before Apply: Enter, then Ctrl+Enter at once, sends what was prepared', async () => {
    const page = app.page;
    await openPoster(app, 'poster-proposal.png', 540, 960);
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
    await openPoster(app, 'poster-twice.png', 180, 320);
    const first = await extendTo219(page, 180, 320, 'enter');
    await chooseModel(page, 'gpt-image-2');
    await runOutpaintAndKeep(page);
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
    await runOutpaintAndKeep(
      page,
      async () => {
        // The candidate is opaque only over the new strip and the band: it leaves the kept extension to the layer below.
        const staged = (await hooks(page, 'staging')).items[0];
        expect(staged.extension).toEqual({ known });
        // Its thumbnail shows the kept extension under it (the server filled it red), not an empty grey.
        const thumb = page.getByRole('button', { name: 'Candidate 1: GPT Image 2' }).locator('canvas');
        const at = (4 / s.canvas.width) * Number(await thumb.getAttribute('width'));
        const y = Number(await thumb.getAttribute('height')) / 2;
        // The thumbnail draws the layer under it once that layer's bitmap is there (a decode when it was
        // let go), after the strip has rendered: polled, not read once.
        const px = () =>
          thumb.evaluate((c: HTMLCanvasElement, p) => [...c.getContext('2d')!.getImageData(p.x, p.y, 1, 1).data], {
            x: Math.floor(at),
            y: Math.floor(y),
          });
        await expect.poll(px).toSatisfy(([r, g, b]: number[]) => r > 200 && g < 60 && b < 60);
      },
      2,
    );
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
    await openPoster(app, 'poster-cancel.png', 180, 320);
    await extendTo219(page, 180, 320);
    await chooseModel(page, 'gpt-image-2');
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
    // No page errors or console errors along the way (this file's share of outpaint.e2e's last test).
    expect(app.errors).toEqual([]);
  });
});
