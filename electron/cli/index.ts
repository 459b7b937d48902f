/**
 * `maskwork`: the command line over the app's main-process services, for scripting and batch
 * work. Keys come from OPENAI_API_KEY / GEMINI_API_KEY (and OPENAI_BASE_URL / GOOGLE_GEMINI_BASE_URL
 * for gateways and local servers). Exit 0 only on success; 1 on a failed edit; 2 on bad usage.
 */
import { AppError } from '../../shared/errors';
import { UsageError } from './args';
import { EDIT_USAGE, FILL_USAGE, runEdit } from './edit-command';
import { EXPAND_USAGE, runExpand } from './expand-command';
import { BATCH_USAGE, runBatch } from './batch-command';
import { COMPARE_USAGE, formatCompare, runCompare } from './compare-command';

const USAGE = `Maskwork command line

  ${EDIT_USAGE}
  ${FILL_USAGE}
  ${EXPAND_USAGE}
  ${BATCH_USAGE}
  ${COMPARE_USAGE}

The mask is a PNG of the image's size; white (luminance > 127) marks what to change.
With --n k > 1, edit writes <stem>-1.png … <stem>-k.png. --json prints one JSON object.
expand extends to an aspect preset (1:1 4:5 3:2 16:9 21:9 3:1 4:1 8:1 9:16 1:4 or any W:H)
or by pixels per side, tiling past each model's limits; --json prints the tile plan and cost.
batch runs edit, fill or expand over a folder (one mask for all, or <stem>.png per image);
it goes on after a failure and exits 1 if any image failed.
compare runs one edit with several models (--models a,b,c) and writes <stem>-<model>.png each.
Keys: OPENAI_API_KEY, GEMINI_API_KEY (never printed). Models: gpt-image-2, gpt-image-1.5,
gpt-image-1-mini, gemini-3.1-flash-image, gemini-3-pro-image, local (offline, free).
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const json = rest.includes('--json');
  try {
    if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    let result: Record<string, unknown>;
    if (cmd === 'edit') result = await runEdit(rest, false);
    else if (cmd === 'fill') result = await runEdit(rest, true);
    else if (cmd === 'expand') result = await runExpand(rest);
    else if (cmd === 'compare') {
      const r = await runCompare(rest, (line) => process.stderr.write(`${line}\n`));
      process.stdout.write(json ? `${JSON.stringify(r)}\n` : formatCompare(r.rows));
      return r.failed ? 1 : 0;
    } else if (cmd === 'batch') {
      const r = await runBatch(rest, (line) => process.stderr.write(`${line}\n`));
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else process.stdout.write(`${r.ok} done, ${r.failed} failed${r.estimatedCostUsd ? `, ≈ $${r.estimatedCostUsd}` : ''}\n`);
      return r.failed ? 1 : 0;
    } else throw new UsageError(`unknown command “${cmd}”`);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`Wrote ${(result.outputs as string[]).join(', ')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`maskwork: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const info = e instanceof AppError ? e.info : { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
    if (json) process.stdout.write(`${JSON.stringify({ error: info })}\n`);
    process.stderr.write(`maskwork: ${info.kind}: ${info.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
