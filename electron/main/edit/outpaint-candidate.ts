/**
 * An outpaint candidate once its tiles are blended: what it costs, its patch built in the working
 * canvas, the part the renderer is sent ahead of the result, the PNG written, and the result record.
 */
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import type { OutpaintTile } from '../../../shared/geometry';
import { estimateCost, type ModelSpec } from '../../../shared/models';
import { patchInPlace } from '../../../shared/pixels/outpaint-masks';
import type { SpanRecorder } from '../../../shared/timing/spans';
import type { JobServices } from '../create-services';
import type { JobContext } from '../jobs/job-runner';
import type { SpendCounter } from '../services/spend-ledger';
import { encodePatchPng, sourceIccPath } from './colour-space';
import { patchPixels, type PatchShape } from './outpaint-patch-shape';
import type { OutpaintRequest } from './run-outpaint';

/**
 * What every tile's request costs, estimated at its request size (one candidate). With `cap`, the
 * job's worst case (every candidate's tiles) is held under the spend cap first, or refused before
 * any tile is sent (spend-gate.ts; the offline engine is free).
 */
export function outpaintCost(
  tiles: readonly OutpaintTile[],
  spec: ModelSpec,
  req: Pick<OutpaintRequest, 'quality' | 'n'>,
  cap?: SpendCounter,
): number {
  let cost = 0;
  for (const t of tiles)
    cost += estimateCost({
      modelId: spec,
      width: t.request.width,
      height: t.request.height,
      quality: req.quality,
      imageSize: t.request.imageSize,
    }).usd;
  cap?.reserve?.(cost * req.n);
  return cost;
}

export interface FinishedCandidate {
  c: number;
  /** The candidate's own working canvas, read no more: the patch is built in it. */
  working: Uint8Array;
  shape: PatchShape;
  /** The renderer's copy of the patch, allocated and faulted in while the model worked. */
  pixelsInto?: Uint8Array;
  patchReady: JobContext['patchReady'];
  spans: SpanRecorder;
  seed: number | undefined;
  cost: number;
  started: number;
  tiles: readonly OutpaintTile[];
}

/** Builds the candidate's patch, sends its pixels ahead, encodes and stores the PNG; returns the result. */
export async function finishCandidate(svc: JobServices, req: OutpaintRequest, f: FinishedCandidate): Promise<CandidateResult> {
  const { c, working, shape, spans } = f;
  const { width: W, height: H } = req.canvas;
  const patch = await spans.time('main: patch build', () => patchInPlace(working, shape.alpha, W, shape.hole));
  // The renderer gets the raw pixels of the part that shows ahead of the result, as an edit's (it
  // builds the bitmap while the PNG is encoded here) and in the result in place of the PNG: no PNG
  // decode between the last tile and the screen. Only the frame around the original's transparent
  // middle is sent.
  const pixels = patchPixels(patch, W, shape, f.pixelsInto);
  f.patchReady?.({ candidate: c, size: { width: W, height: H }, origin: { x: 0, y: 0 }, pixels, sentAt: spans.now() });
  const icc = await sourceIccPath(svc.store, req.layers[0].assetId);
  const png = await spans.time(
    'main: patch encode',
    () => encodePatchPng(patch, W, H, icc),
    (b) => b.length,
  );
  // Written to disk meanwhile: every read of the id waits for the write.
  const assetId = await spans.time('main: asset id', () => svc.store.putInBackground(png, 'patch'));
  return {
    index: c,
    model: req.model,
    assetId,
    pixels,
    opaque: shape.opaque ?? undefined,
    region: { x: 0, y: 0, width: W, height: H },
    requestSize: { width: f.tiles[0].request.width, height: f.tiles[0].request.height },
    costUsd: f.cost,
    seconds: (Date.now() - f.started) / 1000,
    tiles: f.tiles.length,
    ...(f.seed !== undefined ? { seed: f.seed + c } : {}),
    extension: { known: { ...req.original } },
    spans: [...spans.spans],
  };
}
