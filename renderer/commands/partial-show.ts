/**
 * A streaming edit's partial images on the canvas (issue 16), not only as thumbnails in the strip:
 * the latest partial of the edit's first candidate is drawn over its region, scaled up from its
 * ≤ 512 px preview and cut out by the mask, so the change takes shape where it will land. It is a
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
}

let view: PartialView | null = null;

/** The partial image the canvas draws, or null. */
export function partialView(): PartialView | null {
  return view;
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
  let waiting: { jobId: string; bytes: Uint8Array; region: Rect } | null = null;
  const run = async () => {
    busy = true;
    while (waiting) {
      const next = waiting;
      waiting = null;
      const bmp = current(next.jobId) ? await deps.compose(next.bytes, next.region).catch(() => null) : null;
      if (!bmp) continue;
      const job = current(next.jobId);
      if (!job) {
        bmp.close();
        continue;
      }
      const old = view;
      view = { jobId: next.jobId, region: { ...next.region }, bmp };
      st().patchJob(next.jobId, { partialShown: (job.partialShown ?? 0) + 1 });
      if (old) later(() => old.bmp.close());
    }
    busy = false;
  };
  return {
    /** A partial preview of the running job: the first candidate's is shown, over its region. */
    offer(jobId: string, candidate: number, bytes: Uint8Array, region: Rect | undefined): void {
      const job = current(jobId);
      if (candidate !== 0 || !job || !sane(region, job.canvas)) return;
      waiting = { jobId, bytes, region };
      if (!busy) void run();
    },
    /** The job ended or its candidate's pixels are on screen: the view goes after the next frame. */
    end(): void {
      const v = view;
      view = null;
      waiting = null;
      if (v) later(() => v.bmp.close());
    },
  };
}

export type PartialShow = ReturnType<typeof createPartialShow>;
