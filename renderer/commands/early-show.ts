/**
 * The first candidate of an edit on screen before the job's result (issue 16). Main sends each
 * candidate's pixels as soon as its patch is built and only then encodes the patch PNG (its asset id
 * is the PNG's content hash) and answers the job; the first of those bitmaps is drawn at its region
 * meanwhile, so the encode, the result's transport and staging are no longer between the keypress and
 * the pixels. It is a view, not a candidate: nothing can be kept, discarded or compared until the
 * result stages it (Keep waits for that: see `untilStaged`), and a job that fails or is cancelled takes
 * it away with nothing changed. The bitmap is a copy of the early patch's, owned here and closed a
 * frame after the job ends (the staged candidate draws the same pixels from the blob store by then).
 */
import type { Rect } from '../../shared/geometry/rect';
import type { BuiltPatch } from './candidate-assets';
import type { EditTracer } from './edit-trace';
import type { EditorStore } from './store/store';
import { afterNextFrame, jobStillShowing } from './job-view';

export interface EarlyView {
  jobId: string;
  candidate: number;
  /** The candidate's region on the canvas. */
  region: Rect;
  bmp: ImageBitmap;
  /** Where the bitmap sits inside the region (its alpha bounds; 0,0 for a whole patch). */
  at: { x: number; y: number };
}

let view: EarlyView | null = null;

/** The early candidate the canvas draws, or null. */
export function earlyView(): EarlyView | null {
  return view;
}

interface Deps {
  store: { getState(): EditorStore };
  trace: EditTracer;
  afterPaint?: () => Promise<void>;
  /** A bitmap of our own (default: a copy via createImageBitmap). */
  copy?: (bmp: ImageBitmap) => Promise<ImageBitmap>;
  /** Runs `fn` after the next frame (default: requestAnimationFrame + a task). */
  later?: (fn: () => void) => void;
}

export function createEarlyShow(deps: Deps) {
  /** The job whose first ready candidate is being copied or shown: later candidates are not copied. */
  let taken: string | null = null;
  const st = () => deps.store.getState();
  const copy = deps.copy ?? ((b: ImageBitmap) => createImageBitmap(b));
  const later = deps.later ?? afterNextFrame;
  // An outpaint's candidate too (its pixels come the same way); partial images are an edit's only.
  const current = (jobId: string) => jobStillShowing(st(), jobId, ['edit', 'outpaint']);
  return {
    /**
     * A candidate's bitmap is being built ahead of the result: the running edit's first candidate
     * (index 0, the one staging selects) is shown as soon as it is ready, when the edit still runs
     * on the open photo.
     */
    offer(jobId: string, candidate: number, region: Rect, built: Promise<BuiltPatch>): void {
      // Only the candidate staging will select (the job's first): the view never switches under the user.
      if (candidate !== 0 || !current(jobId)) return;
      void built
        .then(async (b) => {
          if (!current(jobId) || view || taken === jobId) return;
          taken = jobId;
          const bmp = await copy(b.bmp);
          if (!current(jobId) || view) {
            bmp.close();
            return;
          }
          const at = b.crop ? { x: b.crop.x, y: b.crop.y } : { x: 0, y: 0 };
          view = { jobId, candidate, region: { ...region }, bmp, at };
          st().patchJob(jobId, { early: { candidate, region: { ...region } } });
          const t = deps.trace.now();
          await (deps.afterPaint?.() ?? Promise.resolve());
          const painted = deps.trace.now();
          if (view?.jobId !== jobId) return;
          deps.trace.span('renderer: early paint', t, painted);
          deps.trace.firstShown(painted);
        })
        .catch(() => {}); // the result brings the candidate (and reports a bad one) anyway
    },
    /** The job ended (staged, failed or cancelled; the store's job is gone): the view goes after the next frame. */
    end(): void {
      const v = view;
      view = null;
      taken = null;
      if (v) later(() => v.bmp.close());
    },
  };
}

export type EarlyShow = ReturnType<typeof createEarlyShow>;

/**
 * Resolves when the running edit that shows an early candidate has ended (its candidates staged, or
 * it failed): Keep pressed while the pixels are on screen but not staged yet acts on what stages.
 */
export function untilStaged(store: { getState(): EditorStore; subscribe(fn: () => void): () => void }): Promise<void> {
  if (!store.getState().job?.early) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.subscribe(() => {
      if (store.getState().job?.early) return;
      off();
      resolve();
    });
  });
}
