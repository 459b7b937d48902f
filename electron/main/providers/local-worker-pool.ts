/**
 * Warm engine workers. Each fill used to start a fresh worker thread, so every fill paid for a new
 * isolate, loading the engine bundle and — the larger part — V8 compiling the engine's hot loops
 * again while they ran slowly in the interpreter (0.5–0.8 CPU s per fill, measured: more than the
 * fill itself on small holes). A worker that finished a fill is kept here, idle and unref'd (it does
 * not keep the process alive), and the next fill reuses it with its compiled code.
 *
 * - At most {@link MAX_IDLE} idle workers; an idle worker is terminated after {@link IDLE_MS}, and a
 *   worker that ran a large job (> {@link WARM_MAX_PIXELS}) is not kept (its heap may still hold the
 *   job's buffers until its next garbage collection).
 * - A cancelled or failed fill terminates its worker (cancel must stop the work at once), so only
 *   workers that finished cleanly are reused.
 * - `MASKWORK_ENGINE_WARM=0` turns reuse off (a fresh worker per fill, e.g. to measure cold fills).
 */
import { Worker } from 'node:worker_threads';

/** Idle workers kept at most (the parallel fill uses at most 4). */
export const MAX_IDLE = 4;
/** An idle worker is terminated after this long. */
export const IDLE_MS = 60_000;
/** Jobs above this many pixels do not leave a warm worker behind. */
export const WARM_MAX_PIXELS = 4_000_000;

interface Idle {
  worker: Worker;
  path: string;
  timer: ReturnType<typeof setTimeout>;
}

const idle: Idle[] = [];

function reuseEnabled(): boolean {
  return process.env.MASKWORK_ENGINE_WARM !== '0';
}

/** An engine worker for `path`: a warm idle one if there is one, else a new one. */
export function acquireEngineWorker(path: string): Worker {
  const k = idle.findIndex((e) => e.path === path);
  if (k >= 0) {
    const [e] = idle.splice(k, 1);
    clearTimeout(e.timer);
    e.worker.off('exit', dropOnExit);
    e.worker.ref();
    return e.worker;
  }
  return new Worker(path);
}

function dropOnExit(this: Worker): void {
  const k = idle.findIndex((e) => e.worker === this);
  if (k >= 0) {
    clearTimeout(idle[k].timer);
    idle.splice(k, 1);
  }
}

/**
 * Hands back a worker whose fill finished cleanly. It is kept warm (idle, unref'd) unless reuse
 * is off, the job was large, or enough workers are idle already; otherwise it is terminated.
 */
export function releaseEngineWorker(worker: Worker, path: string, jobPixels: number): void {
  if (!reuseEnabled() || jobPixels > WARM_MAX_PIXELS || idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  worker.on('exit', dropOnExit);
  const timer = setTimeout(() => {
    const k = idle.findIndex((e) => e.worker === worker);
    if (k >= 0) idle.splice(k, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref?.();
  idle.push({ worker, path, timer });
}

/** Number of idle warm workers (tests). */
export function idleEngineWorkers(): number {
  return idle.length;
}

/** Terminates every idle worker (tests, shutdown). */
export async function closeIdleEngineWorkers(): Promise<void> {
  const all = idle.splice(0);
  for (const e of all) clearTimeout(e.timer);
  await Promise.all(all.map((e) => e.worker.terminate()));
}
