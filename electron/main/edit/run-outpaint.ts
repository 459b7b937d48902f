/**
 * Outpainting as one job: the shared planner's tiles run in order, each seeing everything generated
 * before it that it overlaps (known pixels in its request, the unknown part pre-filled; tiles that do
 * not overlap go to a cloud model at once), each result blended into a
 * canvas-sized working image over a feathered band. The candidate is one patch: the new area plus
 * the overlap band into the original. Cancelling between or during tiles leaves nothing behind.
 */
import { AppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { planOutpaint } from '../../../shared/geometry';
import type { JobServices } from '../create-services';
import type { JobFn } from '../jobs/job-runner';
import { resolveModel } from './resolve-model';
import { blendTile } from '../../../shared/pixels/outpaint-masks';
import { patchShape } from './outpaint-patch-shape';
import { type GenerateTile, type TileRequestBytes, tileStepFor, wireMaskOf } from './outpaint-tile-steps';
import { jobPixels } from './pixel-worker-client';
import { independentTiles, renderWorking, sameTiles, takePreparation, tileCut } from './outpaint-prepare';
import type { TileMasks, WorkingCanvas } from './outpaint-prepare';
import { tileWeight } from './tile-weight';
import { nextBodySent } from '../providers/body-sent';
import { withJobSeed } from '../providers/local-provider';
import { whileWaiting } from './while-waiting';
import { prefaultThenCopy } from './prefault';
import { afterCritical, holdCritical } from './critical-work';
import { cutAlong } from './tile-at-request';
import { tilesBeforeCanvas } from './tile-from-original';
import { inParallel } from './outpaint-budget';
import { runTiles } from './tile-schedule';
import { aheadCopy, chainedAtRequest, chainedFromAnswers, prepareChained, type ChainedAhead, type TileAnswer } from './chain-ahead';
import { ChainCopies, fillFromRequests } from './chain-copies';
import { tileWaits, type OutpaintTile } from '../../../shared/geometry';
import { PROGRESS_PREPARING } from '../jobs/progress-steps';
import { OutpaintProgress } from './outpaint-progress';
import { tileWaitNotices } from './outpaint-wait';
import { createSpanRecorder } from '../../../shared/timing/spans';
import { wallClock } from '../services/wall-clock';
import { finishCandidate, outpaintCost } from './outpaint-candidate';
import { outpaintModes } from './outpaint-modes';
import { jobCancelled as cancelled, settleable } from './settleable';

export type OutpaintRequest = RequestOf<'outpaint:start'>;

/**
 * `tileStep` picks how a tile gets its pixels (default: the offline engine for `local`, else the
 * model with the requested pre-fill); injected so the loop below never asks which provider it runs.
 * `receivedAt`: when main had the request (wall clock). Every tile's steps are timed (`main: tile #k …`,
 * the tile step's own spans inside) and go back with the candidates, like an edit's.
 */
export function outpaintJob(svc: JobServices, req: OutpaintRequest, tileStep = tileStepFor, receivedAt?: number): JobFn {
  return async ({ signal: jobSignal, progress, patchReady }) => {
    const started = Date.now();
    const spans = createSpanRecorder(wallClock);
    if (receivedAt !== undefined) spans.add('main: queued', receivedAt, spans.now());
    progress(PROGRESS_PREPARING, 'Preparing…', undefined, 'preparing');
    const model = await resolveModel(svc, req.model);
    // The offline engine's seed for the job (withJobSeed); candidate c uses seed + c, recorded with it.
    const seeded = withJobSeed(req, model.spec.provider);
    const seed = model.spec.provider === 'local' ? seeded.seed : undefined;
    const generate: GenerateTile = tileStep(model, seeded, svc, spans);
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
    const { width: W } = req.canvas;
    const cost = outpaintCost(plan.tiles, model.spec, req, svc.ledger); // every candidate's tiles held under the spend cap
    // The independent tiles' requests, prepared before Generate for exactly these inputs (outpaint-prepare.ts).
    const prepared = await takePreparation(svc.outpaintPrep, req, spans);
    const usable = prepared && sameTiles(prepared.tiles, plan.tiles) ? prepared : null;
    // A tile that waits for no earlier one has the same input for every candidate: its masks and request are made once (prepared or here).
    const independent = independentTiles(plan.tiles);
    const sharedMasks: (TileMasks | undefined)[] = plan.tiles.map((_, i) => usable?.ready[i]?.masks);
    const sharedRequests: (TileRequestBytes | undefined)[] = plan.tiles.map((_, i) => usable?.ready[i]?.request);
    // What is on for this request (outpaint-modes.ts); a cloud model's chained tiles get what does not depend
    // on the earlier answers made before any blend, once for every candidate — by the preparation, or while the first tiles are out.
    const { critical, yieldBg, fromRow, anyChained, parallelTiles, fromAnswers, fillsAhead } = outpaintModes(
      model.spec.provider === 'local',
      req,
      svc.env,
      independent,
    );
    const bodySent = () => (critical ? nextBodySent(CANVAS_FALLBACK_MS).then(afterCritical) : nextBodySent(CANVAS_FALLBACK_MS));
    const waits = tileWaits(plan.tiles);
    const dependents = plan.tiles.map((_, j) => waits.flatMap((w, k) => (w.includes(j) ? [k] : [])));
    let chainParts: Promise<(ChainedAhead | undefined)[]> | null = anyChained && usable?.chained ? Promise.resolve(usable.chained) : null;
    // Candidates run side by side when they fit the memory budget together (each has its own working canvas); one that fails stops the others.
    const siblings = new AbortController();
    const signal = AbortSignal.any([jobSignal, siblings.signal]);
    // One bar and one label for every candidate, whether they run one after the other or side by side.
    const board = new OutpaintProgress(plan.tiles.length, req.n);
    const waitingLabel = () => `${board.label()} · waiting for ${model.spec.name}`;
    let firstMade: () => void = () => {};
    const firstRequestMade = new Promise<void>((r) => (firstMade = r));
    // The patch's alpha and the part of it sent, the same for every candidate: made while the first request is out (or when needed).
    // The offline engine returns the photo's pixels in the band as they were, so its patch covers the
    // new area alone: over the band it only mixed the photo with itself, and for a photo in a profile
    // other than sRGB (the engine works in sRGB, the patch is converted back) it moved the band's
    // samples by a few levels (up to 4 on rocket.jpg, Adobe RGB, in every export format).
    const band = model.spec.provider === 'local' ? 0 : req.featherPx;
    const shape = whileWaiting(() => patchShape(req.canvas, original, band), bodySent());
    const runCandidate = async (c: number): Promise<CandidateResult> => {
      // Working canvas: current composite where known (original + kept patches), unknown elsewhere
      // (the tiles' unknown maps are views of it when they span whole rows). With the first tile's
      // request in hand, the tiles whose requests are made go out first and the canvas is rendered
      // while the model works (once a request's body has left, so it never holds up the upload): only their blends read it.
      const claimed = c === 0 ? usable?.claimWorking() : null;
      const pooled = jobPixels(svc.env, model.spec.provider !== 'local'); // answers and scales in pooled buffers (pixel-pool.ts)
      const sendAhead = (i: number) => !claimed && sharedRequests[i] !== undefined && sharedMasks[i] !== undefined;
      const sendFirst = sendAhead(0);
      const render = () => spans.time('main: working canvas', () => renderWorking(svc, req));
      // Or the first candidate's requests are made from the original and the canvas is rendered after them (tile-from-original.ts).
      const early =
        c === 0 && !claimed && !sendFirst && fromRow ? await tilesBeforeCanvas(svc, req, plan.tiles, independent, sharedRequests) : null;
      const canvasReady: Promise<WorkingCanvas> = claimed
        ? Promise.resolve(claimed)
        : sendFirst
          ? nextBodySent(CANVAS_FALLBACK_MS).then(render)
          : early
            ? bodySent().then(render)
            : render();
      // Awaited below (an error is thrown there); past it, and any critical stretch, an early tile's blend weight is worked out.
      const canvasSettled = canvasReady.catch(() => {}).then(afterCritical);
      let rendered: WorkingCanvas | undefined;
      void canvasReady.then(
        (c) => (rendered = c),
        () => {},
      );
      // Its new area's pages faulted in while the model works (not in the blends after it answers), then the renderer's
      // copy of the patch (the offline engine's workers have the cores meanwhile: its blends fault as they go).
      let pixelsInto: Uint8Array | undefined;
      if (model.spec.provider !== 'local' && svc.env.MASKWORK_PREFAULT !== '0')
        prefaultThenCopy(
          canvasReady,
          W,
          plan.tiles,
          () => shape().copyBytes,
          (copy) => (pixelsInto = copy),
          signal,
        );
      // Started before this canvas gets any blend (each blend waits for it to have read the canvas);
      // one that fails leaves the chained tiles to be made the usual way.
      if (anyChained)
        chainParts ??= canvasReady.then(
          (canvas) =>
            spans.time('main: chained tiles ahead', () => prepareChained(canvas, W, plan.tiles, req.featherPx, wireMaskOf(model), signal)),
          () => [],
        );
      const partsRead = chainParts?.catch(() => []) ?? Promise.resolve([]);
      // Per tile: its answer as later requests read it (null when it has none: it failed), its own
      // request made (its earlier tiles' blends wait for that), its blend done (later blends wait for it).
      const answered = plan.tiles.map(() => settleable<TileAnswer | null>());
      const requestMade = plan.tiles.map(() => settleable<void>());
      const blended = plan.tiles.map(() => settleable<void>());
      // Critical stretches this candidate opened (from an answer to its dependents' requests).
      const stretches: (() => void)[] = [];
      // Per tile: its request on its way to the model (made here or given).
      const sending = plan.tiles.map(() => settleable<void>());
      // Each chained tile's request starts as a copy of its ahead colour, made (its pages faulted in) once the requests of the tiles
      // it waits for are out — while the model works, not after the answers — so a long chain holds one or two such copies.
      const copies = new ChainCopies();
      // Per tile: its request as sent and its blend weight, once known (a chained tile's fill ahead reads them).
      const sent: (TileRequestBytes | undefined)[] = [];
      const weights: ((() => Uint8Array) | undefined)[] = [];
      // Per tile: its answer is in (decoded), as a fill ahead checks between its steps.
      const answeredNow: boolean[] = [];
      for (const [i, w] of waits.entries())
        if (!independent[i] && anyChained)
          void Promise.all(w.map((j) => sending[j].promise))
            .then(() => nextBodySent(CANVAS_FALLBACK_MS))
            .then(() => partsRead)
            .then(async (parts) => {
              // Pre-filled in the preparation: a copy of that (the same cost as one of the ahead colour).
              const prepared = fillsAhead ? usable?.filled[i] : undefined;
              const copy = prepared ? pooled.lease.copyOf(prepared.copy) : aheadCopy(parts[i], pooled.lease);
              const k = c * plan.tiles.length + i + 1;
              if (!copies.offer(i, copy, prepared?.refill)) return;
              if (prepared) {
                spans.add(`main: tile #${k} filled ahead (prepared)`, spans.now(), spans.now());
                return;
              }
              // Filled here only behind tiles that are chained themselves: behind the first tiles the fill (≈ 100 ms of this
              // thread, in steps) met the canvas's render and the first answer, and held it up more than it saved (docs/edit-time.md).
              if (!copy || !fillsAhead || !w.some((j) => !independent[j])) return;
              const start = spans.now();
              const refill = await fillFromRequests(
                parts[i]!,
                copy,
                w.map((j) => ({ tile: plan.tiles[j], request: sent[j] ?? sharedRequests[j], weight: weights[j] })),
                {
                  modelName: model.spec.name,
                  // Not waiting for the working canvas (rendered meanwhile): it only tints partial weights.
                  canvas: () => rendered?.working ?? null,
                  canvasWidth: W,
                  rect: plan.tiles[i].rect,
                  // Stopped once the copy is taken or an answer it stands in for is in: the request is
                  // then made the whole way (the fill is in steps; nothing is written after either).
                  stop: () => !copies.holds(i, copy) || signal.aborted || w.some((j) => answeredNow[j]),
                },
              );
              if (refill === undefined || !copies.holds(i, copy)) return;
              copies.filled(i, refill);
              spans.add(`main: tile #${k} fill ahead`, start, spans.now());
            })
            .catch(() => {}); // without its fill ahead the tile's request is pre-filled whole
      // One tile: its request from the working canvas under it, the model's answer, the blend.
      const runTile = (i: number, tile: OutpaintTile, tileSignal: AbortSignal) => {
        const making = independent[i] && !sharedRequests[i] && critical ? holdCritical() : undefined;
        return runOneTile(i, tile, tileSignal, making)
          .then(
            () => blended[i].resolve(),
            (e: unknown) => {
              blended[i].reject(e);
              throw e;
            },
          )
          .finally(() => {
            making?.();
            early?.[i].release();
            answered[i].resolve(null);
            sending[i].resolve();
            requestMade[i].resolve();
          });
      };
      const runOneTile = async (i: number, tile: OutpaintTile, tileSignal: AbortSignal, making?: () => void) => {
        if (tileSignal.aborted) throw cancelled();
        board.start(c, i);
        const phase = model.spec.provider === 'local' ? 'working' : 'waiting';
        progress(board.fraction(), phase === 'waiting' ? waitingLabel() : board.label(), undefined, phase);
        const r = tile.rect;
        const k = c * plan.tiles.length + i + 1;
        const tileStart = spans.now();
        const chainPart = independent[i] ? undefined : (await partsRead)[i];
        // A chained tile's request is made from its masks at the request size: its full-size ask is not needed.
        const masks = independent[i] ? sharedMasks[i] : chainPart && { ask: NONE, ...chainPart.masks };
        // Sent ahead of the canvas: the step reads only the tile's size and windows (see TileContext.request).
        const ahead = sendFirst && sendAhead(i) && masks ? { width: r.width, height: r.height, rgba: NONE, unknown: NONE, ...masks } : null;
        // The tile's active windows (where the ask mask and the blend can be non-zero), worked out once.
        const cutNow = async () => {
          const canvas = await canvasReady;
          // With its masks made already (prepared, or a chained tile's made ahead) only the crop is left.
          // A tile made here whose unknown part is the same in every row or column: at its request size from one row (tile-at-request.ts).
          const along = () => !masks && fromRow && independent[i] && cutAlong(canvas, W, tile, req.featherPx, original);
          const cut = () => along() || tileCut(canvas, W, tile, req.featherPx, masks);
          return spans.time(`main: tile #${k} ${masks ? 'crop' : 'crop + ask mask'}`, cut);
        };
        // A chained tile made ahead is made at its request size: from the earlier tiles' answers as
        // they came, or read from the canvas after their blends (only what those changed is scaled now). It is never cut out.
        const atRequest = chainPart
          ? { ...(await chainedPixels(i, k, waits[i], chainPart, r)), requestMask: chainPart.requestMask }
          : undefined;
        // A chained tile not made ahead is cut from the canvas once the tiles it waits for are blended
        // (they hold their blends back for its request only when it is made from their answers).
        if (!independent[i] && !chainPart) {
          requestMade[i].resolve();
          await Promise.all(waits[i].map((j) => blended[j].promise));
        }
        const cut = ahead || atRequest ? null : (early?.[i] ?? (await cutNow()));
        // The blend weight depends only on the unknown map: prepared, or worked out while the model works (tile-weight.ts).
        const weight = tileWeight({
          ...{ masks, cut, rect: r, canvasWidth: W, featherPx: req.featherPx, rendered: () => rendered },
          start: () => (model.spec.provider === 'local' ? Promise.resolve() : early ? canvasSettled : bodySent()),
        });
        weights[i] = weight;
        const pixels =
          ahead ??
          (atRequest
            ? { width: r.width, height: r.height, rgba: NONE, unknown: NONE, ...masks!, atRequest }
            : { width: r.width, height: r.height, ...cut! });
        const waiting = tileWaitNotices(model, board, progress, c, i);
        const generated = await generate(tile, pixels, {
          signal: tileSignal,
          onWait: waiting.onWait,
          candidate: c,
          tile: k,
          request: independent[i] ? sharedRequests[i] : undefined,
          onRequest: independent[i]
            ? (q) => {
                sharedRequests[i] = q;
                making?.();
                if (i === 0) firstMade();
              }
            : (q) => {
                sent[i] = q;
                requestMade[i].resolve();
              },
          onSend: () => sending[i].resolve(),
          pixels: pooled,
          ...(fromAnswers && dependents[i].length
            ? {
                onArrived: () => {
                  // From this answer's arrival to its dependents' requests, background work waits
                  // (page faulting, the earlier tiles' scales).
                  const release = holdCritical();
                  stretches.push(release);
                  void Promise.all(dependents[i].map((d) => requestMade[d].promise)).then(release, release);
                },
                onAnswer: (a) => {
                  answeredNow[i] = true; // a fill ahead standing in for it stops
                  answered[i].resolve({ ...a, rect: r, weight: weight() });
                },
                scaleAfter: Promise.all(dependents[i].map((d) => requestMade[d].promise)),
              }
            : {}),
          onProgress: (f) => {
            board.advance(c, i, f);
            progress(board.fraction(), board.label(), undefined, 'working');
          },
        }).finally(waiting.end);
        const { working, unknownMap } = await canvasReady;
        await partsRead; // the ahead parts have read this canvas before anything is blended into it
        // Blended in plan order where tiles overlap, and (background work) while no answer is being made into a request.
        await Promise.all([...waits[i].map((j) => blended[j].promise), yieldBg && afterCritical()]);
        const { ask, windows } = cut ?? masks!;
        await spans.time(`main: tile #${k} blend`, () => {
          const w = weight();
          if (independent[i]) sharedMasks[i] = { ask, windows, weight: w };
          blendTile(working, unknownMap, W, r, generated, w, windows, 0);
        });
        spans.add(`main: tile #${k}`, tileStart, spans.now());
      };
      /** A chained tile's pixels at its request size at its turn. */
      const chainedPixels = async (i: number, k: number, before: number[], part: ChainedAhead, r: OutpaintTile['rect']) => {
        const answers = fromAnswers ? await Promise.all(before.map((j) => answered[j].promise)) : [];
        const canvas = await canvasReady;
        const { copy, refill } = copies.take(i);
        if (fromAnswers && answers.every((a) => a !== null)) {
          const pixels = await spans.time(`main: tile #${k} from answers`, () =>
            chainedFromAnswers(part, canvas.working, W, r, answers as TileAnswer[], copy),
          );
          // Pre-filled ahead: only the band next to the answers is pre-filled again.
          return { pixels, refill: refill ?? undefined };
        }
        await Promise.all(before.map((j) => blended[j].promise));
        // Cut from the canvas: its pre-fill is made whole (the fill ahead was from the answers' stand-ins).
        return {
          pixels: await spans.time(`main: tile #${k} scale changed parts`, () => chainedAtRequest(part, canvas.working, W, r, copy)),
        };
      };
      // A cloud model's tiles that do not overlap run at once (the offline engine's use both cores
      // already); a chained one starts once the answers it is made of are in (or its blends, without them).
      try {
        // The pooled buffers are given back once every answer is decoded, scaled and blended (none if a tile failed).
        await pooled.lease.over(runTiles(plan.tiles, runTile, signal, parallelTiles, fromAnswers ? (d) => answered[d].promise : undefined));
      } finally {
        // A dependent that never ran (a failed or cancelled job) closes no stretch: the tiles' end does.
        for (const release of stretches) release();
      }
      if (signal.aborted) throw cancelled();
      // Side by side, the others may still be with the model: the label goes on naming them.
      const next = board.compositing(c);
      progress(next.fraction, next.label ?? waitingLabel(), undefined, next.label ? 'working' : 'waiting');
      // Built in the working canvas itself (this candidate's own, read no more).
      const { working } = await canvasReady;
      return finishCandidate(svc, req, {
        c,
        working,
        shape: shape(),
        pixelsInto,
        patchReady,
        spans,
        seed,
        cost,
        started,
        tiles: plan.tiles,
      });
    };
    if (!inParallel(svc, req, model.spec.provider)) {
      const out: CandidateResult[] = [];
      for (let c = 0; c < req.n; c++) out.push(await runCandidate(c));
      return out;
    }
    // The others start once the first candidate's first request is made: they send the same one.
    const stopOthers = (e: unknown) => {
      siblings.abort();
      throw e;
    };
    const first = runCandidate(0).catch(stopOthers);
    if (!sharedRequests[0]) await Promise.race([firstRequestMade, first]);
    const rest = Array.from({ length: req.n - 1 }, (_, i) => runCandidate(i + 1).catch(stopOthers));
    return Promise.all([first, ...rest]);
  };
}

/** The longest the working canvas waits for the first tile's request body to be sent before it is rendered anyway. */
const CANVAS_FALLBACK_MS = 500;
const NONE = new Uint8Array(0);
