/**
 * What the two in-progress views of an edit (early-show.ts: the first candidate's pixels;
 * partial-show.ts: its streamed partial images) share: which job may still show one, and when a
 * bitmap that left the screen can be closed.
 */
import type { EditorStore } from './store/store';

/** The running edit or outpaint `jobId` on the open photo, before its candidate's pixels are shown, not being cancelled; else null. */
export function editStillShowing(s: EditorStore, jobId: string) {
  const job = s.job;
  return job &&
    job.jobId === jobId &&
    (job.kind === 'edit' || job.kind === 'outpaint') &&
    !job.early &&
    !job.cancelling &&
    s.doc?.id === job.docId
    ? job
    : null;
}

/** Runs `fn` after the next frame (a bitmap drawn in the current one stays valid until then). */
export function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 16);
}
