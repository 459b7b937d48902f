/**
 * The CLI's view of main: the same services and handler table as the app (keys from the
 * environment, assets in a temp folder), called through the typed bridge (`buildBridge`) like the
 * renderer does. The "dialogs" are answered by the command line's paths: opening goes through
 * `image:open`, so main reads the file itself (regular files of bounded size only) and records the
 * original's identity for the export guard; exports never replace a file unless --overwrite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, type Result } from '../../shared/errors';
import { buildBridge, type MaskworkApi } from '../../shared/ipc/bridge';
import type { EventName, RequestOf } from '../../shared/ipc/contract';
import type { CandidateResult, JobProgress, JobResult, OpenedImage } from '../../shared/ipc/contract-types';
import { createServices } from '../main/create-services';
import type { MainServices } from '../main/create-services';
import { createHandlers } from '../main/ipc/handlers';
import { dispatch } from '../main/ipc/dispatch';
import type { ExportTarget } from '../main/services/dialogs';
import { formatOf } from './output-paths';
import type { ProgressLine } from './progress-line';
import { ChargedError } from './charged';
import { addLive, exporting, handleInterrupts, type Interruptible, removeLive } from './interrupt';
import { cliVersion } from './version';
import { appSettingsDir, readSpendCap } from './app-settings';

const TERMINAL = new Set(['done', 'failed', 'cancelled']);

/** The spend ledger writes of closed sessions: the CLI waits for them before it exits at once (interrupted). */
const ledgerWrites = new Set<Promise<void>>();
export const ledgerWritten = (): Promise<unknown> => Promise.all([...ledgerWrites]);

/**
 * Temp folders of live sessions, removed on exit and on Ctrl+C (SIGINT) / SIGTERM, which first stop
 * the sessions' jobs and say what was charged (interrupt.ts).
 */
const liveTemps = new Set<string>();
let exitHooks = false;
function removeTempsOnExit(): void {
  if (exitHooks) return;
  exitHooks = true;
  const removeAll = () => {
    for (const dir of liveTemps) rmSync(dir, { recursive: true, force: true });
    liveTemps.clear();
  };
  process.on('exit', removeAll);
  handleInterrupts(removeAll);
}

/** What a stopped session answers a new job or export. */
const STOPPED = { kind: 'cancelled', message: 'Interrupted; nothing more is started.' } as const;

/**
 * Main names a file in its messages by its base name (“nope.jpg”), as the app shows it; the CLI
 * names it as it was given on the command line (“photos/nope.jpg”), so a batch or a script can tell
 * which file it was.
 */
export async function asGiven<T>(given: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const name = basename(given);
    if (!(e instanceof AppError) || !name || name === given) throw e;
    const message = e.info.message.split(`“${name}”`).join(`“${given}”`).replace(`The mask ${name} `, `The mask “${given}” `);
    throw message === e.info.message ? e : new AppError({ ...e.info, message }, { cause: e });
  }
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new AppError(r.error);
  return r.value;
}

export class CliSession implements Interruptible {
  private readonly opens: string[] = [];
  /** Jobs this session started (cancelled when the command is interrupted). */
  private readonly jobs = new Set<string>();
  private stopped = false;
  private readonly exports: ExportTarget[] = [];
  private readonly finished = new Map<string, () => void>();
  private readonly ended = new Set<string>();
  readonly api: MaskworkApi;
  readonly svc: MainServices;

  private constructor(
    private readonly tmp: string,
    onProgress: (p: JobProgress) => void,
  ) {
    const settings = appSettingsDir(process.env);
    this.svc = createServices({
      host: 'cli',
      version: cliVersion(),
      assetDir: join(tmp, 'assets'),
      settingsDir: null,
      env: process.env,
      // The app's spend cap and ledger hold here too (app-settings.ts): refused above the cap, counted in the ledger.
      ...(settings ? { spend: { ledgerFile: join(settings, 'spend-ledger.json'), cap: () => readSpendCap(settings) } } : {}),
      dialogs: {
        chooseImageToOpen: async () => this.opens.shift() ?? null,
        chooseExportPath: async () => this.exports.shift() ?? null,
      },
    });
    const table = createHandlers(this.svc);
    const listeners = new Set<(p: unknown) => void>();
    const ctx = {
      emit: (_event: EventName, payload: unknown) => {
        for (const l of listeners) l(payload);
      },
    };
    this.api = buildBridge(
      async (channel, request) => {
        // Interrupted: no new job, no new file.
        if (this.stopped && (channel.endsWith(':start') || channel === 'image:export')) return { ok: false, error: STOPPED };
        const r = await dispatch(table, channel, request, ctx);
        const jobId = r.ok && channel.endsWith(':start') ? (r.value as { jobId?: unknown }).jobId : undefined;
        if (typeof jobId === 'string') {
          this.jobs.add(jobId);
          if (this.stopped) this.svc.jobs.cancel(jobId);
        }
        return r;
      },
      (_event, listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    );
    this.api.events.onJobProgress((p) => {
      if (TERMINAL.has(p.stage) && p.fraction >= 1) {
        this.ended.add(p.jobId);
        this.finished.get(p.jobId)?.();
      } else onProgress(p);
    });
  }

  static start(onProgress: (p: JobProgress) => void): CliSession {
    removeTempsOnExit();
    const tmp = mkdtempSync(join(tmpdir(), 'maskwork-cli-'));
    liveTemps.add(tmp);
    const session = new CliSession(tmp, onProgress);
    addLive(session);
    return session;
  }

  private readonly stopHooks: (() => void)[] = [];

  /** Interrupted: cancels the running jobs (their requests are aborted) and refuses new ones and exports. */
  stop(): void {
    this.stopped = true;
    for (const jobId of this.jobs) this.svc.jobs.cancel(jobId);
    for (const hook of this.stopHooks) hook();
  }

  /** Work of the command's own that an interrupt stops too (a Batch API submission). */
  onStop(hook: () => void): void {
    this.stopHooks.push(hook);
    if (this.stopped) hook();
  }

  /**
   * This session's net requests sent so far (the service's outright rejections taken out) and their
   * estimated cost. Its own only: the app's ledger file also holds the app's, earlier runs' and a
   * batch's earlier sessions' requests (summing its months said "3 requests were sent" for two).
   */
  spent(): { usd: number; requests: number } {
    const own = this.svc.ledger.own();
    return { usd: own.usd, requests: own.requests - own.rejected };
  }

  /** Opens a file through main (`image:open`), which reads it and records the original's identity. */
  async openImage(path: string): Promise<OpenedImage> {
    this.opens.push(path);
    const r = unwrap(await this.api.image.open({}));
    if ('canceled' in r) throw new AppError({ kind: 'internal', message: 'Opening the image was cancelled.' });
    if ('project' in r) throw new AppError({ kind: 'invalid-request', message: `${path} is a Maskwork project; the CLI edits images.` });
    return r;
  }

  /** Waits for the job's terminal progress event, then fetches its result once (`job:result`). */
  async waitJob(jobId: string): Promise<JobResult> {
    if (!this.ended.has(jobId)) await new Promise<void>((res) => this.finished.set(jobId, res));
    this.finished.delete(jobId);
    return unwrap(await this.api.job.result({ jobId }));
  }

  /**
   * Waits for a job and returns its candidates, or throws its typed error with what the requests it
   * sent were still charged (a failed tile after paid ones, a cancelled job).
   */
  async candidatesOf(jobId: string, progress: ProgressLine): Promise<CandidateResult[]> {
    const result = await this.waitJob(jobId);
    progress.end();
    if (result.state === 'failed') throw new ChargedError(result.error, result.spentUsd, result.spentRequests);
    if (result.state !== 'done') {
      const spent = result.state === 'cancelled' ? result : undefined;
      throw new ChargedError({ kind: 'cancelled', message: 'The job was cancelled.' }, spent?.spentUsd, spent?.spentRequests);
    }
    return result.candidates;
  }

  /**
   * Exports to `path`. Without `overwrite`, main refuses an existing file and any original it opened;
   * with it, both may be replaced (the user asked for it explicitly).
   */
  private readonly saidNotes = new Set<string>();

  async exportTo(path: string, req: Omit<RequestOf<'image:export'>, 'format'>, overwrite: boolean): Promise<void> {
    this.exports.push({ path, replaceExisting: overwrite });
    const exported = this.api.image.export({ ...req, format: formatOf(path), ...(overwrite ? { allowOverwriteSource: true } : {}) });
    // Tracked: an interrupted command reports once its exports ended (failed, or the file placed whole).
    const r = await asGiven(path, exporting(exported.then(unwrap), path));
    if ('canceled' in r) throw new AppError({ kind: 'internal', message: 'The export was cancelled.' });
    // Notes (a 16-bit source written as 8-bit JPEG, a CMYK source exported in RGB) are said once per run.
    for (const note of r.notes ?? []) {
      if (this.saidNotes.has(note)) continue;
      this.saidNotes.add(note);
      process.stderr.write(`maskwork: ${note}\n`);
    }
  }

  /** What this run's exports said (each once), for `--json`'s `notes`: they went to stderr only. */
  get notes(): string[] {
    return [...this.saidNotes];
  }

  /** Resolves once this session's requests are in the app's spend ledger on disk. */
  flushed(): Promise<void> {
    return this.svc.ledger.flushed();
  }

  close(): void {
    ledgerWrites.add(this.svc.ledger.flushed());
    removeLive(this);
    rmSync(this.tmp, { recursive: true, force: true });
    liveTemps.delete(this.tmp);
  }
}
