/**
 * Where the time of one edit goes, from the keypress (Ctrl/⌘+Enter or Generate) to the candidate
 * on screen: the renderer's own spans, main's spans (they come back with the candidates) and the
 * transport between them, on one wall clock. The last traces are kept for the benchmark's read-only
 * probe; with "Log edit timings" on (Settings) each finished edit is printed to the console.
 */
import { formatSpans, type TimingSpan } from '../../shared/timing/spans';
import type { CandidateResult } from '../../shared/ipc/contract-types';

/** Epoch ms with sub-ms resolution: the same clock main's spans use. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

export interface EditTrace {
  /** The keypress (generate() called), wall clock ms. */
  t0: number;
  jobId: string | null;
  spans: TimingSpan[];
  /** The frame that shows the first candidate's pixels was painted (null until then). */
  shownAt: number | null;
  candidates: number;
}

/** What the job client reports to; the app's is below, tests pass their own or none. */
export interface EditTracer {
  begin(): void;
  now(): number;
  span(name: string, start: number, end: number, bytes?: number): void;
  job(jobId: string): void;
  /** Main's spans (merged: every candidate carries the job's spans up to it). */
  main(spans: readonly TimingSpan[]): void;
  /** The candidate's pixels are on screen ahead of its result (renderer/commands/early-show.ts): the trace's end time, kept open. */
  firstShown(at: number): void;
  /** The candidate is staged and on screen (at `at`, default now, unless `firstShown` came first): closes the trace. */
  shown(candidates: number, at?: number): void;
  /** The edit ended without a candidate (failed, cancelled): the trace is dropped. */
  drop(): void;
}

const KEEP = 50;
const LOG_KEY = 'maskwork.logEditTimings';

export function createEditTracer(clock: () => number = wallClock, log: (trace: EditTrace) => void = () => {}) {
  let current: EditTrace | null = null;
  const done: EditTrace[] = [];
  let shownTotal = 0;
  const tracer: EditTracer & { traces(): readonly EditTrace[]; shownCount(): number } = {
    begin() {
      current = { t0: clock(), jobId: null, spans: [], shownAt: null, candidates: 0 };
    },
    now: clock,
    span(name, start, end, bytes) {
      current?.spans.push(bytes === undefined ? { name, start, end } : { name, start, end, bytes });
    },
    job(jobId) {
      if (current) current.jobId = jobId;
    },
    main(spans) {
      if (!current) return;
      const seen = new Set(current.spans.map((s) => `${s.name}@${s.start}`));
      for (const s of spans) if (!seen.has(`${s.name}@${s.start}`)) current.spans.push({ ...s });
    },
    firstShown(at) {
      if (current && current.shownAt === null) current.shownAt = at;
    },
    shown(candidates, at) {
      if (!current) return;
      current.shownAt ??= at ?? clock();
      current.candidates = candidates;
      done.push(current);
      shownTotal++;
      if (done.length > KEEP) done.shift();
      log(current);
      current = null;
    },
    drop() {
      current = null;
    },
    /** The last KEEP traces, oldest first. */
    traces: () => done,
    /** How many edits have been shown since start (not capped like `traces()`): what a caller waits on. */
    shownCount: () => shownTotal,
  };
  return tracer;
}

export function logEditTimingsOn(): boolean {
  try {
    return localStorage.getItem(LOG_KEY) === '1';
  } catch {
    return false;
  }
}

export function setLogEditTimings(on: boolean): void {
  try {
    if (on) localStorage.setItem(LOG_KEY, '1');
    else localStorage.removeItem(LOG_KEY);
  } catch {
    // storage unavailable: the setting lasts until reload only through the checkbox state
  }
}

/** The console line block for one edit. */
export function describeTrace(t: EditTrace): string {
  const total = (t.shownAt ?? t.t0) - t.t0;
  return `Maskwork edit ${t.jobId ?? ''}: ${total.toFixed(0)} ms from keypress to candidate on screen (${t.candidates} candidate${t.candidates === 1 ? '' : 's'})\n${formatSpans(t.spans, t.t0)}`;
}

/** The app's tracer. */
export const editTracer = createEditTracer(wallClock, (t) => {
  if (logEditTimingsOn()) console.info(describeTrace(t));
});

/** Resolves after the next frame has been painted (a rAF callback runs before the paint; the task after it, after). */
/** Main's spans of a finished job and the transport both ways, from the wall-clock stamps on each side. */
export function traceResult(
  trace: EditTracer,
  cands: CandidateResult[],
  t: { sendStart: number; sentBytes: number; sentAt?: number; asked: number; got: number },
): void {
  for (const c of cands) if (c.spans) trace.main(c.spans);
  const received = cands.flatMap((c) => c.spans ?? []).find((x) => x.name === 'main: queued');
  if (received) trace.span('transport → main (edit:start)', t.sendStart, received.start, t.sentBytes);
  const bytes = cands.reduce((n, c) => n + (c.pixels?.rgba.byteLength ?? c.patch?.byteLength ?? 0), 0);
  if (t.sentAt !== undefined) trace.span('transport ← main (job:result)', t.sentAt, t.got, bytes);
  trace.span('renderer: job:result call', t.asked, t.got, bytes);
}

export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
