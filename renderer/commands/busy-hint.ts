/**
 * Generate (Ctrl/⌘ Enter) while a job already runs: nothing is queued, and the retoucher is told so,
 * with what stops the running job — in the words of what that key or button really does there. It
 * used to do nothing and say nothing. Said once while it shows: a burst of presses does not stack it.
 */
import { modelOptions } from './current-estimate';
import { runActive } from '../model/multi-plan';
import type { EditorStore } from './store/store';

/** What Generate says while a job runs (null when none runs). */
export function jobRunningHint(s: EditorStore): string | null {
  const job = s.job;
  if (job) {
    if (job.cancelling) return `${job.modelName} is being cancelled — wait a moment, then generate again.`;
    // Esc cancels the offline engine at once; a cloud model's job on the second Esc (esc-cancel.ts).
    const free = modelOptions(s).find((o) => o.value === job.model)?.spec.provider === 'local';
    return `A job is already running (${job.modelName}) — wait for it, or press Esc${free ? '' : ' twice'} to cancel it.`;
  }
  const run = s.multiRun;
  if (!run || !runActive(run.entries)) return null;
  // Esc does not stop these (with candidates staged it discards them): their own Cancel button does.
  const names = run.entries.filter((e) => e.state === 'starting' || e.state === 'running').map((e) => e.modelName);
  return run.lineage?.length
    ? `A refine is already running (${names.join(', ')}) — wait for it, or press Cancel refine.`
    : `Models are already working (${names.join(', ')}) — wait for them, or press Cancel all models.`;
}

/** Says `jobRunningHint` once while it shows; true when a job runs (Generate then does nothing else). */
export function sayJobRunning(s: EditorStore): boolean {
  const hint = jobRunningHint(s);
  if (!hint) return false;
  s.notify('info', hint); // the store shows the same words once
  return true;
}

/**
 * Enter / Shift+Enter while a job runs and the strip holds only candidates from before it (a Keep
 * undone, a strip left open, then Generate again): the key is the reflex for "keep what comes", and it
 * kept the earlier candidate at once while the new results then arrived on top of it. It keeps
 * nothing until the running work's candidates are in the strip, and says why; the Keep button,
 * clicked, still keeps the earlier candidate shown. Null when Enter keeps as usual — no job runs, the
 * running edit's first candidate is on screen (Keep waits for it), or the running work has staged some.
 */
export function keepWaitHint(s: EditorStore): string | null {
  if (!s.staging.items.length) return null;
  const job = s.job;
  const run = s.multiRun && runActive(s.multiRun.entries) ? s.multiRun : null;
  if ((!job || job.early) && !run) return null;
  const since = Math.min(job?.startedAt ?? Infinity, run?.startedAt ?? Infinity);
  if (s.staging.items.some((c) => c.createdAt >= since)) return null;
  const after = 'To keep the earlier candidate shown now, click Keep.';
  if (job) {
    const free = modelOptions(s).find((o) => o.value === job.model)?.spec.provider === 'local';
    return `${job.modelName} is still working: Enter keeps nothing until its candidates arrive (Esc${free ? '' : ' twice'} cancels it). ${after}`;
  }
  return `Models are still working: Enter keeps nothing until their candidates arrive (${run!.lineage?.length ? 'Cancel refine' : 'Cancel all models'} stops them). ${after}`;
}
