/**
 * Outpainting as one job: the shared planner's tiles run in order, each seeing everything generated
 * before it (known pixels in its request, the unknown part pre-filled), each result blended into a
 * canvas-sized working image over a feathered band. The candidate is one patch: the new area plus
 * the overlap band into the original. Cancelling between or during tiles leaves nothing behind.
 */
import { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { planOutpaint } from '../../../shared/geometry';
import { estimateCost } from '../../../shared/models';
import type { JobServices } from '../create-services';
import type { JobFn } from '../jobs/job-runner';
import { renderRegion } from './region-pixels';
import { resolveModel } from './resolve-model';
import {
  blendTile,
  outpaintAlpha,
  patchFromWorking,
  tileAskMask,
  tileBlendWeight,
  tileReach,
  tileView,
  unknownCanvas,
} from '../../../shared/pixels/outpaint-masks';
import { activeWindows } from '../../../shared/pixels/active-windows';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { type GenerateTile, tileStepFor } from './outpaint-tile-steps';

import { OUTPAINT_COMPOSITING, OUTPAINT_TILES, PROGRESS_PREPARING } from '../jobs/progress-steps';
import { createSpanRecorder } from '../../../shared/timing/spans';
import { wallClock } from '../services/wall-clock';

export type OutpaintRequest = RequestOf<'outpaint:start'>;

/**
 * `tileStep` picks how a tile gets its pixels (default: the offline engine for `local`, else the
 * model with the requested pre-fill); injected so the loop below never asks which provider it runs.
 * `receivedAt`: when main had the request (wall clock). Every tile's steps are timed (`main: tile #k …`,
 * the tile step's own spans inside) and go back with the candidates, like an edit's.
 */
export function outpaintJob(svc: JobServices, req: OutpaintRequest, tileStep = tileStepFor, receivedAt?: number): JobFn {
  return async ({ signal, progress }) => {
    const started = Date.now();
    const spans = createSpanRecorder(wallClock);
    if (receivedAt !== undefined) spans.add('main: queued', receivedAt, spans.now());
    progress(PROGRESS_PREPARING, 'Preparing…', undefined, 'preparing');
    const model = await resolveModel(svc, req.model);
    const generate: GenerateTile = tileStep(model, req, svc, spans);
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
      const working = await spans.time('main: working canvas', () =>
        renderRegion(svc.store, req.layers, { x: 0, y: 0, width: W, height: H }),
      );
      // 255 where nothing is known yet (the tiles' unknown maps are views of it when they span whole rows).
      const unknownMap = unknownCanvas(req.canvas, original);
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
        const r = tile.rect;
        const k = c * plan.tiles.length + i + 1;
        const tileStart = spans.now();
        // The tile's active windows (where the ask mask and the blend can be non-zero), worked out once.
        const { rgba, unknown, ask, windows } = await spans.time(`main: tile #${k} crop + ask mask`, () => {
          const crop = tileView(working, unknownMap, W, r);
          const windows = activeWindows(crop.unknown, r.width, r.height, tileReach(req.featherPx));
          return { ...crop, windows, ask: tileAskMask(crop.unknown, r.width, r.height, req.featherPx, windows) };
        });
        const generated = await generate(
          tile,
          { width: r.width, height: r.height, rgba, unknown, ask, windows },
          {
            signal,
            candidate: c,
            tile: k,
            onProgress: (f) => progress(OUTPAINT_TILES.start + OUTPAINT_TILES.span * (base + span * f), tileLabel, undefined, 'working'),
          },
        );
        await spans.time(`main: tile #${k} blend`, () =>
          blendTile(working, unknownMap, W, r, generated, tileBlendWeight(unknown, r.width, r.height, req.featherPx, windows), windows, 0),
        );
        spans.add(`main: tile #${k}`, tileStart, spans.now());
      }
      if (signal.aborted) throw cancelled();
      progress(OUTPAINT_COMPOSITING, 'Compositing', undefined, 'working');
      const patch = await spans.time('main: patch build', () =>
        patchFromWorking(working, outpaintAlpha(req.canvas, original, req.featherPx)),
      );
      const icc = await sourceIccPath(svc.store, req.layers[0].assetId);
      const png = await spans.time(
        'main: patch encode',
        () => encodePatchPng(patch, W, H, icc),
        (b) => b.length,
      );
      const assetId = await spans.time('main: asset write', () => svc.store.put(png, 'patch'));
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
        spans: [...spans.spans],
      });
    }
    return out;
  };
}

function cancelled(): AppError {
  return new AppError({ kind: 'cancelled', message: 'Cancelled. The document is unchanged.' });
}
