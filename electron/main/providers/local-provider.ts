/**
 * The built-in offline engine as a provider (`local`): the PatchMatch fill from shared/engine in
 * worker threads — candidates (candidate i uses seed + i) and independent parts of the mask run in
 * parallel, see local-parallel.ts. No key, no network.
 * Cancelling terminates the worker: no result, nothing left running.
 */
import type { Worker } from 'node:worker_threads';
import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { ProviderKind } from '../../../shared/models/model-types';
import type { ImageProvider, ProviderEditRequest, ProviderImage } from './provider-types';
import { startHeartbeat } from './progress-heartbeat';
import { builtWorker } from '../built-worker';
import { runFillParallel } from './local-parallel';
import { acquireEngineWorker, discardEngineWorker, releaseEngineWorker, warmEngineWorker, type WarmAnswer } from './local-worker-pool';

/** Expected fill time (ms) for the heartbeat: the slow end of the engine's measured speed. */
const MS_PER_MP = 1100;

function workerPath(): string {
  const found = builtWorker('local-worker.js');
  if (!found)
    throw new AppError({
      kind: 'internal',
      message: 'The offline engine is not built (out/main/local-worker.js is missing). Run `npm run build`.',
    });
  return found;
}

export interface LocalFillInput {
  width: number;
  height: number;
  rgba: Uint8Array;
  mask: Uint8Array;
  seed: number;
  /** Split the large levels over a second thread (local-worker.ts); same result either way. */
  lanes?: boolean;
}

/**
 * Runs one fill in an engine worker (a warm one when available, see local-worker-pool.ts);
 * rejects with a `cancelled` AppError when the signal aborts (the worker is terminated).
 * Progress moves at least every half second (a time-based heartbeat between the engine's reports;
 * `heartbeat: false` passes only the engine's own reports, as the bench measures them).
 */
export function runFillInWorker(
  input: LocalFillInput,
  signal: AbortSignal,
  onProgress?: (f: number) => void,
  onWorker?: (w: Worker) => void,
  opts: { heartbeat?: boolean } = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new AppError({ kind: 'cancelled', message: 'Cancelled.' }));
    const path = workerPath();
    const worker = acquireEngineWorker(path);
    onWorker?.(worker);
    const beat =
      onProgress && opts.heartbeat !== false
        ? startHeartbeat(onProgress, { expectedMs: ((input.width * input.height) / 1e6) * MS_PER_MP })
        : null;
    let settled = false;
    const finish = (fn: () => void, keep = false) => {
      if (settled) return;
      settled = true;
      beat?.stop();
      signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) releaseEngineWorker(worker, path, input.width * input.height);
      else discardEngineWorker(worker);
      fn();
    };
    const onAbort = () => finish(() => reject(new AppError({ kind: 'cancelled', message: 'Cancelled.' })));
    // (A worker taken while warming up first posts its `warmed`: not this fill's answer.)
    const onMessage = (m: { type: 'progress'; fraction: number } | { type: 'done'; rgba: Uint8Array } | { type: 'warmed' }) => {
      if (m.type === 'progress') beat ? beat.report(m.fraction) : onProgress?.(m.fraction);
      else if (m.type === 'done') finish(() => resolve(m.rgba), true);
    };
    const onError = (e: Error) =>
      finish(() => reject(new AppError({ kind: 'internal', message: `The offline engine failed: ${e.message}` }, { cause: e })));
    const onExit = (code: number) =>
      finish(() => reject(new AppError({ kind: 'internal', message: `The offline engine stopped unexpectedly (exit ${code}).` })));
    signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'fill', job: input });
  });
}

/**
 * Has a warm engine worker waiting for the next fill (`engine:warm`, asked by the app's UI while a
 * mask is painted with the offline engine chosen; see local-worker-pool.ts). `side`, `hole`: the
 * warm-up region (the bench's sweep; default engine-warmup.ts's).
 */
export function warmLocalEngine(side?: number, hole?: number): WarmAnswer {
  return warmEngineWorker(workerPath(), side, hole);
}

/**
 * A fresh seed for a request that names none (the seed field left blank): a new result each time.
 * Room is left under 2³¹ − 1 for the candidates' seed + i, so each can be typed back in.
 */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31 - 64);
}

/**
 * A job's request with the offline engine's seed decided once: the one asked for, or (a blank seed
 * field) a fresh random one for this job, so every request and tile of the job uses it. Candidate i
 * uses seed + i and is recorded with it, so it can be typed back in to repeat the result. Any other
 * provider's request is returned as it is.
 */
export function withJobSeed<R extends { seed?: number }>(request: R, provider: 'local'): R & { seed: number };
export function withJobSeed<R extends { seed?: number }>(request: R, provider: ProviderKind): R;
export function withJobSeed<R extends { seed?: number }>(request: R, provider: ProviderKind): R {
  return provider === 'local' && request.seed === undefined ? { ...request, seed: randomSeed() } : request;
}

/** `opts.seed`: the seed of a request that names none (default: a fresh random one per request). */
export function createLocalProvider(opts: { seed?: number } = {}): ImageProvider {
  return {
    kind: 'local',
    async edit(req: ProviderEditRequest, ctx): Promise<ProviderImage[]> {
      const { width, height } = req.size;
      const { data } = await sharp(req.image)
        .ensureAlpha()
        .resize(width, height, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const rgba = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const seed0 = req.seed ?? opts.seed ?? randomSeed();
      const results: ProviderImage[] = [];
      // Candidates and independent parts of the mask run in parallel worker threads.
      const outs = await runFillParallel({ width, height, rgba, mask: req.mask, seed: seed0 }, req.n, ctx.signal, ctx.onProgress);
      for (const out of outs) {
        const png = await sharp(out, { raw: { width, height, channels: 4 } })
          .png({ compressionLevel: 1 })
          .toBuffer();
        results.push({ bytes: new Uint8Array(png), mime: 'image/png' });
      }
      return results;
    },
  };
}
