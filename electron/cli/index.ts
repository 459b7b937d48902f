/**
 * `maskwork`: the command line over the app's main-process services, for scripting and batch
 * work. Keys come from OPENAI_API_KEY / GEMINI_API_KEY (and OPENAI_BASE_URL / GOOGLE_GEMINI_BASE_URL
 * for gateways and local servers). `--version` prints package.json's version. Exit 0 only on
 * success; 1 on a failed or refused edit; 2 on bad usage.
 *
 * This entry imports only the help text: each command (and with it sharp, the SDKs and main's
 * services) is loaded when it runs, so `maskwork --help` starts about as fast as Node itself.
 */
import { USAGE } from './usage';
import { cliVersion } from './version';
import { formatUsd } from '../../shared/money';

interface ErrorShape {
  kind: string;
  message: string;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const json = rest.includes('--json');
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cmd === '--version' || cmd === '-v' || cmd === 'version') {
    process.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  const { UsageError } = await import('./args');
  const { AppError } = await import('../../shared/errors');
  const { interrupted, reportInterrupt, reportJson } = await import('./interrupt');
  reportJson(json);
  const warn = (line: string) => process.stderr.write(`maskwork: ${line}\n`);
  // Ctrl+C / SIGTERM: the running jobs were cancelled; what was written and charged is said instead.
  const out = (text: string) => {
    if (!interrupted()) process.stdout.write(text);
  };
  try {
    const code = await run(cmd, rest, json, warn, out);
    return interrupted() ? await reportInterrupt() : code;
  } catch (e) {
    if (interrupted() && !(e instanceof UsageError)) return reportInterrupt();
    if (e instanceof UsageError) {
      process.stderr.write(`maskwork: ${e.message}\n\nRun \`maskwork --help\` for the commands and their options.\n`);
      if (json) process.stdout.write(`${JSON.stringify({ error: { kind: 'usage', message: e.message } })}\n`);
      return 2;
    }
    const info: ErrorShape = e instanceof AppError ? e.info : { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
    // A job that failed or was cancelled after paid requests says what they cost.
    const { chargedOf, chargedText } = await import('./charged');
    if (json) process.stdout.write(`${JSON.stringify({ error: info, ...chargedOf(e) })}\n`);
    const charged = chargedText(e);
    process.stderr.write(`maskwork: ${info.kind}: ${info.message}${charged ? ` ${charged}.` : ''}\n`);
    return 1;
  }
}

/** Runs one command; its report goes through `out`. Returns the exit code. */
async function run(cmd: string, rest: string[], json: boolean, warn: (line: string) => void, out: (text: string) => void): Promise<number> {
  const { UsageError } = await import('./args');
  let result: Record<string, unknown>;
  if (cmd === 'edit' || cmd === 'fill') {
    const { parseEdit, runEdit } = await import('./edit-command');
    result = await runEdit(parseEdit(rest, cmd === 'fill'), warn);
  } else if (cmd === 'expand') {
    const { parseExpand, runExpand } = await import('./expand-command');
    result = await runExpand(parseExpand(rest));
  } else if (cmd === 'compare') {
    const { formatCompare, runCompare } = await import('./compare-command');
    const r = await runCompare(rest, (line) => process.stderr.write(`${line}\n`));
    out(json ? `${JSON.stringify(r)}\n` : formatCompare(r.rows));
    return r.failed ? 1 : 0;
  } else if (cmd === 'batch' && ['status', 'fetch', 'cancel'].includes(rest[0])) {
    const { runBatchId } = await import('./batch-api-command');
    const { report, code } = await runBatchId(rest[0] as 'status' | 'fetch' | 'cancel', rest.slice(1));
    const verb = rest[0] as 'status' | 'fetch' | 'cancel';
    out(json ? `${JSON.stringify(report)}\n` : (await import('./batch-id-text')).batchIdText(verb, report));
    return code;
  } else if (cmd === 'batch' && rest.includes('--batch-api')) {
    const { runBatchApiSubmit } = await import('./batch-command');
    const r = await runBatchApiSubmit(rest);
    out(
      json
        ? `${JSON.stringify(r)}\n`
        : `Submitted ${r.batchId} (${r.requests} images, ≈ ${formatUsd(r.estimatedCostUsd)} at the Batch API price); results within 24 h: maskwork batch fetch ${r.batchId}\n`,
    );
    return r.state === 'failed' ? 1 : 0;
  } else if (cmd === 'batch') {
    const { runBatch } = await import('./batch-command');
    const r = await runBatch(rest, (line) => process.stderr.write(`${line}\n`));
    if (json) out(`${JSON.stringify(r)}\n`);
    else out(`${r.ok} done, ${r.failed} failed${r.estimatedCostUsd ? `, ≈ ${formatUsd(r.estimatedCostUsd)}` : ''}\n`);
    return r.failed ? 1 : 0;
  } else throw new UsageError(`unknown command “${cmd}”`);
  out(json ? `${JSON.stringify(result)}\n` : (await import('./wrote-line')).wroteLine(result));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
// Interrupted: exit now, whatever (an aborted socket, a worker) might still be winding down.
if (process.exitCode === 130 || process.exitCode === 143) {
  // What the interrupted requests cost is in the app's spend ledger first (the cap counts it).
  await (await import('./cli-session')).ledgerWritten();
  process.exit();
}
