/**
 * The one way Maskwork writes an amount of money, everywhere (cost line, candidate cards, versions,
 * cancel and failure messages, spend caps, "Spent today", routing, the command line): three decimals
 * under a dollar, where a request's price lives ("$0.027", "$0.000"), cents from a dollar up ("$5.00",
 * "$12.35"). The cancel messages rounded a $0.027 request to "$0.03" beside its card's "$0.027", the
 * spend caps wrote "$0.05" and the cost line "$0.050"; each place had its own formatter.
 */
export function formatUsd(usd: number): string {
  const v = Number.isFinite(usd) ? usd : 0;
  return `$${Math.abs(v) < 1 ? v.toFixed(3) : v.toFixed(2)}`;
}
