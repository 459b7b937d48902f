/**
 * Splitting the large levels of one fill over two threads ("lanes").
 *
 * The finest levels dominate a fill's time (search, distance refresh and vote over every target
 * patch / hole pixel, then the finish's detail blur). Each of those passes is cut into
 * {@link LANE_CHUNKS} fixed chunks that read shared state and write disjoint slices:
 * - refresh: `dist[k]` for its targets (consecutive targets: row bands);
 * - search: `nnf[k]`, `dist[k]` for its targets, propagating only from neighbours in its own chunk,
 *   with its own random stream;
 * - vote: `voted[j]` for its hole pixels (sources are known pixels, which no chunk writes);
 * - blur (the finish's detail blur, σ ≥ 4): chunk 0 blurs the hole side, chunk 1 the known side
 *   (`blurSideBoxes`), each writing its own pixels of the task's `low`.
 * So the result is the same bytes whether the chunks run one after the other (no lanes: the
 * renderer, tests, one core) or at the same time on two threads (the host supplies a
 * {@link FillLanes} and the arrays live on SharedArrayBuffers).
 *
 * The engine stays free of threads: the host implements {@link FillLanes} (electron/main uses a
 * helper worker_thread and Atomics.wait) and calls {@link runLaneTask} for the other chunk.
 */
import { patchMatchPass, refreshDistances, SEARCH_TICK as SEARCH_UNIT } from './patchmatch';
import { levelRecord, type Level } from './pyramid';
import { mulberry32 } from './random';
import { gatherVote, VOTE_TICK as VOTE_UNIT } from './vote';
import type { Box } from './blur-box';
import { blurSideBoxes } from './box-cascade-blur';

/** Fixed number of chunks of a split pass (independent of how many threads run them). */
export const LANE_CHUNKS = 2;
/** Finest levels with fewer target patches than this are not split. */
export const LANE_MIN_TARGETS = 20_000;

/** Everything a chunk of a pass reads or writes. With lanes, every array is on a SharedArrayBuffer. */
export interface LaneState {
  width: number;
  height: number;
  /** Patch radius. */
  r: number;
  rowStep: number;
  /** Level.texture. */
  texture: boolean;
  pix: Float32Array;
  hole: Uint8Array;
  srcOk: Uint8Array;
  targets: Int32Array;
  targetId: Int32Array;
  depth: Float32Array;
  nnf: Int32Array;
  dist: Float32Array;
  weights: Float64Array;
  /** Hole pixel indices (vote order). */
  holes: Int32Array;
  /** 4 floats per entry of `holes`. */
  voted: Float32Array;
}

/** One split pass. */
export type LaneTask =
  | { kind: 'refresh' }
  | { kind: 'search'; reverse: boolean; searchRadius: number; seed: number }
  | { kind: 'vote'; winnerDepth: number; stride: number }
  /** `low`: 3 floats per pixel of `box` (on a SharedArrayBuffer with lanes). */
  | { kind: 'blur'; box: Box; sigma: number; low: Float32Array };

/** Host-provided second thread. */
export interface FillLanes {
  /**
   * Whether to run a level of `targets` target patches on the other thread (default yes). A host
   * whose thread is not started yet may decline small levels: the chunks then run here, one after
   * the other, with the same bytes, and nothing is shared.
   */
  accepts?(targets: number): boolean;
  /** Called once per split level, before any {@link run}: hand `state` to the other thread. */
  share(state: LaneState): void;
  /**
   * Runs `task` for chunk 1 on the other thread while calling `local()` (chunk 0, here), and
   * returns once both are done. Throws if the other thread failed.
   */
  run(task: LaneTask, local: () => void): void;
}

/** Half-open range `[from, to)` of chunk `c` of `n` items. */
export function chunkRange(n: number, c: number, chunks = LANE_CHUNKS): [number, number] {
  return [Math.floor((n * c) / chunks), Math.floor((n * (c + 1)) / chunks)];
}

/** A `Level`-shaped view of the state (what the pass functions take). */
function levelOf(s: LaneState): Level {
  return levelRecord(
    { width: s.width, height: s.height, pix: s.pix, hole: s.hole },
    s.srcOk,
    0,
    s.targets,
    s.targetId,
    s.rowStep,
    s.depth,
    s.texture,
  );
}

/**
 * Runs chunk `c` of `task` on `state`. `tick` (optional) is called by the search every 2048
 * targets and by the vote every 4096 pixels (progress and cancellation on the calling thread).
 */
export function runLaneTask(state: LaneState, task: LaneTask, c: number, tick: () => void = () => {}): void {
  if (task.kind === 'blur') {
    blurSideBoxes(state.pix, state.width, state.height, task.box, task.sigma, state.hole, c === 0 ? 0 : 1, task.low);
    return;
  }
  const level = levelOf(state);
  if (task.kind === 'vote') {
    const [from, to] = chunkRange(state.holes.length, c);
    gatherVote(
      level,
      state.r,
      state.nnf,
      state.weights,
      state.holes.subarray(from, to),
      state.voted.subarray(4 * from, 4 * to),
      task.winnerDepth,
      tick,
      task.stride,
    );
    return;
  }
  const [from, to] = chunkRange(state.targets.length, c);
  if (task.kind === 'refresh') refreshDistances(level, state.r, state.nnf, state.dist, from, to);
  else patchMatchPass(level, state.r, state.nnf, state.dist, mulberry32(task.seed + c), task.reverse, task.searchRadius, tick, from, to);
}

/** Copies a typed array onto a SharedArrayBuffer (same type and contents). */
export function toShared<T extends Float32Array | Float64Array | Int32Array | Uint8Array>(a: T): T {
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  (out as unknown as { set(x: ArrayLike<number>): void }).set(a);
  return out;
}

/** The finest level's passes, cut into chunks and run serially or on the host's lanes. */
export interface SplitPasses {
  state: LaneState;
  refresh(): void;
  /** `tick(units)`: progress in target patches; every target is counted exactly once. */
  search(reverse: boolean, searchRadius: number, seed: number, tick: (units: number) => void): void;
  /** `tick(units)`: progress in hole pixels; every hole pixel is counted exactly once. */
  vote(winnerDepth: number, stride: number, tick: (units: number) => void): void;
  /** The finish's box blur of both sides (`blurOwnSideBoxes`), one side per chunk. */
  blurSides(pix: Float32Array, w: number, h: number, box: Box, sigma: number, hole: Uint8Array): Float32Array;
}

/**
 * Sets up the split passes of `level`. With `hostLanes` (that accept the level), the level's arrays
 * are moved onto SharedArrayBuffers (the level object is updated to use them) and shared with the
 * other thread.
 * @param nnf - the level's field (copied when shared: use `state.nnf` afterwards)
 */
export function splitPasses(level: Level, r: number, nnf: Int32Array, holes: Int32Array, hostLanes?: FillLanes): SplitPasses {
  const n = level.targets.length;
  const lanes = hostLanes && (hostLanes.accepts?.(n) ?? true) ? hostLanes : undefined;
  const share = lanes ? toShared : <T>(a: T) => a;
  if (lanes) {
    level.pix = toShared(level.pix);
    level.hole = toShared(level.hole);
    level.srcOk = toShared(level.srcOk);
    level.targets = toShared(level.targets);
    level.targetId = toShared(level.targetId);
    level.depth = toShared(level.depth);
  }
  const state: LaneState = {
    width: level.width,
    height: level.height,
    r,
    rowStep: level.rowStep,
    texture: level.texture,
    pix: level.pix,
    hole: level.hole,
    srcOk: level.srcOk,
    targets: level.targets,
    targetId: level.targetId,
    depth: level.depth,
    nnf: share(nnf),
    dist: share(new Float32Array(n)),
    weights: share(new Float64Array(n)),
    holes: share(holes),
    voted: share(new Float32Array(holes.length * 4)),
  };
  lanes?.share(state);
  const run = (task: LaneTask, unit: number, total: number, tick: (units: number) => void) => {
    let counted = 0;
    const t = () => {
      counted += unit;
      tick(unit);
    };
    if (lanes) lanes.run(task, () => runLaneTask(state, task, 0, t));
    else for (let c = 0; c < LANE_CHUNKS; c++) runLaneTask(state, task, c, t);
    if (total > counted) tick(total - counted);
  };
  return {
    state,
    refresh: () => run({ kind: 'refresh' }, 0, 0, () => {}),
    search: (reverse, searchRadius, seed, tick) => run({ kind: 'search', reverse, searchRadius, seed }, SEARCH_UNIT, n, tick),
    vote: (winnerDepth, stride, tick) => run({ kind: 'vote', winnerDepth, stride }, VOTE_UNIT, holes.length, tick),
    blurSides: (pix, w, h, box, sigma, hole) => {
      // The finish works on the level's own arrays, which are the shared ones.
      if (pix !== state.pix || hole !== state.hole || w !== state.width || h !== state.height) throw new Error('blurSides: not this level');
      const low = share(new Float32Array((box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1) * 3));
      run({ kind: 'blur', box, sigma, low }, 0, 0, () => {});
      return low;
    },
  };
}
