/**
 * A streaming edit's partial images on the canvas (issue 16), not only as thumbnails in the strip:
 * the latest partial of the edit's first candidate is drawn over its region, scaled up from its
 * ≤ 512 px preview and cut out by the mask, so the change takes shape where it will land. An edit in
 * areas streams one request per area: each area's latest partial is drawn in its own place. It is a
 * view, like the early candidate (early-show.ts), which replaces it as soon as the candidate's pixels
 * arrive; it goes when the job ends, fails or is cancelled, with nothing changed. Partials that
 * arrive while the previous one is still being composed replace it (latest wins, none queue up).
 */
import type { Rect } from '../../shared/geometry/rect';
import type { EditorStore } from './store/store';
import { afterNextFrame, jobStillShowing } from './job-view';

export interface PartialView {
  jobId: string;
  region: Rect;
  /** The preview at the region's size, transparent outside the mask. */
  bmp: ImageBitmap;
  /** An edit in areas: the area it shows (each area's latest partial is shown in its place). */
  area?: number;
}

/** The partial images drawn: one, or one per area of an edit in areas (in area order). */
const views = new Map<number, PartialView>();
/** The key of an edit's one region (not in areas). */
const WHOLE = -1;

/** The partial image the canvas draws (the first, with areas), or null. */
export function partialView(): PartialView | null {
  return partialViews()[0] ?? null;
}

/** Every partial image the canvas draws: one per area of an edit in areas, else at most one. */
export function partialViews(): PartialView[] {
  return [...views.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

interface Deps {
  store: { getState(): EditorStore };
  /**
   * The preview bytes scaled to `region`'s size and cut out by the mask there (null: nothing to
   * show, e.g. the mask is gone).
   */
  compose: (bytes: Uint8Array, region: Rect) => Promise<ImageBitmap | null>;
  /** Runs `fn` after the next frame (default: requestAnimationFrame + a task). */
  later?: (fn: () => void) => void;
}

/** A region main may send: whole pixels, positive size, inside the job's canvas. */
function sane(r: Rect | undefined, canvas: { width: number; height: number }): r is Rect {
  return (
    !!r &&
    [r.x, r.y, r.width, r.height].every(Number.isInteger) &&
    r.x >= 0 &&
    r.y >= 0 &&
    r.width > 0 &&
    r.height > 0 &&
    r.x + r.width <= canvas.width &&
    r.y + r.height <= canvas.height
  );
}

export function createPartialShow(deps: Deps) {
  const st = () => deps.store.getState();
  const later = deps.later ?? afterNextFrame;
  const current = (jobId: string) => jobStillShowing(st(), jobId, ['edit']);
  let busy = false;
  /** Per area (or WHOLE): the latest partial waiting to be composed. */
  const waiting = new Map<number, { jobId: string; bytes: Uint8Array; region: Rect }>();
  const run = async () => {
    busy = true;
    while (waiting.size) {
      const [key, next] = waiting.entries().next().value!;
      waiting.delete(key);
      const bmp = current(next.jobId) ? await deps.compose(next.bytes, next.region).catch(() => null) : null;
      if (!bmp) continue;
      const job = current(next.jobId);
      if (!job) {
        bmp.close();
        continue;
      }
      const old = views.get(key);
      // Another job's views (areas of an edit that ended) go.
      for (const [k, v] of views)
        if (v.jobId !== next.jobId) {
          views.delete(k);
          later(() => v.bmp.close());
        }
      views.set(key, { jobId: next.jobId, region: { ...next.region }, bmp, ...(key === WHOLE ? {} : { area: key }) });
      st().patchJob(next.jobId, { partialShown: (job.partialShown ?? 0) + 1 });
      if (old) later(() => old.bmp.close());
    }
    busy = false;
  };
  return {
    /**
     * A partial preview of the running job: the first candidate's is shown, over its region; with
     * `area` (an edit in areas), over that area's region, beside the other areas' latest.
     */
    offer(jobId: string, candidate: number, bytes: Uint8Array, region: Rect | undefined, area?: number): void {
      const job = current(jobId);
      if (candidate !== 0 || !job || !sane(region, job.canvas)) return;
      const key = area === undefined ? WHOLE : area;
      if (!Number.isInteger(key) || key < WHOLE || key > 64) return;
      waiting.set(key, { jobId, bytes, region });
      if (!busy) void run();
    },
    /** The job ended or its candidate's pixels are on screen: the views go after the next frame. */
    end(): void {
      const gone = [...views.values()];
      views.clear();
      waiting.clear();
      if (gone.length)
        later(() => {
          for (const v of gone) v.bmp.close();
        });
    },
  };
}

export type PartialShow = ReturnType<typeof createPartialShow>;
