/**
 * The offline engine on several cores: a fill is split into independent jobs that run in parallel
 * worker threads (at most one per core), then pasted back.
 *
 * Jobs: the mask's 8-connected components, each with the region the engine works in around it
 * (`fillRegionFor`), cut back so that it holds no other job's hole (the engine would otherwise copy
 * from the pixels the user wants gone); components that cannot be kept apart merge into one job. A
 * job is its region cropped out of the image, so its worker copies and sends only that. Outpainting a photo on both sides, or
 * removing several separate objects, gives one job per side / object. Candidates (seed + i) are
 * jobs too, so n candidates fill n cores. A job writes only its own hole pixels, so the result is
 * the same as one `inpaint` call per job and still 0 pixels change outside the mask. When there are
 * fewer jobs than cores (one hole, one candidate), each job also splits the large levels of its
 * fill over a helper thread (shared/engine/lanes.ts; same bytes as without).
 */
import { fillRegionFor, HOLE_THRESHOLD, type Rect } from '../../../shared/engine';
import { runFillInWorker, type LocalFillInput } from './local-provider';
import { workerCount } from './local-worker-pool';

export { workerCount };

/** One independent piece of a fill: a region of the image and the hole pixels inside it. */
export interface FillJob {
  rect: Rect;
  /** Hole pixels inside `rect` (for weighting progress). */
  holePixels: number;
}

/**
 * 8-connected components of the hole → their bounding boxes and sizes. Works on runs of hole
 * pixels per row joined by union–find (two runs touch when they overlap, diagonals included), so
 * a long extension (millions of hole pixels in a few thousand runs) is planned in milliseconds.
 */
function components(mask: Uint8Array, w: number, h: number, onRows?: (fraction: number) => void): { box: Rect; pixels: number }[] {
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  const runs: { y: number; x0: number; x1: number; id: number }[] = [];
  let prev: { x0: number; x1: number; id: number }[] = [];
  for (let y = 0; y < h; y++) {
    if (onRows && y % 256 === 0) onRows(y / h);
    const cur: { x0: number; x1: number; id: number }[] = [];
    const row = y * w;
    for (let x = 0; x < w; ) {
      if (mask[row + x] <= HOLE_THRESHOLD) {
        x++;
        continue;
      }
      const x0 = x;
      while (x < w && mask[row + x] > HOLE_THRESHOLD) x++;
      const run = { x0, x1: x - 1, id: parent.length };
      parent.push(run.id);
      for (const p of prev) {
        if (p.x0 > run.x1 + 1 || p.x1 < run.x0 - 1) continue;
        const a = find(p.id),
          b = find(run.id);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
      cur.push(run);
      runs.push({ y, ...run });
    }
    prev = cur;
  }
  const byRoot = new Map<number, { x0: number; y0: number; x1: number; y1: number; n: number }>();
  for (const r of runs) {
    const root = find(r.id);
    const c = byRoot.get(root);
    if (!c) byRoot.set(root, { x0: r.x0, y0: r.y, x1: r.x1, y1: r.y, n: r.x1 - r.x0 + 1 });
    else {
      c.x0 = Math.min(c.x0, r.x0);
      c.x1 = Math.max(c.x1, r.x1);
      c.y1 = r.y;
      c.n += r.x1 - r.x0 + 1;
    }
  }
  return [...byRoot.values()].map((c) => ({ box: { x: c.x0, y: c.y0, width: c.x1 - c.x0 + 1, height: c.y1 - c.y0 + 1 }, pixels: c.n }));
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x),
    y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
};

/**
 * `region` shrunk so that it no longer overlaps `other` (a box entirely to one side of `own`), or
 * null when `other` is not separable from `own` along an axis.
 */
function clipAway(region: Rect, own: Rect, other: Rect): Rect | null {
  if (!overlaps(region, other)) return region;
  const r = { ...region };
  if (other.x >= own.x + own.width) r.width = Math.min(r.width, other.x - r.x);
  else if (other.x + other.width <= own.x) {
    const x1 = r.x + r.width;
    r.x = Math.max(r.x, other.x + other.width);
    r.width = x1 - r.x;
  } else if (other.y >= own.y + own.height) r.height = Math.min(r.height, other.y - r.y);
  else if (other.y + other.height <= own.y) {
    const y1 = r.y + r.height;
    r.y = Math.max(r.y, other.y + other.height);
    r.height = y1 - r.y;
  } else return null;
  return r;
}

/**
 * Splits a fill into independent jobs (largest first). A job's rect is its components' fill region,
 * cut back where it would reach into another job's hole box (e.g. the two sides of an extension
 * each keep the whole original between them); jobs whose holes cannot be kept apart that way merge.
 * `onRows` gets the fraction of mask rows scanned (every 256 rows).
 */
export function planFillJobs(mask: Uint8Array, width: number, height: number, onRows?: (fraction: number) => void): FillJob[] {
  type Group = { box: Rect; holePixels: number };
  let groups: Group[] = components(mask, width, height, onRows).map((c) => ({ box: c.box, holePixels: c.pixels }));
  const rectOf = (g: Group, all: Group[]): Rect | null => {
    let r: Rect | null = fillRegionFor(g.box, width, height);
    for (const o of all) if (o !== g && r) r = clipAway(r, g.box, o.box);
    return r;
  };
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      const r = rectOf(groups[i], groups);
      for (let j = 0; j < groups.length; j++) {
        if (j === i) continue;
        if (r && !overlaps(r, groups[j].box)) continue;
        const a = groups[i],
          b = groups[j];
        groups = groups.filter((g) => g !== a && g !== b);
        groups.push({ box: union(a.box, b.box), holePixels: a.holePixels + b.holePixels });
        merged = true;
        break outer;
      }
    }
  }
  return groups.map((g) => ({ rect: rectOf(g, groups)!, holePixels: g.holePixels })).sort((a, b) => b.holePixels - a.holePixels);
}

function crop(src: Uint8Array, w: number, r: Rect, channels: number): Uint8Array {
  const out = new Uint8Array(r.width * r.height * channels);
  for (let y = 0; y < r.height; y++) {
    const s = ((r.y + y) * w + r.x) * channels;
    out.set(src.subarray(s, s + r.width * channels), y * r.width * channels);
  }
  return out;
}

/** Runs `tasks` with at most `limit` in flight; rejects (and stops starting new ones) on the first failure. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < tasks.length) {
      const k = next++;
      try {
        results[k] = await tasks[k]();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/**
 * Fills `input` (one or more candidates: seeds seed, seed + 1, …) using up to {@link workerCount}
 * worker threads. Resolves with one RGBA buffer per candidate; rejects with a `cancelled` AppError
 * when the signal aborts (all workers are terminated). `heartbeat: false`: only the engine's own
 * progress reports (no time-based creep between them; the bench measures real progress gaps).
 */
export async function runFillParallel(
  input: LocalFillInput,
  candidates: number,
  signal: AbortSignal,
  onProgress?: (f: number) => void,
  opts: { heartbeat?: boolean } = {},
): Promise<Uint8Array[]> {
  const { width: w, height: h, rgba, mask, seed } = input;
  // Planning a large mask takes a moment too: it reports its rows below the first 0.1 %.
  const jobs = planFillJobs(mask, w, h, (f) => onProgress?.(0.0008 * f));
  const outs = Array.from({ length: candidates }, () => rgba.slice());
  onProgress?.(0.0009);
  if (jobs.length === 0) {
    onProgress?.(1);
    return outs;
  }
  onProgress?.(0.001); // planned (a large fill's workers take a moment to start)
  const total = jobs.reduce((a, j) => a + j.holePixels, 0) * candidates;
  const done = new Float64Array(jobs.length * candidates);
  let reported = 0;
  const report = () => {
    let s = 0;
    for (let k = 0; k < done.length; k++) s += done[k] * jobs[k % jobs.length].holePixels;
    // Above the planning's 0.001, so that the jobs' first small steps (start-up, crop) show too.
    const f = 0.001 + 0.999 * Math.min(1, s / total);
    if (f > reported) {
      reported = f;
      onProgress?.(f);
    }
  };
  // One failure or a cancel stops the rest: the inner signal terminates the running workers.
  const inner = new AbortController();
  const forward = () => inner.abort();
  signal.addEventListener('abort', forward);
  const tasks = [];
  // A single job would leave cores idle: it splits its large levels over a second thread instead.
  const lanes = jobs.length * candidates < workerCount();
  for (let c = 0; c < candidates; c++) {
    for (const [j, job] of jobs.entries()) {
      const k = c * jobs.length + j;
      const r = job.rect;
      tasks.push(async () => {
        const part = await runFillInWorker(
          { width: r.width, height: r.height, rgba: crop(rgba, w, r, 4), mask: crop(mask, w, r, 1), seed: seed + c, lanes },
          inner.signal,
          (f) => {
            done[k] = f;
            report();
          },
          undefined,
          opts,
        );
        // Paste the job's hole pixels only.
        const out = outs[c];
        for (let y = 0; y < r.height; y++) {
          for (let x = 0; x < r.width; x++) {
            const i = (r.y + y) * w + r.x + x;
            if (mask[i] <= HOLE_THRESHOLD) continue;
            const s = (y * r.width + x) * 4;
            out[i * 4] = part[s];
            out[i * 4 + 1] = part[s + 1];
            out[i * 4 + 2] = part[s + 2];
            out[i * 4 + 3] = part[s + 3];
          }
        }
        done[k] = 1;
        report();
      });
    }
  }
  try {
    await pool(tasks, workerCount());
  } catch (e) {
    inner.abort();
    throw e;
  } finally {
    signal.removeEventListener('abort', forward);
  }
  onProgress?.(1);
  return outs;
}
