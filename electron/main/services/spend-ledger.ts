/**
 * The app's spend ledger: what was spent per day, across documents and sessions, in the settings
 * folder (`spend-ledger.json`), never in a document. A request counts from the moment it is sent
 * (its estimated cost) — a cancelled or timed-out request may have been billed. A request that
 * cannot have been (the service refused every attempt of it, or none reached it: see
 * `send-counted.ts`) is taken back out of the dollars and counted as rejected (not charged).
 * Writes go to a temp file renamed over the old one, one at a time.
 */
import { readFileSync } from 'node:fs';
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

export class SpendLedger {
  private days: Record<string, DayTotals> = {};
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string | null,
    private readonly now: () => number = Date.now,
  ) {
    if (!file) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerFile>;
      if (parsed?.version === 1 && parsed.days && typeof parsed.days === 'object') {
        for (const [day, t] of Object.entries(parsed.days)) {
          if (/^\d{4}-\d{2}-\d{2}$/.test(day) && t && Number.isFinite(t.usd) && Number.isFinite(t.requests))
            this.days[day] = { usd: t.usd, requests: t.requests, rejected: Number.isFinite(t.rejected) ? t.rejected : 0 };
        }
      }
    } catch {
      // No ledger yet (or an unreadable one): start from zero rather than refuse to work.
    }
  }

  /** Records `requests` requests (parallel ones count each) at the moment they are sent, with their estimated cost. */
  sent(usd: number, requests = 1): SentRequest {
    const day = dayOf(this.now());
    const t = this.days[day] ?? { usd: 0, requests: 0, rejected: 0 };
    const cost = Number.isFinite(usd) && usd > 0 ? usd : 0;
    this.days[day] = { usd: round(t.usd + cost), requests: t.requests + requests, rejected: t.rejected };
    this.persist();
    return { day, usd: cost, requests };
  }

  /** The service rejected the request outright: its cost comes back out (it stays counted as sent). */
  rejected(r: SentRequest): void {
    const t = this.days[r.day];
    if (!t) return;
    this.days[r.day] = { usd: round(Math.max(0, t.usd - r.usd)), requests: t.requests, rejected: t.rejected + r.requests };
    this.persist();
  }

  summary(): SpendSummary {
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
    const text = JSON.stringify({ version: 1, days: this.days } satisfies LedgerFile);
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const tmp = `${file}.tmp`;
        await writeFile(tmp, text);
        await rename(tmp, file);
      })
      .catch(() => {
        // A failed write keeps the totals in memory; the next change tries again.
      });
  }
}
