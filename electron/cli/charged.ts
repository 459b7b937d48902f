/**
 * What a failed or cancelled job was still charged: the requests it sent that the service did not
 * reject outright (the job result's `spentUsd` / `spentRequests`, from the spend ledger). Kept apart
 * from the commands (imports only the error type) so the entry can report it without loading main.
 */
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { formatUsd } from '../../shared/money';

export interface Charged {
  /** Net cost of the requests sent, rounded like the CLI's estimates (4 decimals). */
  spentUsd: number;
  /** How many requests that was (absent when unknown). */
  requestsCharged?: number;
}

/** A job's typed error, carrying what its sent requests cost when that is more than nothing. */
export class ChargedError extends AppError {
  readonly charged: Charged | undefined;
  constructor(info: AppErrorInfo, spentUsd: number | undefined, spentRequests: number | undefined) {
    super(info);
    this.charged =
      spentUsd && spentUsd > 0
        ? {
            spentUsd: roundUsd(spentUsd),
            ...(spentRequests && spentRequests > 0 ? { requestsCharged: spentRequests } : {}),
          }
        : undefined;
  }
}

/** The spend of an error, for --json (`{}` when nothing was charged or the error is not a job's). */
export function chargedOf(e: unknown): Charged | Record<string, never> {
  return e instanceof ChargedError && e.charged ? e.charged : {};
}

/** Dollars as the CLI reports them (4 decimals). */
export function roundUsd(usd: number): number {
  return Math.round(usd * 10000) / 10000;
}

/** "1 request was sent and may be charged (≈ $0.105)", or '' when nothing was charged. */
export function chargedText(e: unknown): string {
  const c = e instanceof ChargedError ? e.charged : undefined;
  return c ? chargedWords(c) : '';
}

/** "2 requests were sent and may be charged (≈ $0.08)". */
export function chargedWords(c: Charged): string {
  const n = c.requestsCharged;
  const sent = n === 1 ? '1 request was sent and may be charged' : `${n ?? 'Some'} requests were sent and may be charged`;
  return `${sent} (≈ ${formatUsd(c.spentUsd)})`;
}
