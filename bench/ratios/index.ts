/** Runs the ratio benchmarks, prints the table and writes bench-results/ratios.json. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cliRatios } from './cli';
import { historyRow } from './history';
import { projectRatios } from './project';
import { openRatio } from './open';
import { pixelRatios } from './pixels';
import { formatRatios } from './formats';
import { editTimeRows, formatSpanTable, runEditTime } from './edit-time';
import { runDevHostEdits } from './edit-time-devhost';
import { outpaintTileRow, runOutpaintTiles } from './edit-time-outpaint';
import { spanFloors } from './edit-time-floors';
import { formatRatioTable, machine, type RatioRow } from './ratio';

export const RATIO_GROUPS = ['open', 'pixels', 'cli', 'history', 'edit-time', 'formats', 'project'] as const;

export async function runRatios(opts: {
  quick: boolean;
  groups: (name: string) => boolean;
}): Promise<{ rows: RatioRow[]; machine: Record<string, unknown> }> {
  const runs = opts.quick ? 3 : 5;
  const rows: RatioRow[] = [];
  const m = machine();
  if (opts.groups('open')) rows.push(await openRatio(runs));
  if (opts.groups('pixels')) rows.push(...(await pixelRatios(runs)));
  if (opts.groups('cli')) rows.push(...(await cliRatios(runs)));
  if (opts.groups('history')) rows.push(await historyRow(opts.quick ? 10 : 100));
  if (opts.groups('formats')) rows.push(...(await formatRatios(opts.quick ? 3 : runs)));
  if (opts.groups('project')) rows.push(...(await projectRatios(runs)));
  let spanTable: string | null = null;
  let editTime: unknown = null;
  if (opts.groups('edit-time')) {
    const r = await runEditTime(opts.quick ? 4 : 10);
    r.scenarios.push(await runDevHostEdits(opts.quick ? 4 : 10, await spanFloors()));
    rows.push(...editTimeRows(r));
    // Medians of 10 like the edits (issue 16's goals are medians of ≥ 10; 5 swung by 60 ms run to run).
    rows.push(outpaintTileRow(await runOutpaintTiles(opts.quick ? 2 : 10)));
    // Ctrl+Enter a quarter second after a change that needs a new preparation: the job waits for it.
    rows.push(outpaintTileRow(await runOutpaintTiles(opts.quick ? 2 : 10, true, 'wide', false, { handMs: 250 }), true, 'wide', 250));
    rows.push(outpaintTileRow(await runOutpaintTiles(opts.quick ? 2 : 10, false), false));
    rows.push(outpaintTileRow(await runOutpaintTiles(opts.quick ? 2 : 10, true, 'chained'), true, 'chained'));
    spanTable = formatSpanTable(r);
    editTime = r;
  }
  const result = { machine: { ...m, loadavgAfter: machine().loadavg }, rows, editTime };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/ratios.json', JSON.stringify(result, null, 2));
  console.log(`\n${formatRatioTable(rows, String(m.date).slice(0, 10))}`);
  for (const r of rows) if (r.note) console.log(`${r.id}: ${r.note}`);
  if (spanTable) console.log(`\nOne edit, span by span (medians per edit; e2e harness, 24 MP photo)\n${spanTable}`);
  return result;
}
