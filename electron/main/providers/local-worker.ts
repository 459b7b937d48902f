/**
 * worker_threads entry for the offline engine (bundled to out/main/local-worker.js). Runs the fills
 * it is sent (`{ type: 'fill', job }`, one at a time) and posts progress and the result; the parent
 * keeps a worker that finished warm for the next fill (local-worker-pool.ts) and cancels by
 * terminating it, which frees it at once.
 *
 * With `lanes: true` the fill also starts a helper thread from this same file (`role: 'lane'`)
 * and runs the large levels' passes and the finish's detail blur half here, half there (shared/engine/lanes.ts): the arrays
 * live on SharedArrayBuffers, the fill thread waits for the helper's half with Atomics.wait. The
 * helper is a child of this worker, so terminating the fill (cancel) stops it too.
 *
 * `{ type: 'trim' }` ends the helper thread (the pool keeps this worker idle for long).
 *
 * `{ type: 'warm' }` (asked before Generate, see engine-warmup.ts) runs a small synthetic fill so the
 * engine's hot loops are compiled before the first real one, and answers `{ type: 'warmed', ms }`.
 * With `lanes: true` (the machine has a core to spare) it also starts the helper thread, which runs
 * the same warm-up in its own isolate meanwhile, on the other core; `{ type: 'warm-lanes' }` does only
 * that, for a worker whose helper was trimmed. A cold helper made a fill's split passes wait on its
 * interpreted half: the first 8 dev blob/box fills after the bench's warm-up cost 1.13–1.15 CPU s/MP
 * with the helper cold vs 0.89–0.97 with it warmed (3 alternating fresh processes each, load 9–10).
 * A running helper is also used for split levels below the start threshold (see below).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { runWarmup, WARMUP_HOLE } from './engine-warmup';
import { HOLE_THRESHOLD, inpaint, runLaneTask, type FillLanes, type LaneState, type LaneTask } from '../../../shared/engine';

interface FillJob {
  width: number;
  height: number;
  rgba: Uint8Array;
  mask: Uint8Array;
  seed: number;
  /** Split the large levels over a helper thread (only when a core would otherwise idle). */
  lanes?: boolean;
}

interface LaneInit {
  role: 'lane';
  /** [0] = 0 while the helper works, 1 when done, 2 when it failed. */
  flag: Int32Array;
}

/** Longest wait for the helper's half of one pass before the fill gives up. */
const LANE_TIMEOUT_MS = 10 * 60_000;
/**
 * A fill starts the helper thread only when its finest level has at least this many target patches
 * (`MASKWORK_ENGINE_LANE_START` overrides it; 0 = always). Starting one costs a new isolate, loading
 * this bundle, and V8 compiling the engine's loops again while the helper's half runs cold. Measured
 * on the CLI's case (a 240×160 blob, region 480×400, ~32 k targets; fresh worker, 3 alternating runs,
 * load 6–7): with the helper 1.2–1.8 CPU s and 1.2–2.6 s wall, without 1.1–1.5 CPU s and 1.0–2.0 s
 * wall — the cold helper made the fill slower, not faster.
 * A helper that is already running (warm, from an earlier large fill of this worker) is used for
 * every split level (shared/engine/lanes.ts: ≥ 20 000 targets). Same bytes either way.
 * 50 000 (was 200 000, when only the finest level's search and vote were split): the bench's box and
 * larger blob holes (50–150 k targets) start it, and the app's warm worker keeps it for later fills.
 */
const LANE_START_TARGETS = 50_000;

function laneStartTargets(): number {
  const env = Number(process.env.MASKWORK_ENGINE_LANE_START);
  return Number.isFinite(env) && env >= 0 && process.env.MASKWORK_ENGINE_LANE_START !== '' ? env : LANE_START_TARGETS;
}

function laneMain(init: LaneInit): void {
  let state: LaneState | null = null;
  parentPort!.on(
    'message',
    (m: { type: 'share'; state: LaneState } | { type: 'release' } | { type: 'run'; task: LaneTask } | { type: 'warm' }) => {
      if (m.type === 'warm') {
        // The same warm-up fill as the fill thread's: it compiles the passes the helper's chunks run.
        try {
          runWarmup();
        } catch {
          // A helper whose warm-up failed is as good as a cold one.
        }
        parentPort!.postMessage({ type: 'warmed' });
        return;
      }
      if (m.type === 'share' || m.type === 'release') {
        state = m.type === 'share' ? m.state : null;
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
    },
  );
}

/** Lanes backed by one helper worker, created on first use and kept for the worker's later fills. */
function helperLanes(): {
  lanes: FillLanes;
  start: () => void;
  release: () => void;
  /**
   * Starts the helper thread, unless it runs, and has it run the warm-up fill (a fill's tasks queue
   * behind it); resolves when that is done (at once if the helper was running).
   */
  warm: () => Promise<void>;
  /** Ends the helper thread (a later split level starts a new one). */
  stop: () => void;
  passes: () => number;
  resetPasses: () => void;
} {
  let helper: Worker | null = null;
  let passes = 0;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const startAt = laneStartTargets();
  const start = () => {
    helper ??= new Worker(fileURLToPath(import.meta.url), { workerData: { role: 'lane', flag } satisfies LaneInit });
    return helper;
  };
  return {
    start,
    lanes: {
      accepts: (targets) => helper !== null || targets >= startAt,
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
    // The helper drops the finished fill's shared arrays (it stays up, warm, for the next fill).
    release: () => helper?.postMessage({ type: 'release' }),
    warm: () => {
      if (helper) return Promise.resolve();
      const h = start();
      return new Promise<void>((done) => {
        const onMessage = (m: { type: string }) => {
          if (m.type === 'warmed') off();
        };
        const off = () => {
          h.off('message', onMessage);
          h.off('exit', off);
          done();
        };
        h.on('message', onMessage);
        h.on('exit', off);
        h.postMessage({ type: 'warm' });
      });
    },
    stop: () => {
      void helper?.terminate();
      helper = null;
    },
    passes: () => passes,
    resetPasses: () => {
      passes = 0;
    },
  };
}

let helper: ReturnType<typeof helperLanes> | null = null;

/** The lane warm-up's side: its round hole (≈ 22.7 k pixels) is just above LANE_MIN_TARGETS, so its finest level splits. */
const SPLIT_WARMUP_SIDE = 200;

function fillMain(job: FillJob): void {
  let last = -1;
  let lastAt = 0;
  if (job.lanes) helper ??= helperLanes();
  const lanes = job.lanes ? helper : null;
  lanes?.resetPasses();
  // A fill whose finest level will start the helper starts it now (every hole pixel is a target of
  // that level), so its start-up overlaps the coarse levels instead of delaying the finest one.
  if (lanes && countHoles(job.mask) >= laneStartTargets()) lanes.start();
  let out: ReturnType<typeof inpaint>;
  try {
    out = inpaint({ width: job.width, height: job.height, data: job.rgba }, job.mask, {
      seed: job.seed,
      lanes: lanes?.lanes,
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
  } finally {
    lanes?.release();
  }
  const data = out.data instanceof Uint8Array ? out.data : new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  // lanePasses: passes the helper thread ran (0 without lanes or when the hole was too small to split).
  parentPort!.postMessage({ type: 'done', rgba: data, lanePasses: lanes?.passes() ?? 0 }, [data.buffer as ArrayBuffer]);
}

function countHoles(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] > HOLE_THRESHOLD) n++;
  return n;
}

const data = workerData as LaneInit | undefined;
if (data?.role === 'lane') laneMain(data);
else
  parentPort!.on(
    'message',
    (
      m:
        | { type: 'fill'; job: FillJob }
        | { type: 'warm'; side?: number; hole?: number; lanes?: boolean }
        | { type: 'trim' }
        | { type: 'warm-lanes' },
    ) => {
      if (m.type === 'fill') return fillMain(m.job);
      let lanesWarm: Promise<void> | undefined;
      if (m.type === 'warm-lanes' || (m.type === 'warm' && m.lanes)) {
        helper ??= helperLanes();
        lanesWarm = helper.warm();
        if (m.type === 'warm-lanes') return;
      }
      // Kept idle for long (local-worker-pool.ts): the helper thread's isolate (≈ 70–90 MB after a few
      // fills) goes; this thread's compiled engine, the part that makes the next fill warm, stays.
      if (m.type === 'trim') return helper?.stop();
      // The warm-up asked before Generate (local-worker-pool.ts): a small synthetic fill, then `warmed`.
      let ms = -1;
      try {
        ms = runWarmup(m.side, m.hole);
      } catch {
        // A warm-up that fails leaves a worker as good as a fresh one: it still says so, and stays usable.
      }
      // `warmed` once the helper's warm-up is done too (it runs on the other core meanwhile), and a
      // fill with split levels has run on both threads: the passes on shared arrays are compiled too.
      void (lanesWarm ?? Promise.resolve()).then(() => {
        if (lanesWarm !== undefined && helper)
          try {
            helper.resetPasses();
            ms += runWarmup(SPLIT_WARMUP_SIDE, WARMUP_HOLE, helper.lanes);
          } catch {
            // As above.
          } finally {
            helper.release();
          }
        // lanePasses: passes the helper ran in the warm-up (tests).
        parentPort!.postMessage({ type: 'warmed', ms, lanePasses: lanesWarm !== undefined ? (helper?.passes() ?? 0) : 0 });
      });
    },
  );
