/**
 * worker_threads entry for the offline engine (bundled to out/main/local-worker.js). Runs one fill
 * and posts progress; the parent cancels by terminating the worker, which frees it at once.
 *
 * With `lanes: true` the fill also starts a helper thread from this same file (`role: 'lane'`)
 * and runs the finest level's passes half here, half there (shared/engine/lanes.ts): the arrays
 * live on SharedArrayBuffers, the fill thread waits for the helper's half with Atomics.wait. The
 * helper is a child of this worker, so terminating the fill (cancel) stops it too.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { inpaint, runLaneTask, type FillLanes, type LaneState, type LaneTask } from '../../../shared/engine';

interface FillJob {
  role?: 'fill';
  width: number;
  height: number;
  rgba: Uint8Array;
  mask: Uint8Array;
  seed: number;
  /** Split the finest level over a helper thread (only when a core would otherwise idle). */
  lanes?: boolean;
}

interface LaneInit {
  role: 'lane';
  /** [0] = 0 while the helper works, 1 when done, 2 when it failed. */
  flag: Int32Array;
}

/** Longest wait for the helper's half of one pass before the fill gives up. */
const LANE_TIMEOUT_MS = 10 * 60_000;

function laneMain(init: LaneInit): void {
  let state: LaneState | null = null;
  parentPort!.on('message', (m: { type: 'share'; state: LaneState } | { type: 'run'; task: LaneTask }) => {
    if (m.type === 'share') {
      state = m.state;
      return;
    }
    let result = 1;
    try {
      if (!state) throw new Error('no state shared');
      runLaneTask(state, m.task, 1);
    } catch (e) {
      result = 2;
      parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
    Atomics.store(init.flag, 0, result);
    Atomics.notify(init.flag, 0);
  });
}

/** Lanes backed by one helper worker, created on first use. */
function helperLanes(): { lanes: FillLanes; stop: () => void; passes: () => number } {
  let helper: Worker | null = null;
  let passes = 0;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const start = () => {
    helper ??= new Worker(fileURLToPath(import.meta.url), { workerData: { role: 'lane', flag } satisfies LaneInit });
    return helper;
  };
  return {
    lanes: {
      share: (state) => start().postMessage({ type: 'share', state }),
      run: (task, local) => {
        Atomics.store(flag, 0, 0);
        start().postMessage({ type: 'run', task });
        local();
        if (Atomics.wait(flag, 0, 0, LANE_TIMEOUT_MS) === 'timed-out') throw new Error('the engine helper thread did not answer');
        if (Atomics.load(flag, 0) !== 1) throw new Error('the engine helper thread failed');
        passes++;
      },
    },
    stop: () => void helper?.terminate(),
    passes: () => passes,
  };
}

function fillMain(job: FillJob): void {
  let last = -1;
  let lastAt = 0;
  const helper = job.lanes ? helperLanes() : null;
  const out = inpaint({ width: job.width, height: job.height, data: job.rgba }, job.mask, {
    seed: job.seed,
    lanes: helper?.lanes,
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
  helper?.stop();
  const data = out.data instanceof Uint8Array ? out.data : new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  // lanePasses: passes the helper thread ran (0 without lanes or when the hole was too small to split).
  parentPort!.postMessage({ type: 'done', rgba: data, lanePasses: helper?.passes() ?? 0 }, [data.buffer as ArrayBuffer]);
}

const data = workerData as FillJob | LaneInit;
if (data.role === 'lane') laneMain(data);
else fillMain(data);
