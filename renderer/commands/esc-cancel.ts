/**
 * Esc while a job runs. A job on a cloud model has sent its request: cancelling it throws away what
 * is already paid for, and an Esc meant for something else (leaving the prompt box, closing a menu)
 * did exactly that. So Esc asks first — a second Esc within a few seconds cancels — while the
 * offline engine (free) and the Cancel button stop at once.
 */
import { modelOptions } from './current-estimate';
import { type EditorStore, useEditor } from './store/store';

/** How long the first Esc waits for the second. */
export const ESC_CONFIRM_MS = 3000;

let armed: { jobKey: string; at: number; toast?: number } | null = null;
let unwatch: (() => void) | null = null;
/** When a job ended (not cancelled) while its first Esc waited for the second. */
let endedUnderEsc: number | null = null;

/** Said when the second Esc comes just after the job it meant to cancel had finished. */
export const ENDED_BEFORE_SECOND_ESC =
  'The job finished before your second Esc, and its candidates are in the strip (its request was charged). Press Esc again to discard them.';

const keyOf = (job: NonNullable<EditorStore['job']>) => `${job.jobId ?? ''}:${job.startedAt}`;

/** Forgets the first Esc and takes its "press again" message away. */
function disarm(s: EditorStore): void {
  const toast = armed?.toast;
  armed = null;
  unwatch?.();
  unwatch = null;
  if (toast !== undefined) s.dismiss(toast);
}

/**
 * While a first Esc waits: the job ending (done, failed, cancelled by the button) or being cancelled
 * takes the "press again" message away — it stayed on screen over a job that was already over.
 */
function watchJobEnd(): void {
  unwatch?.();
  unwatch = useEditor.subscribe((st) => {
    if (!armed || (st.job && !st.job.cancelling && keyOf(st.job) === armed.jobKey)) return;
    if (!st.job?.cancelling) endedUnderEsc = performance.now();
    disarm(st);
  });
}

/**
 * Esc with no job running and candidates staged discards them all. Right after a job ended under a
 * first Esc, though, the second Esc was meant to cancel it: it threw the finished, paid candidates
 * away without a word. That press only says what happened (true); the next one discards.
 */
export function escAfterJobEnded(s: EditorStore, now = performance.now()): boolean {
  const ended = endedUnderEsc;
  endedUnderEsc = null;
  if (ended === null || now - ended > ESC_CONFIRM_MS) return false;
  s.notifyAboutStaged('info', ENDED_BEFORE_SECOND_ESC);
  return true;
}

/** True when this Esc should cancel the running job now; otherwise it has told the user how (and returns false). */
export function escCancels(s: EditorStore, now = performance.now()): boolean {
  const job = s.job;
  if (!job) return false;
  const free = modelOptions(s).find((o) => o.value === job.model)?.spec.provider === 'local';
  const jobKey = keyOf(job);
  const confirmed = armed && armed.jobKey === jobKey && now - armed.at <= ESC_CONFIRM_MS;
  // The "press again" message goes once answered or asked anew (it stayed over "Cancelled", and stacked).
  disarm(s);
  if (free || confirmed) return true;
  s.notify('info', `Press Esc again to cancel ${job.modelName}: its request is sent and is charged either way.`);
  armed = { jobKey, at: now, toast: useEditor.getState().toasts.at(-1)?.id };
  watchJobEnd();
  return false;
}
