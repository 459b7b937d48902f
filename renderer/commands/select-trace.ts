/**
 * Where the time of one selection goes (object select, a refining stroke, select subject, the other
 * selection jobs), from the job's start to the frame that shows its result: the renderer's spans
 * (gathering the source, the transfer to the worker, committing the mask, the paint) and the
 * worker's (reading pixels, the engine, the full-resolution refinement), on one wall clock. The
 * last traces are kept for the benchmark's read-only probe (`selectTimings()`).
 */
import type { TimingSpan } from '../../shared/timing/spans';
import { wallClock } from './edit-trace';

export interface SelectTrace {
  label: string;
  t0: number;
  spans: TimingSpan[];
  shownAt: number | null;
}

const KEEP = 50;
const done: SelectTrace[] = [];

export function beginSelectTrace(label: string): SelectTrace {
  return { label, t0: wallClock(), spans: [], shownAt: null };
}

export function traceSpan(t: SelectTrace | null | undefined, name: string, start: number, end = wallClock(), bytes?: number): void {
  t?.spans.push(bytes === undefined ? { name, start, end } : { name, start, end, bytes });
}

/** The result is on screen: the trace is kept. */
export function endSelectTrace(t: SelectTrace): void {
  t.shownAt = wallClock();
  done.push(t);
  if (done.length > KEEP) done.shift();
}

/** The last traces, oldest first (copies). */
export function selectTraces(): SelectTrace[] {
  return done.map((t) => ({ ...t, spans: t.spans.map((s) => ({ ...s })) }));
}
