/**
 * Ctrl+C (SIGINT) or SIGTERM while a command runs: every running job is cancelled (its requests are
 * aborted), no new job or export starts, and once the command has stopped the CLI says what was
 * written and what the requests it sent are charged, then exits 130 (143 for SIGTERM):
 * "Interrupted — nothing was written; 2 requests were sent and may be charged (≈ $0.08)." With --json
 * it is the error object of the failure path, `{"error": {…}, "spentUsd", "requestsCharged"}`.
 * A second Ctrl+C stops at once. Files are only ever placed whole (temp file + rename), so an
 * interrupted export leaves no partial output.
 */
import type { AppErrorInfo } from '../../shared/errors';
import { chargedWords, roundUsd } from './charged';

/** A session as the interrupt sees it: its spend so far, and how to stop its jobs. */
export interface Interruptible {
  /** Net requests sent (minus those the service rejected outright) and their estimated cost. */
  spent(): { usd: number; requests: number };
  /** Cancels the running jobs and refuses new jobs and exports. */
  stop(): void;
  /** Resolves once what was sent is in the app's spend ledger on disk. */
  flushed?(): Promise<void>;
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof SIGNALS;
/** How long the command gets to stop by itself before the CLI reports and exits anyway. */
const GRACE_MS = 10_000;
/** How long the report waits for exports still running (they fail or finish whole). */
const SETTLE_MS = 5_000;

let caught: Signal | null = null;
let json = false;
let cleanup: () => void = () => {};
const live = new Set<Interruptible>();
const closedSpend = { usd: 0, requests: 0 };
const written: string[] = [];
const writing = new Set<Promise<unknown>>();
/** The report, once made (the command's own end and the fallback share it). */
let reported: Promise<number> | null = null;
/** What a command that writes no files says instead of "nothing was written" (its `json` goes into the JSON report). */
export interface InterruptSubject {
  text: string;
  json?: Record<string, unknown>;
}
let subject: ((files: string, wrote: number) => InterruptSubject) | null = null;

/**
 * A Batch API command says what the interrupt left in its terms; `files` is what the report would
 * say about the files written ("nothing was written", "wrote a.png before it, nothing more").
 */
export function reportSubject(f: (files: string, wrote: number) => InterruptSubject): void {
  subject = f;
}

/** Installs the SIGINT/SIGTERM handlers once; `removeTemps` runs before any exit they cause. */
let installed = false;
export function handleInterrupts(removeTemps: () => void): void {
  if (installed) return;
  installed = true;
  cleanup = removeTemps;
  for (const signal of Object.keys(SIGNALS) as Signal[]) process.on(signal, () => onSignal(signal));
}

/** --json: the report is the JSON error object on stdout (and the line on stderr). */
export function reportJson(on: boolean): void {
  json = on;
}

/** The signal that stopped the command, or null. */
export function interrupted(): Signal | null {
  return caught;
}

export function addLive(s: Interruptible): void {
  live.add(s);
  if (caught) s.stop();
}

/** A session that closed: its spend stays in the totals. */
export function removeLive(s: Interruptible): void {
  if (!live.delete(s)) return;
  const { usd, requests } = s.spent();
  closedSpend.usd += usd;
  closedSpend.requests += requests;
}

/** An export under way: the report waits for it (it fails, or its file is placed whole). */
export function exporting<T>(work: Promise<T>, path: string): Promise<T> {
  const tracked = work.then((r) => {
    written.push(path);
    return r;
  });
  writing.add(tracked);
  const forget = () => writing.delete(tracked);
  tracked.then(forget, forget);
  return tracked;
}

function onSignal(signal: Signal): void {
  if (caught) {
    // A second Ctrl+C: at once.
    cleanup();
    process.stderr.write('\nmaskwork: stopped at once.\n');
    process.exit(SIGNALS[caught]);
  }
  caught = signal;
  for (const s of live) s.stop();
  // Nothing running (between a batch's images, before the first job): report now. Otherwise the
  // command stops by itself (its job ends cancelled) and the entry reports; this is the fallback.
  const exitNow = async (newline: boolean) => {
    const code = await reportInterrupt(newline);
    await Promise.all([...live].map((s) => s.flushed?.()));
    cleanup();
    process.exit(code);
  };
  if (!live.size) void exitNow(false);
  else setTimeout(() => void exitNow(true), GRACE_MS).unref();
}

/** Says what was written and charged (once), returns the exit code. */
export function reportInterrupt(newline = false): Promise<number> {
  reported ??= (async () => {
    const signal = caught ?? 'SIGINT';
    await Promise.race([Promise.allSettled([...writing]), new Promise((r) => setTimeout(r, SETTLE_MS).unref())]);
    let usd = closedSpend.usd;
    let requests = closedSpend.requests;
    for (const s of live) {
      const now = s.spent();
      usd += now.usd;
      requests += now.requests;
    }
    const charged = usd > 0 ? { spentUsd: roundUsd(usd), ...(requests > 0 ? { requestsCharged: requests } : {}) } : null;
    const what = signal === 'SIGINT' ? 'Interrupted' : 'Terminated';
    const wrote =
      written.length === 0
        ? 'nothing was written'
        : `wrote ${written.length > 3 ? `${written.length} files` : written.join(', ')} before it, nothing more`;
    const said = subject?.(wrote, written.length);
    const message = `${what} — ${said ? said.text : wrote}`;
    const spent = charged ? chargedWords(charged) : 'nothing is charged';
    if (json) {
      const error: AppErrorInfo = { kind: 'cancelled', message: `${message}.` };
      process.stdout.write(
        `${JSON.stringify({ error, ...(said?.json ?? {}), ...(charged ?? {}), ...(written.length ? { outputs: written } : {}) })}\n`,
      );
    }
    process.stderr.write(`${newline ? '\n' : ''}maskwork: ${message}; ${spent}.\n`);
    return SIGNALS[signal];
  })();
  return reported;
}
