/**
 * `maskwork compare`: the same masked edit with several models, one output per model
 * (`<stem>-<model>.<ext>`) and a table of request size, estimated cost and time — the CLI's version
 * of the staging strip. A model that fails is reported; the others still run.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { parseOptions, required, UsageError } from './args';
import { interrupted } from './interrupt';
import { chargedOf, chargedWords } from './charged';
import { EDIT_OPTIONS, editOptionsOf, runEdit } from './edit-command';
import { chooseModel, modelIdOf } from './model-choice';
import { formatOf, refuseExisting } from './output-paths';
import { formatUsd } from '../../shared/money';

const { model: _model, n: _n, ...SHARED } = EDIT_OPTIONS;
const COMPARE_OPTIONS = { ...SHARED, models: required() };

export interface CompareRow {
  model: string;
  ok: boolean;
  output?: string;
  requestSize?: { width: number; height: number };
  estimatedCostUsd?: number;
  totalMs?: number;
  /** The offline engine's seed for this output (`--seed` with it repeats it). */
  seed?: number;
  error?: AppErrorInfo;
  /** A failed model: what its sent requests are still charged (as for a failed `edit`). */
  spentUsd?: number;
  requestsCharged?: number;
}

export async function runCompare(argv: string[], log: (line: string) => void): Promise<{ rows: CompareRow[]; failed: number }> {
  const { models: list, ...a } = parseOptions('compare', argv, COMPARE_OPTIONS);
  const models = [
    ...new Set(
      list
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean)
        .map(modelIdOf),
    ),
  ];
  if (!models.length) throw new UsageError('--models needs at least one model id');
  const specs = models.map(chooseModel);
  const out = resolve(a.out);
  formatOf(out);
  const ext = extname(out);
  const stem = basename(out, ext);
  const targets = models.map((m) => join(dirname(out), `${stem}-${m.replace(/[^a-zA-Z0-9._-]+/g, '_')}${ext}`));
  await refuseExisting(targets, a.overwrite);
  const rows: CompareRow[] = [];
  for (const [i, model] of models.entries()) {
    if (!a.json) log(`${model}…`);
    try {
      // One --quality for all: models without qualities ignore it.
      const quality = specs[i].qualities.length ? a.quality : undefined;
      const r = await runEdit(editOptionsOf({ ...a, quality, model, n: 1, out: targets[i], json: true }), log);
      const t = r.timings as { totalMs: number };
      rows.push({
        model,
        ok: true,
        output: targets[i],
        requestSize: r.requestSize as CompareRow['requestSize'],
        estimatedCostUsd: r.estimatedCostUsd as number,
        totalMs: t.totalMs,
        ...(Array.isArray(r.seeds) ? { seed: r.seeds[0] as number } : {}),
      });
    } catch (e) {
      // Interrupted (Ctrl+C): the other models are not run; the entry says what was written and charged.
      if (e instanceof UsageError || interrupted()) throw e;
      const info = e instanceof AppError ? e.info : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
      rows.push({ model, ok: false, error: info, ...chargedOf(e) });
      if (!a.json) log(`  ${model} failed: ${failedWords(rows[rows.length - 1])}`);
    }
  }
  return { rows, failed: rows.filter((r) => !r.ok).length };
}

export function formatCompare(rows: CompareRow[]): string {
  const lines = ['model | request | est. cost | time | output'];
  for (const r of rows) {
    lines.push(
      r.ok
        ? `${r.model} | ${r.requestSize?.width}×${r.requestSize?.height} | ${formatUsd(r.estimatedCostUsd ?? 0)} | ${((r.totalMs ?? 0) / 1000).toFixed(1)} s | ${r.output}`
        : `${r.model} | failed: ${failedWords(r)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** "server: The service failed. 1 request was sent and may be charged (≈ $0.04)." — the charge only when there is one. */
function failedWords(r: CompareRow): string {
  const charged = r.spentUsd ? ` ${chargedWords({ spentUsd: r.spentUsd, requestsCharged: r.requestsCharged })}.` : '';
  return `${r.error?.kind}: ${r.error?.message}${charged}`;
}
