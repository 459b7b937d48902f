/**
 * The lines `edit`, `fill` and `expand` print without --json: the files written, each with the
 * offline engine's seed when it has one (so `--seed N` repeats that output without a second run with
 * --json), and the estimated cost when requests were sent. When the text was checked, one line per
 * file says what was read, in the words of the app's badge tooltip ("Spelled right: V2.0", "1
 * character wrong: read V2.O, asked for V2.0"): the files are written best first, but a retoucher
 * should not need --json to learn that none is right.
 */
import { type TextVerdict, verdictWords } from '../../shared/text-check/text-match';
import { formatUsd } from '../../shared/money';

type CheckedCandidate = Partial<TextVerdict> & { output?: string };

export function wroteLine(result: { outputs?: unknown; seeds?: unknown; estimatedCostUsd?: unknown; textCheck?: unknown }): string {
  const outputs = Array.isArray(result.outputs) ? (result.outputs as string[]) : [];
  const seeds = Array.isArray(result.seeds) && result.seeds.length === outputs.length ? (result.seeds as number[]) : null;
  const files = outputs.map((o, i) => (seeds ? `${o} (seed ${seeds[i]})` : o)).join(', ');
  return `Wrote ${files}${costText(result.estimatedCostUsd, result.textCheck)}\n${textLines(result.textCheck)}`;
}

/**
 * " · ≈ $0.053", or with text retries sent the cost of every request and how many retries
 * (" · ≈ $0.159 with 2 text retries"): it gave the first request's estimate alone, so three files
 * written by three requests read as the price of one.
 */
function costText(estimate: unknown, check: unknown): string {
  const c = check as { requests?: unknown; costUsd?: unknown } | undefined;
  const retries = typeof c?.requests === 'number' ? c.requests - 1 : 0;
  if (retries > 0 && typeof c?.costUsd === 'number' && c.costUsd > 0)
    return ` · ≈ ${formatUsd(c.costUsd)} with ${retries} text ${retries === 1 ? 'retry' : 'retries'}`;
  return typeof estimate === 'number' && estimate > 0 ? ` · ≈ ${formatUsd(estimate)}` : '';
}

function textLines(check: unknown): string {
  const candidates = (check as { candidates?: unknown } | undefined)?.candidates;
  if (!Array.isArray(candidates)) return '';
  const checked = (candidates as CheckedCandidate[]).filter((c) => typeof c.output === 'string' && typeof c.status === 'string');
  if (!checked.length) return '';
  const right = checked.filter((c) => c.status === 'right').length;
  const head = `Text “${checked[0].expected ?? ''}”: ${right ? `${right} of ${checked.length} spelled right` : 'none spelled right'}\n`;
  return head + checked.map((c) => `  ${c.output}: ${verdictWords(c as TextVerdict)}\n`).join('');
}
