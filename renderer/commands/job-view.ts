/**
 * What the two in-progress views of an edit (early-show.ts: the first candidate's pixels;
 * partial-show.ts: its streamed partial images) share: which job may still show one, and when a
 * bitmap that left the screen can be closed.
 */
import type { EditorStore } from './store/store';

/**
 * The running job `jobId` on the open photo, of one of `kinds`, before its
 * candidate's pixels are shown, not being cancelled; else null.
 */
export function jobStillShowing(s: EditorStore, jobId: string, kinds: readonly ('edit' | 'outpaint')[]) {
  const job = s.job;
  return job && job.jobId === jobId && kinds.includes(job.kind) && !job.early && !job.cancelling && s.doc?.id === job.docId ? job : null;
}

/** Runs `fn` after the next frame (a bitmap drawn in the current one stays valid until then). */
export function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 16);
}
