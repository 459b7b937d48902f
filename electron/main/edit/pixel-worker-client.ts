/**
 * Main's side of the pixel worker (pixel-worker.ts): one worker thread, started at its first job
 * and kept (unref'd while it has none, so it never keeps a CLI run alive). Not built (unit tests
 * before `npm run build`), turned off (`MASKWORK_PIXEL_WORKER=0`) or lost (it stopped, or failed to
 * start — e.g. a packaged app whose worker cannot load sharp): callers run the same pipelines in main
 * instead, the lost job included. A worker that failed with an error is not started again.
 */
import { Worker } from 'node:worker_threads';
import { builtWorker } from '../built-worker';
import type { PixelJob, PixelReply } from './pixel-worker-protocol';
import { type Leased, PixelLease } from './pixel-pool';

type Pending = { resolve: (r: { width: number; height: number }) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let missing = false;
let pathForTests: string | null = null;

/** The worker stopped or failed before it answered: the job is to be run in main instead. */
export class PixelWorkerLost extends Error {}

/** Tests: start the worker from `path` (null: the built one) and forget that one was missing or broken. */
export function setPixelWorkerPathForTests(path: string | null): void {
  pathForTests = path;
  missing = false;
}
let nextId = 1;
const pending = new Map<number, Pending>();
let jobsRun = 0;

/** Tests and the bench: jobs the worker has answered so far. */
export function pixelWorkerJobs(): number {
  return jobsRun;
}

/** Tests: whether the worker is running. */
export function pixelWorkerRunning(): boolean {
  return worker !== null;
}

/** Tests: jobs sent to the worker and not answered yet. */
export function pixelJobsPending(): number {
  return pending.size;
}

/** Whether jobs can go to the worker (`env`: the job's environment; MASKWORK_PIXEL_WORKER=0 turns it off). */
export function pixelWorkerOn(env?: Record<string, string | undefined>): boolean {
  if (env?.MASKWORK_PIXEL_WORKER === '0' || missing) return false;
  if (worker) return true;
  const path = pathForTests ?? builtWorker('pixel-worker.js');
  if (!path) {
    missing = true;
    return false;
  }
  const w = new Worker(path);
  w.on('message', (r: PixelReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    jobsRun++;
    if (!pending.size) w.unref();
    if (r.ok) p.resolve({ width: r.width, height: r.height });
    else p.reject(new Error(r.message));
  });
  const lost = (why: string) => {
    if (worker === w) worker = null; // the next job starts a new one
    for (const p of pending.values()) p.reject(new PixelWorkerLost(why));
    pending.clear();
  };
  w.on('error', (e) => {
    missing = true; // broken (not stopped): main does the work from now on
    lost(`the pixel worker failed: ${e.message}`);
  });
  w.on('exit', (code) => lost(`the pixel worker stopped (exit code ${code})`));
  w.unref();
  worker = w;
  return true;
}

/** A job's pooled buffers (pixel-pool.ts); `warm`: the worker started now (it loads sharp), so that it is warm by the first answer. */
export function jobPixels(env: Record<string, string | undefined> | undefined, warm: boolean): Leased {
  if (warm) pixelWorkerOn(env);
  return { lease: new PixelLease(), env };
}

/** Runs `job` in the worker ({@link pixelWorkerOn} must have said yes): the size of what it wrote into `job.into`. */
export function runPixelJob(job: Omit<PixelJob, 'id'>): Promise<{ width: number; height: number }> {
  const w = worker;
  if (!w) return Promise.reject(new Error('the pixel worker is not running'));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ ...job, id } satisfies PixelJob);
  });
}

/** Tests: stop the worker (the next job starts another). */
export async function stopPixelWorker(): Promise<void> {
  const w = worker;
  worker = null;
  missing = false;
  if (w) await w.terminate();
}
