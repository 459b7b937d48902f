/**
 * The app's spend ledger: what was spent per day, across documents and sessions, in the settings
 * folder (`spend-ledger.json`), never in a document. A request counts from the moment it is sent
 * (its estimated cost) — a cancelled or timed-out request may have been billed. A request that
 * cannot have been (the service refused every attempt of it, or none reached it: see
 * `send-counted.ts`) is taken back out of the dollars and counted as rejected (not charged).
 * Writes go to a temp file renamed over the old one, one at a time.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SpendPeriod, SpendSummary } from '../../../shared/ipc/contract-types';

interface DayTotals {
  usd: number;
  requests: number;
  rejected: number;
}

interface LedgerFile {
  version: 1;
  days: Record<string, DayTotals>;
}

/** A request in the ledger; settle it once its outcome is known. */
export interface SentRequest {
  readonly day: string;
  readonly usd: number;
  readonly requests: number;
}

/**
 * What a job needs of the ledger: count a request as it is sent, take back one the service rejected;
 * `reserve` holds the job's worst case under the spend cap before its first request, `check` refuses
 * (throws) a sum the cap does not allow (spend-gate.ts).
 */
export type SpendCounter = Pick<SpendLedger, 'sent' | 'rejected'> & {
  reserve?(usd: number): void;
  check?(usd: number, what?: string): void;
};

/** `usd`, once the spend cap allows it (else the cap's refusal is thrown): a batch's total before it is stored. */
export function withinCap(counter: SpendCounter, usd: number): number {
  counter.check?.(usd, 'This batch');
  return usd;
}

/**
 * The ledger as one job sees it: every request still goes into `ledger`, and the job's own net
 * spend (sent minus rejected: dollars and requests) is told to `onSpend`, so the job's result can
 * say what it cost even when it is cancelled or fails.
 */
export function countedFor(ledger: SpendCounter, onSpend: (usd: number, requests: number) => void): SpendCounter {
  return {
    sent(usd, requests) {
      const r = ledger.sent(usd, requests);
      onSpend(r.usd, r.requests);
      return r;
    },
    rejected(r) {
      ledger.rejected(r);
      onSpend(-r.usd, -r.requests);
    },
    ...(ledger.reserve ? { reserve: (usd: number) => ledger.reserve?.(usd) } : {}),
  };
}

/** Error kinds that mean the service refused the request before making anything (not charged). */
export const NOT_CHARGED_KINDS: ReadonlySet<string> = new Set(['auth', 'invalid-request', 'rate-limit']);

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

/** Local calendar day `YYYY-MM-DD` of a time. */
export function dayOf(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A ledger file's days (empty when there is none or it cannot be read). */
function readDays(file: string): Record<string, DayTotals> {
  const days: Record<string, DayTotals> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerFile>;
    if (parsed?.version === 1 && parsed.days && typeof parsed.days === 'object') {
      for (const [day, t] of Object.entries(parsed.days)) {
        if (/^\d{4}-\d{2}-\d{2}$/.test(day) && t && Number.isFinite(t.usd) && Number.isFinite(t.requests))
          days[day] = { usd: t.usd, requests: t.requests, rejected: Number.isFinite(t.rejected) ? t.rejected : 0 };
      }
    }
  } catch {
    // No ledger yet (or an unreadable one): start from zero rather than refuse to work.
  }
  return days;
}

/**
 * `a` plus the changes in `d`, day by day: totals never go below zero dollars; changes (`totals`
 * false: a rejected request's cost taken back is negative) are summed as they are.
 */
function addDays(a: Record<string, DayTotals>, d: Record<string, DayTotals>, totals = true): Record<string, DayTotals> {
  const out = { ...a };
  for (const [day, x] of Object.entries(d)) {
    const t = out[day] ?? { usd: 0, requests: 0, rejected: 0 };
    const usd = round(t.usd + x.usd);
    out[day] = { usd: totals ? Math.max(0, usd) : usd, requests: t.requests + x.requests, rejected: t.rejected + x.rejected };
  }
  return out;
}

const mtimeOf = (file: string): number | null => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * The ledger file is shared: the app and the command line (`maskwork edit …`, which enforces the same
 * spend cap against it) may both run. Each keeps what it has not written yet as changes (`pending`)
 * and writes the file as read just then plus those changes, so neither overwrites the other's
 * requests; a file changed by the other (its time differs) is read again before the totals are used.
 */
export class SpendLedger {
  private days: Record<string, DayTotals> = {};
  /** Changes not written to the file yet. */
  private pending: Record<string, DayTotals> = {};
  /** The file's modification time as last read or written. */
  private seen: number | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** What this ledger itself recorded (not what the file held or another process added). */
  private mine: DayTotals = { usd: 0, requests: 0, rejected: 0 };

  constructor(
    private readonly file: string | null,
    private readonly now: () => number = Date.now,
  ) {
    if (!file) return;
    this.seen = mtimeOf(file);
    this.days = readDays(file);
  }

  /** The file changed since it was last read or written (another process wrote it): read it again. */
  private reload(): void {
    const file = this.file;
    if (!file) return;
    const m = mtimeOf(file);
    if (m === null || m === this.seen) return;
    this.seen = m;
    this.days = addDays(readDays(file), this.pending);
  }

  private change(day: string, d: DayTotals): void {
    this.mine = { usd: round(this.mine.usd + d.usd), requests: this.mine.requests + d.requests, rejected: this.mine.rejected + d.rejected };
    this.days = addDays(this.days, { [day]: d });
    if (this.file) this.pending = addDays(this.pending, { [day]: d }, false);
  }

  /** Records `requests` requests (parallel ones count each) at the moment they are sent, with their estimated cost. */
  sent(usd: number, requests = 1): SentRequest {
    const day = dayOf(this.now());
    const cost = Number.isFinite(usd) && usd > 0 ? usd : 0;
    this.change(day, { usd: cost, requests, rejected: 0 });
    this.persist();
    return { day, usd: cost, requests };
  }

  /** The service rejected the request outright: its cost comes back out (it stays counted as sent). */
  rejected(r: SentRequest): void {
    if (!this.days[r.day]) return;
    this.change(r.day, { usd: -r.usd, requests: 0, rejected: r.requests });
    this.persist();
  }

  /** The requests this ledger recorded itself and their net cost: a CLI run's own, apart from the file's others. */
  own(): DayTotals {
    return { ...this.mine };
  }

  summary(): SpendSummary {
    this.reload();
    const today = dayOf(this.now());
    const month = today.slice(0, 7);
    const byMonth = new Map<string, SpendPeriod>();
    for (const [day, t] of Object.entries(this.days)) {
      const m = day.slice(0, 7);
      const acc = byMonth.get(m) ?? { period: m, usd: 0, requests: 0, rejected: 0 };
      byMonth.set(m, { period: m, usd: round(acc.usd + t.usd), requests: acc.requests + t.requests, rejected: acc.rejected + t.rejected });
    }
    const days = Object.keys(this.days)
      .sort()
      .reverse()
      .slice(0, 31)
      .map((d) => ({ period: d, ...this.days[d] }));
    const months = [...byMonth.values()].sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, 12);
    return {
      today: { period: today, ...(this.days[today] ?? { usd: 0, requests: 0, rejected: 0 }) },
      month: byMonth.get(month) ?? { period: month, usd: 0, requests: 0, rejected: 0 },
      days,
      months,
    };
  }

  /** Resolves when every change so far is on disk (tests, shutdown). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private persist(): void {
    const file = this.file;
    if (!file) return;
    this.writing = this.writing.then(async () => {
      const changes = this.pending;
      if (!Object.keys(changes).length) return;
      this.pending = {};
      try {
        // The file as it is now (another process may have added to it) plus this process's changes.
        const days = addDays(readDays(file), changes);
        await mkdir(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ version: 1, days } satisfies LedgerFile));
        await rename(tmp, file);
        this.seen = mtimeOf(file);
        this.days = addDays(days, this.pending);
      } catch {
        // A failed write keeps the totals in memory; the next change tries again.
        this.pending = addDays(changes, this.pending, false);
      }
    });
  }
}
