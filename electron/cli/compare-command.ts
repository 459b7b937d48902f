/**
 * `maskwork compare`: the same masked edit with several models, one output per model
 * (`<stem>-<model>.<ext>`) and a table of request size, estimated cost and time — the CLI's version
 * of the staging strip. A model that fails is reported; the others still run.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { UsageError } from './args';
import { runEdit } from './edit-command';

export const COMPARE_USAGE = `maskwork compare --image <file> --mask <png> --prompt <text> --models <id,id,...>
              --out <file.png> [--quality low|medium|high|auto] [--json]`;

export interface CompareRow {
  model: string;
  ok: boolean;
  output?: string;
  requestSize?: { width: number; height: number };
  estimatedCostUsd?: number;
  totalMs?: number;
  error?: AppErrorInfo;
}

export async function runCompare(argv: string[], log: (line: string) => void): Promise<{ rows: CompareRow[]; failed: number }> {
  const args = [...argv];
  const i = args.indexOf('--models');
  if (i < 0 || !args[i + 1] || args[i + 1].startsWith('--')) throw new UsageError('--models is required (comma-separated model ids)');
  const models = [
    ...new Set(
      args[i + 1]
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  args.splice(i, 2);
  if (args.includes('--model') || args.includes('--n'))
    throw new UsageError('compare takes --models (one candidate per model), not --model/--n');
  const o = args.indexOf('--out');
  if (o < 0 || !args[o + 1]) throw new UsageError('--out is required');
  const out = resolve(args[o + 1]);
  args.splice(o, 2);
  const json = args.includes('--json');
  const inner = args.filter((a) => a !== '--json');
  const ext = extname(out);
  const stem = basename(out, ext);
  const rows: CompareRow[] = [];
  for (const model of models) {
    const target = join(dirname(out), `${stem}-${model.replace(/[^a-zA-Z0-9._-]+/g, '_')}${ext}`);
    if (!json) log(`${model}…`);
    try {
      const r = await runEdit([...inner, '--model', model, '--out', target, '--json'], false);
      const t = r.timings as { totalMs: number };
      rows.push({
        model,
        ok: true,
        output: target,
        requestSize: r.requestSize as CompareRow['requestSize'],
        estimatedCostUsd: r.estimatedCostUsd as number,
        totalMs: t.totalMs,
      });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const info = e instanceof AppError ? e.info : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) };
      rows.push({ model, ok: false, error: info });
      if (!json) log(`  ${model} failed: ${info.kind}: ${info.message}`);
    }
  }
  return { rows, failed: rows.filter((r) => !r.ok).length };
}

export function formatCompare(rows: CompareRow[]): string {
  const lines = ['model | request | est. cost | time | output'];
  for (const r of rows) {
    lines.push(
      r.ok
        ? `${r.model} | ${r.requestSize?.width}×${r.requestSize?.height} | $${(r.estimatedCostUsd ?? 0).toFixed(3)} | ${((r.totalMs ?? 0) / 1000).toFixed(1)} s | ${r.output}`
        : `${r.model} | failed: ${r.error?.kind}: ${r.error?.message}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
