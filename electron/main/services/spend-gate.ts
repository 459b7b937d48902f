/**
 * The spend cap, enforced in main (the renderer only shows it): every paid request goes through
 * `sent` here before it leaves, and one that would take the day's or the month's spend above the
 * cap in Settings → Spend cap is refused with an AppError — nothing sent, nothing recorded. A job
 * first holds its worst case (`forJob().reserve`: every candidate, every text retry, every outpaint
 * tile) so it is refused before its first request rather than half way; what other jobs still hold
 * counts against the cap too, so several models started at once are summed. The offline engine
 * never comes here (free). The totals are the ledger's (`spend-ledger.ts`).
 */
import { AppError } from '../../../shared/errors';
import type { SpendSummary } from '../../../shared/ipc/contract-types';
import { capRefusal, type PeriodSpend, type SpendCap } from '../../../shared/prefs/spend-cap';
import type { SentRequest, SpendCounter, SpendLedger } from './spend-ledger';

/** What one job still holds of the cap: its worst case less what it has sent. */
interface Hold {
  left: number;
}

/** A job's own view of the gate: hold the worst case before the first request, let go when the job ends. */
export interface JobSpend extends SpendCounter {
  reserve(usd: number): void;
  release(): void;
}

export class SpendGate {
  private readonly holds = new Set<Hold>();

  constructor(
    private readonly ledger: SpendLedger,
    private readonly cap: () => SpendCap | undefined,
  ) {}

  /** Counts a paid request about to be sent; refused (thrown) when the cap does not allow it. */
  sent(usd: number, requests = 1): SentRequest {
    this.refuse(usd);
    return this.ledger.sent(usd, requests);
  }

  rejected(r: SentRequest): void {
    this.ledger.rejected(r);
  }

  summary(): SpendSummary {
    return this.ledger.summary();
  }

  /** The requests this process recorded itself (SpendLedger.own). */
  own(): ReturnType<SpendLedger['own']> {
    return this.ledger.own();
  }

  flushed(): Promise<void> {
    return this.ledger.flushed();
  }

  /** Throws when a paid request (or batch: `what`) of `usd` would go above the cap: the ledger's today and month plus what every job holds. */
  check(usd: number, what?: string): void {
    this.refuse(usd, undefined, what);
  }

  forJob(): JobSpend {
    const hold: Hold = { left: 0 };
    return {
      reserve: (usd) => {
        if (!(usd > 0)) return;
        this.refuse(usd);
        hold.left += usd;
        this.holds.add(hold);
      },
      sent: (usd, requests = 1) => {
        // Within what the job holds it was allowed already; beyond it (no hold, or more than the worst case) it is checked now.
        if (usd > hold.left + 1e-9) this.refuse(usd, hold);
        hold.left = Math.max(0, hold.left - (Number.isFinite(usd) ? usd : 0));
        return this.ledger.sent(usd, requests);
      },
      rejected: (r) => this.ledger.rejected(r),
      release: () => {
        hold.left = 0;
        this.holds.delete(hold);
      },
    };
  }

  /** The cap's refusal, thrown, when `usd` more would go above it; what `own` holds is this request's room, not counted again. */
  private refuse(usd: number, own?: Hold, what?: string): void {
    const refusal = capRefusal(this.cap(), this.spent(own), usd, what);
    if (refusal) throw new AppError({ kind: 'invalid-request', message: refusal, rule: 'spend-cap' });
  }

  private spent(except?: Hold): PeriodSpend {
    const s = this.ledger.summary();
    let held = 0;
    for (const h of this.holds) if (h !== except) held += h.left;
    return { today: s.today.usd + held, month: s.month.usd + held };
  }
}
