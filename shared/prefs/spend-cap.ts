/**
 * The spend cap (Settings → Spend cap): paid requests stop once they would take the day's or the
 * month's spend (the spend ledger's, across documents) above what the user set. Either limit may be
 * set, both or neither (off, the default). Pure: main enforces it before a request is sent
 * (`electron/main/services/spend-gate.ts`), the Generate panel shows what is left and warns with the
 * same words.
 */
import { formatUsd } from '../money';

export interface SpendCap {
  /** The most paid requests may cost per local calendar day; absent: no daily limit. */
  readonly dailyUsd?: number;
  /** The most per calendar month; absent: no monthly limit. */
  readonly monthlyUsd?: number;
}

/** The cap a new install has: off. */
export const NO_CAP: SpendCap = {};

/** The largest cap one can type (a typo of extra zeros is refused rather than taken as "no cap"). */
export const MAX_CAP_USD = 100_000;

const valid = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_CAP_USD;

/** A prefs file's cap → the cap; a limit that is not a valid amount is dropped (off), never guessed. */
export function parseSpendCap(x: unknown): SpendCap {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return NO_CAP;
  const o = x as Record<string, unknown>;
  return { ...(valid(o.dailyUsd) ? { dailyUsd: o.dailyUsd } : {}), ...(valid(o.monthlyUsd) ? { monthlyUsd: o.monthlyUsd } : {}) };
}

export const capIsOn = (cap: SpendCap | undefined): boolean => cap?.dailyUsd !== undefined || cap?.monthlyUsd !== undefined;

/** What counts against the cap: the ledger's today and this month, plus what requests already under way may still spend. */
export interface PeriodSpend {
  readonly today: number;
  readonly month: number;
}

/**
 * A cap or a period's spend in the app's one money format (shared/money.ts): "$5.00", "$0.038",
 * "$0.050" — as the cost line says it (two places made a $0.038 request "$0.04" beside the line's
 * "≈ $0.038").
 */
export function capUsd(usd: number): string {
  return formatUsd(usd);
}

const PERIODS = [
  { key: 'dailyUsd', spent: 'today', words: "today's spend", cap: 'daily' },
  { key: 'monthlyUsd', spent: 'month', words: "this month's spend", cap: 'monthly' },
] as const;

/**
 * Why a paid request of `usd` (its worst case) may not be sent, or null when it fits under every
 * limit set; `what` names it ("This batch"). A free request (the offline engine) is never refused, even over the cap.
 */
export function capRefusal(cap: SpendCap | undefined, spent: PeriodSpend, usd: number, what = 'This request'): string | null {
  if (!cap || !(usd > 0)) return null;
  for (const p of PERIODS) {
    const limit = cap[p.key];
    if (limit === undefined) continue;
    const after = spent[p.spent] + usd;
    // A micro-dollar of rounding never refuses a request that lands on the cap exactly.
    if (after > limit + 1e-6)
      return (
        `${what} (≈ ${capUsd(usd)}) would take ${p.words} to ${capUsd(after)}, above your ${capUsd(limit)} ${p.cap} cap. ` +
        'Raise the cap in Settings → Spend cap, or use Offline fill (free).'
      );
  }
  return null;
}

/** What is left under the cap now: the tighter of the limits set ("$1.20 left today"), or null when it is off. */
export function capLeft(cap: SpendCap | undefined, spent: PeriodSpend): { usd: number; words: string } | null {
  let best: { usd: number; words: string } | null = null;
  for (const p of PERIODS) {
    const limit = cap?.[p.key];
    if (limit === undefined) continue;
    const usd = Math.max(0, limit - spent[p.spent]);
    if (!best || usd < best.usd) best = { usd, words: p.spent === 'today' ? 'today' : 'this month' };
  }
  return best;
}
