/**
 * What the progress bar says, honestly: "Preparing…" while main plans and encodes (never "Queued
 * 0 %"); while a request that does not stream is out, the elapsed seconds and the usual time for
 * that model and size, with the bar filled by time (never past 95 %) instead of sitting at 8 %, and
 * "longer than usual" with a moving bar once the wait is far past it; otherwise the stage and the percentage.
 */
import { formatExpected } from '../../shared/models';
import type { JobState } from './job-state';

export interface ProgressDisplay {
  /** The stage in words. */
  label: string;
  /** Percentage and/or time ("8 s · usually 4–6 s", "42 % · 12 s"). */
  detail: string;
  /** Bar width, 0..100 (not rounded). */
  bar: number;
  /** A real percentage to announce, or null while it is not known (preparing, waiting). */
  percent: number | null;
  /** True while nothing measurable happens (the bar shows activity, not an amount). */
  indeterminate: boolean;
}

type JobView = Pick<JobState, 'jobId' | 'fraction' | 'stage' | 'phase' | 'expected' | 'startedAt' | 'cancelling'>;

/**
 * How long a job may prepare before the bar says "Preparing…" (ms). A prepared outpaint or a small
 * edit is through it in well under this: the word would only flash. The moving stripe shows from
 * the start either way, and longer preparation is named once it passes this.
 */
export const PREPARING_QUIET_MS = 300;

/** Seconds after which a wait is "longer than usual": twice the usual high, and at least 5 s past it. */
export const lateAfter = (high: number): number => Math.max(2 * high, high + 5);

/** Main's stage words in sentence case, as the rest of the UI ("done" → "Done", "cancelled" → "Cancelled"). */
export function sentenceCase(stage: string): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

export function progressDisplay(job: JobView, now: number): ProgressDisplay {
  const secs = Math.max(0, Math.floor((now - job.startedAt) / 1000));
  const pct = Math.round(job.fraction * 100);
  if (job.cancelling)
    return { label: sentenceCase(job.stage), detail: `${secs} s`, bar: job.fraction * 100, percent: null, indeterminate: true };
  if (job.jobId === null || job.phase === 'preparing') {
    const label = now - job.startedAt < PREPARING_QUIET_MS ? '' : 'Preparing…';
    return { label, detail: `${secs} s`, bar: 0, percent: null, indeterminate: true };
  }
  if (job.phase === 'waiting') {
    const e = job.expected;
    const elapsed = (now - job.startedAt) / 1000;
    if (e && elapsed > lateAfter(e.high)) {
      // Far past the usual time the bar would sit full for as long as the wait lasts (a usual 1–2 s
      // learned from quick requests, then a 30 s answer — found by hand): it says so and shows activity.
      return {
        label: sentenceCase(job.stage),
        detail: `${secs} s · longer than usual (${formatExpected(e)})`,
        bar: 0, // the moving stripe over the whole bar (under a 95 % fill it showed in the last 5 % only)
        percent: null,
        indeterminate: true,
      };
    }
    const byTime = e ? Math.min(95, (elapsed / e.high) * 100) : 0;
    return {
      label: sentenceCase(job.stage),
      detail: e ? `${secs} s · ${formatExpected(e)}` : `${secs} s`,
      bar: Math.max(job.fraction * 100, byTime),
      percent: null,
      indeterminate: !e,
    };
  }
  return { label: sentenceCase(job.stage), detail: `${pct}% · ${secs} s`, bar: job.fraction * 100, percent: pct, indeterminate: false };
}
