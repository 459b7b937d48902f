/**
 * worker_threads entry for the offline engine (bundled to out/main/local-worker.js). Runs one fill
 * and posts progress; the parent cancels by terminating the worker, which frees it at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inpaint } from '../../../shared/engine';

interface FillJob {
  width: number;
  height: number;
  rgba: Uint8Array;
  mask: Uint8Array;
  seed: number;
}

const job = workerData as FillJob;
let last = -1;
let lastAt = 0;
const out = inpaint({ width: job.width, height: job.height, data: job.rgba }, job.mask, {
  seed: job.seed,
  // Posted on every 1 % or every 200 ms, whichever comes first, so the bar keeps moving on big fills.
  onProgress: (f) => {
    const now = Date.now();
    if (f - last >= 0.01 || f >= 1 || (f > last && now - lastAt >= 200)) {
      last = f;
      lastAt = now;
      parentPort!.postMessage({ type: 'progress', fraction: f });
    }
  },
});
const data = out.data instanceof Uint8Array ? out.data : new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
parentPort!.postMessage({ type: 'done', rgba: data }, [data.buffer as ArrayBuffer]);
