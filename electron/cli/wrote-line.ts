/**
 * The line `edit`, `fill` and `expand` print without --json: the files written, each with the
 * offline engine's seed when it has one (so `--seed N` repeats that output without a second run with
 * --json), and the estimated cost when requests were sent.
 */
export function wroteLine(result: { outputs?: unknown; seeds?: unknown; estimatedCostUsd?: unknown }): string {
  const outputs = Array.isArray(result.outputs) ? (result.outputs as string[]) : [];
  const seeds = Array.isArray(result.seeds) && result.seeds.length === outputs.length ? (result.seeds as number[]) : null;
  const files = outputs.map((o, i) => (seeds ? `${o} (seed ${seeds[i]})` : o)).join(', ');
  const usd =
    typeof result.estimatedCostUsd === 'number' && result.estimatedCostUsd > 0 ? ` · ≈ $${result.estimatedCostUsd.toFixed(3)}` : '';
  return `Wrote ${files}${usd}\n`;
}
