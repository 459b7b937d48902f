/**
 * Outpainting as one job: the shared planner's tiles run in order, each seeing everything generated
 * before it (known pixels in its request, the unknown part pre-filled), each result blended into a
 * canvas-sized working image over a feathered band. The candidate is one patch: the new area plus
 * the overlap band into the original. Cancelling between or during tiles leaves nothing behind.
 */
import { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { planOutpaint, type OutpaintTile } from '../../../shared/geometry';
import { estimateCost } from '../../../shared/models';
import { diffusionFill } from '../../../shared/engine';
import type { MainServices } from '../ipc/handlers';
import type { JobFn } from '../jobs/job-runner';
import { renderRegion, type Rect } from './region-pixels';
import { resolveModel, type ResolvedModel } from './resolve-model';
import { encodeRequest, scaleToRegion, sendCounted } from './run-edit';
import { outpaintAlpha, tileAskMask, tileBlendWeight } from './outpaint-masks';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { runFillInWorker } from '../providers/local-provider';
import { runFillParallel } from '../providers/local-parallel';

import { OUTPAINT_COMPOSITING, OUTPAINT_TILES, PROGRESS_PREPARING } from '../jobs/progress-steps';

export type OutpaintRequest = RequestOf<'outpaint:start'>;

export function outpaintJob(svc: MainServices, req: OutpaintRequest): JobFn {
  return async ({ signal, progress }) => {
    const started = Date.now();
    progress(PROGRESS_PREPARING, 'Preparing…', undefined, 'preparing');
    const model = await resolveModel(svc, req.model);
    const original = req.original;
    const plan = planOutpaint({
      canvas: req.canvas,
      original,
      model: model.spec,
      quality: req.quality,
      imageSize: req.imageSize,
      featherPx: req.featherPx,
    });
    if (!plan.ok) throw new AppError({ kind: 'invalid-request', message: plan.reason, rule: 'outpaint plan', model: req.model });
    if (!plan.tiles.length)
      throw new AppError({
        kind: 'invalid-request',
        message: 'The canvas is not larger than the original: extend it first.',
        rule: 'canvas',
      });
    const { width: W, height: H } = req.canvas;
    const out: CandidateResult[] = [];
    let cost = 0;
    for (const t of plan.tiles)
      cost += estimateCost({
        modelId: model.spec,
        width: t.request.width,
        height: t.request.height,
        quality: req.quality,
        imageSize: t.request.imageSize,
      }).usd;
    for (let c = 0; c < req.n; c++) {
      // Working canvas: current composite where known (original + kept patches), unknown elsewhere.
      const working = await renderRegion(svc.store, req.layers, { x: 0, y: 0, width: W, height: H });
      const known = new Uint8Array(W * H);
      for (let y = original.y; y < original.y + original.height; y++)
        known.fill(1, y * W + original.x, y * W + original.x + original.width);
      for (const [i, tile] of plan.tiles.entries()) {
        if (signal.aborted) throw cancelled();
        const base = (c * plan.tiles.length + i) / (req.n * plan.tiles.length);
        const span = 1 / (req.n * plan.tiles.length);
        const tileLabel = `Tile ${i + 1} of ${plan.tiles.length}${req.n > 1 ? `, candidate ${c + 1}` : ''}`;
        const phase = model.spec.provider === 'local' ? 'working' : 'waiting';
        progress(
          OUTPAINT_TILES.start + OUTPAINT_TILES.span * base,
          phase === 'waiting' ? `${tileLabel} · waiting for ${model.spec.name}` : tileLabel,
          undefined,
          phase,
        );
        await runTile(
          svc,
          tile,
          working,
          known,
          W,
          req,
          model,
          signal,
          (f) => progress(OUTPAINT_TILES.start + OUTPAINT_TILES.span * (base + span * f), tileLabel, undefined, 'working'),
          c,
        );
      }
      if (signal.aborted) throw cancelled();
      progress(OUTPAINT_COMPOSITING, 'Compositing', undefined, 'working');
      const alpha = outpaintAlpha(req.canvas, original, req.featherPx);
      const patch = new Uint8Array(W * H * 4);
      for (let i = 0; i < W * H; i++) {
        if (!alpha[i]) continue;
        patch.set(working.subarray(i * 4, i * 4 + 3), i * 4);
        patch[i * 4 + 3] = alpha[i];
      }
      const png = await encodePatchPng(patch, W, H, await sourceIccPath(svc.store, req.layers[0].assetId));
      const assetId = await svc.store.put(png, 'patch');
      out.push({
        index: c,
        model: req.model,
        assetId,
        patch: png,
        region: { x: 0, y: 0, width: W, height: H },
        requestSize: { width: plan.tiles[0].request.width, height: plan.tiles[0].request.height },
        costUsd: cost,
        seconds: (Date.now() - started) / 1000,
        tiles: plan.tiles.length,
      });
    }
    return out;
  };
}

async function runTile(
  svc: MainServices,
  tile: OutpaintTile,
  working: Uint8Array,
  known: Uint8Array,
  W: number,
  req: OutpaintRequest,
  model: ResolvedModel,
  signal: AbortSignal,
  onProgress: (f: number) => void,
  candidate: number,
): Promise<void> {
  const r: Rect = tile.rect;
  const n = r.width * r.height;
  const pixels = new Uint8Array(n * 4);
  const unknown = new Uint8Array(n);
  for (let y = 0; y < r.height; y++) {
    const src = ((r.y + y) * W + r.x) * 4;
    pixels.set(working.subarray(src, src + r.width * 4), y * r.width * 4);
    for (let x = 0; x < r.width; x++) unknown[y * r.width + x] = known[(r.y + y) * W + r.x + x] ? 0 : 1;
  }
  const ask = tileAskMask(unknown, r.width, r.height, req.featherPx);
  let generated: Uint8Array;
  if (model.spec.provider === 'local') {
    // Each extended side is an independent job: the sides fill in parallel worker threads.
    [generated] = await runFillParallel(
      { width: r.width, height: r.height, rgba: pixels, mask: ask, seed: (req.seed ?? 1) + candidate },
      1,
      signal,
      onProgress,
    );
  } else {
    // Models need content to start from: pre-fill the unknown part (smooth, or the offline engine).
    const prefilled =
      req.prefill === 'local'
        ? await runFillInWorker({ width: r.width, height: r.height, rgba: pixels, mask: unknown.map((v) => v * 255), seed: 1 }, signal)
        : (diffusionFill(
            { width: r.width, height: r.height, data: pixels },
            unknown.map((v) => v * 255),
          ).data as Uint8Array);
    const { requestImage, requestMask } = await encodeRequest(prefilled, ask, r, tile.request, false);
    const usd = estimateCost({
      modelId: model.spec,
      width: tile.request.width,
      height: tile.request.height,
      quality: req.quality,
      imageSize: tile.request.imageSize,
    }).usd;
    const images = await sendCounted(svc, model, usd, 1, () =>
      model.provider.edit(
        {
          model: model.wireModel,
          prompt:
            req.prompt || 'Extend the scene naturally beyond the edges; match perspective, lighting and texture; no borders or frames.',
          image: requestImage,
          mask: requestMask,
          size: { width: tile.request.width, height: tile.request.height },
          aspectRatio: tile.request.aspect,
          imageSize: tile.request.imageSize,
          n: 1,
          quality: req.quality,
          references: [],
        },
        { signal, onProgress },
      ),
    );
    if (!images.length)
      throw new AppError({ kind: 'server', message: `${model.spec.name} returned no image for a tile.`, model: req.model });
    generated = await scaleToRegion(images[0].bytes, r, model.spec.name, { width: tile.request.width, height: tile.request.height });
  }
  const w = tileBlendWeight(unknown, r.width, r.height, req.featherPx);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = y * r.width + x;
      const a = w[i];
      if (!a) continue;
      const q = ((r.y + y) * W + r.x + x) * 4;
      const t = a / 255;
      for (let k = 0; k < 3; k++) working[q + k] = Math.round(working[q + k] * (1 - t) + generated[i * 4 + k] * t);
      working[q + 3] = 255;
      known[(r.y + y) * W + r.x + x] = 1;
    }
  }
}

function cancelled(): AppError {
  return new AppError({ kind: 'cancelled', message: 'Cancelled. The document is unchanged.' });
}
