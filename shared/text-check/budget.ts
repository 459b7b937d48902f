/** The retry budget of "retry until the text is right", shared by the estimate and the job. */

/** Retry requests the budget allows: at most `retries`, and with a dollar cap only those that fit under it. */
export function retryBudget(retries: number, maxUsd: number | undefined, costUsd: number): number {
  if (maxUsd === undefined || costUsd <= 0) return retries;
  return Math.min(retries, Math.floor(maxUsd / costUsd + 1e-9));
}

/** Worst case before starting: the job's own request(s) plus every allowed retry. */
export function worstCaseUsd(
  firstUsd: number,
  retryUsd: number,
  retries: number,
  maxUsd: number | undefined,
): { retries: number; usd: number } {
  const k = retryBudget(retries, maxUsd, retryUsd);
  return { retries: k, usd: firstUsd + k * retryUsd };
}
