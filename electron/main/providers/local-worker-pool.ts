/**
 * Warm engine workers. Each fill used to start a fresh worker thread, so every fill paid for a new
 * isolate, loading the engine bundle and — the larger part — V8 compiling the engine's hot loops
 * again while they ran slowly in the interpreter (0.5–0.8 CPU s per fill, measured: more than the
 * fill itself on small holes). A worker that finished a fill is kept here, idle and unref'd (it does
 * not keep the process alive), and the next fill reuses it with its compiled code.
 *
 * - At most {@link MAX_IDLE} idle workers; an idle worker is terminated after {@link IDLE_MS} — the
 *   last one left idle after {@link LAST_IDLE_MS} — and a worker that ran a large job
 *   (> {@link WARM_MAX_PIXELS}) is not kept (its heap may still hold the job's buffers until its next
 *   garbage collection).
 * - A cancelled or failed fill terminates its worker (cancel must stop the work at once), so only
 *   workers that finished cleanly are reused.
 * - `MASKWORK_ENGINE_WARM=0` turns reuse off (a fresh worker per fill, e.g. to measure cold fills).
 * - {@link warmEngineWorker}: asked by the app's UI before Generate (`engine:warm`), it starts a worker
 *   that runs a small warm-up fill (engine-warmup.ts) and then waits here like any idle worker — unless
 *   one is idle or warming already, a fill is running (it would compete for the cores), or reuse is
 *   off. A fill that comes while the warm-up runs takes that worker anyway: its job queues behind the
 *   warm-up (≤ ~0.15 s) and runs with whatever the warm-up compiled. An ask while a worker is idle
 *   restarts its idle time, so a retoucher who keeps painting keeps it warm. The CLI never asks.
 *   With a second core to use ({@link workerCount} > 1) the warm-up also starts and warms the worker's
 *   lane helper and then runs a fill whose finest level splits over both threads (local-worker.ts):
 *   ≈ 0.8 CPU s instead of ≈ 0.23 and ≈ 40 MB instead of ≈ 15, and the first fill after it costs
 *   37–48 % less CPU (bench/fill/warm-first.ts children, 3 alternating runs, load 11–12: building box
 *   0.97 → 0.61 CPU s, bokeh-nuthatch blob 0.84 → 0.43, chelsea box 0.39 → 0.21). An ask for an idle
 *   worker whose helper was trimmed starts the helper again (its own small warm-up only).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Worker threads a fill uses at most (the machine's cores, capped: the fill is memory-bound beyond that). */
export function workerCount(): number {
  const env = Number(process.env.MASKWORK_ENGINE_THREADS);
  if (Number.isFinite(env) && env >= 1) return Math.floor(env);
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Idle workers kept at most (the parallel fill uses at most 4). */
export const MAX_IDLE = 4;
/** An idle worker is terminated after this long… */
export const IDLE_MS = 60_000;
/**
 * …unless it is the last one idle: that one stays this long in all (without its lane helper: one
 * isolate, ≈ 40–70 MB after a dozen fills, measured), so a
 * retoucher who looks at a result for a few minutes before the next fill still gets a warm engine
 * (a fresh worker's first fill costs 2–5× the CPU of a warm one's, and the warm-up only recovers
 * part of it: engine-warmup.ts).
 */
export const LAST_IDLE_MS = 10 * 60_000;

let idleMs = IDLE_MS;
let lastIdleMs = LAST_IDLE_MS;

/** Tests: shorter idle times (restored with no arguments). */
export function setIdleTimesForTests(ms = IDLE_MS, lastMs = LAST_IDLE_MS): void {
  idleMs = ms;
  lastIdleMs = lastMs;
}
/** Jobs above this many pixels do not leave a warm worker behind. */
export const WARM_MAX_PIXELS = 4_000_000;

interface Idle {
  worker: Worker;
  path: string;
  timer: ReturnType<typeof setTimeout> | null;
  /** Running its warm-up fill (not yet idle); `detach` drops the warm-up's listeners. */
  warming: boolean;
  detach?: () => void;
}

const idle: Idle[] = [];
/** Workers running a fill (acquired and not yet handed back or discarded). */
let busy = 0;

function reuseEnabled(): boolean {
  return process.env.MASKWORK_ENGINE_WARM !== '0';
}

/** An engine worker for `path`: a warm idle one if there is one, else a new one. */
export function acquireEngineWorker(path: string): Worker {
  // A warmed worker first; else one still warming (the fill queues behind its warm-up); else a new one.
  let k = idle.findIndex((e) => e.path === path && !e.warming);
  if (k < 0) k = idle.findIndex((e) => e.path === path);
  const worker = k >= 0 ? takeIdle(k) : new Worker(path);
  busy++;
  return worker;
}

function takeIdle(k: number): Worker {
  const [e] = idle.splice(k, 1);
  if (e.timer) clearTimeout(e.timer);
  e.detach?.();
  e.worker.off('exit', dropOnExit);
  e.worker.ref();
  return e.worker;
}

function dropOnExit(this: Worker): void {
  const k = idle.findIndex((e) => e.worker === this);
  if (k >= 0) {
    const [e] = idle.splice(k, 1);
    if (e.timer) clearTimeout(e.timer);
    e.detach?.();
  }
}

/**
 * (Re)starts an idle worker's idle time: terminated after {@link IDLE_MS} unless taken — or, when it
 * is the only idle worker then, after {@link LAST_IDLE_MS} in all.
 */
function armIdle(e: Idle): void {
  if (e.timer) clearTimeout(e.timer);
  const end = (ms: number, last: boolean) => {
    e.timer = setTimeout(() => {
      const k = idle.indexOf(e);
      if (!last && k >= 0 && idle.length === 1 && lastIdleMs > idleMs) {
        // Kept for long: its lane helper (a second isolate) goes, its own compiled engine stays.
        e.worker.postMessage({ type: 'trim' });
        return end(lastIdleMs - idleMs, true);
      }
      if (k >= 0) idle.splice(k, 1);
      void e.worker.terminate();
    }, ms);
    e.timer.unref?.();
  };
  end(idleMs, false);
}

/** A worker whose fill was cancelled or failed: terminated, not kept. */
export function discardEngineWorker(worker: Worker): void {
  busy = Math.max(0, busy - 1);
  void worker.terminate();
}

/**
 * Hands back a worker whose fill finished cleanly. It is kept warm (idle, unref'd) unless reuse
 * is off, the job was large, or enough workers are idle already; otherwise it is terminated.
 */
export function releaseEngineWorker(worker: Worker, path: string, jobPixels: number): void {
  busy = Math.max(0, busy - 1);
  if (!reuseEnabled() || jobPixels > WARM_MAX_PIXELS || idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  worker.on('exit', dropOnExit);
  const e: Idle = { worker, path, timer: null, warming: false };
  armIdle(e);
  idle.push(e);
}

/** What an ask for a warm worker did. */
export type WarmAnswer =
  /** a worker was started and runs its warm-up fill */
  | 'started'
  /** one is warming already (nothing new) */
  | 'warming'
  /** one is idle and warm (its idle time restarts) */
  | 'warm'
  /** a fill is running: nothing is done */
  | 'busy'
  /** worker reuse is off (`MASKWORK_ENGINE_WARM=0`), or {@link MAX_IDLE} workers are idle */
  | 'off';

/**
 * Makes sure a warm engine worker for `path` will be waiting (see the header). `side`, `hole`: the
 * warm-up region's side in px and its hole's diameter ÷ side (default engine-warmup.ts's; the bench
 * sweeps them).
 */
export function warmEngineWorker(path: string, side?: number, hole?: number): WarmAnswer {
  if (!reuseEnabled()) return 'off';
  if (busy > 0) return 'busy';
  const have = idle.find((e) => e.path === path && !e.warming) ?? idle.find((e) => e.path === path);
  // With a core to spare, a fill of one hole splits its large levels over the worker's lane helper:
  // that warms up too (local-worker.ts), and an idle worker whose helper was trimmed starts it again.
  const lanes = workerCount() > 1;
  if (have) {
    if (have.warming) return 'warming';
    armIdle(have);
    if (lanes) have.worker.postMessage({ type: 'warm-lanes' });
    return 'warm';
  }
  if (idle.length >= MAX_IDLE) return 'off';
  const worker = new Worker(path);
  worker.unref();
  const e: Idle = { worker, path, timer: null, warming: true };
  const onMessage = (m: { type: string }) => {
    if (m.type !== 'warmed') return;
    e.detach?.();
    e.warming = false;
    if (idle.includes(e)) armIdle(e);
  };
  const onError = () => {
    const k = idle.indexOf(e);
    if (k >= 0) idle.splice(k, 1);
    e.detach?.();
    void worker.terminate();
  };
  e.detach = () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    e.detach = undefined;
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', dropOnExit);
  idle.push(e);
  worker.postMessage({ type: 'warm', side, hole, lanes });
  return 'started';
}

/** Idle workers, those of them still warming, and fills running (read-only: tests, the e2e hook, the bench). */
export function engineWorkerState(): { idle: number; warming: number; busy: number } {
  return { idle: idle.length, warming: idle.filter((e) => e.warming).length, busy };
}

/** Number of idle warm workers (tests). */
export function idleEngineWorkers(): number {
  return idle.length;
}

/** Terminates every idle worker (tests, shutdown). */
export async function closeIdleEngineWorkers(): Promise<void> {
  const all = idle.splice(0);
  for (const e of all) {
    if (e.timer) clearTimeout(e.timer);
    e.detach?.();
  }
  await Promise.all(all.map((e) => e.worker.terminate()));
}
