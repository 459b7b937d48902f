/**
 * Long jobs (generations, fills, outpaint plans): bounded concurrency, a job id returned at once,
 * progress pushed as events, cancellation through an AbortSignal that reaches the SDK call, and a
 * final result the renderer fetches. A job that fails or is cancelled produces no candidates, so it
 * can never change the document — but a job that says, once cancelled, that what it returns was made
 * before the cancel (`keepOnCancel`: a text retry cancelled after the first attempt) ends done with
 * those candidates, staged for the user to keep or discard (they were made and paid for). Results, errors and progress are redacted here too, because the
 * CLI reads them from the runner without going through dispatch.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorInfo } from '../../../shared/errors';
import type { CandidateResult, JobPhase, JobProgress, JobResult } from '../../../shared/ipc/contract-types';
import { redactDeep, redactSecrets } from '../services/redact';

export interface JobContext {
  signal: AbortSignal;
  progress(fraction: number, stage: string, preview?: JobProgress['preview'], phase?: JobPhase): void;
  /** Sends a candidate's pixels ahead of the job's result (see JobProgress.patch); absent: not sent early. */
  patchReady?(patch: NonNullable<JobProgress['patch']>): void;
  /**
   * What the requests the job sent cost, and how many they were (negative: ones the service
   * rejected); a failed or cancelled result reports the sums.
   */
  spent?(usd: number, requests?: number): void;
  /**
   * Called when the job was cancelled part way and returns what it made before: the result is then
   * done with those candidates instead of cancelled (absent: the job cannot keep anything).
   */
  keepOnCancel?(): void;
}

export type JobFn = (ctx: JobContext) => Promise<CandidateResult[]>;

interface JobRecord {
  controller: AbortController;
  result: JobResult;
  done: Promise<void>;
  /** Net cost of the requests the job has sent so far. */
  spentUsd: number;
  /** Net count of those requests (sent minus rejected). */
  spentRequests: number;
  /** The job kept what it made before a cancel (JobContext.keepOnCancel). */
  keepOnCancel?: true;
}

export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly maxConcurrent = 2) {}

  start(fn: JobFn, onProgress: (p: JobProgress) => void): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const record: JobRecord = {
      controller,
      result: { state: 'running', fraction: 0 },
      done: Promise.resolve(),
      spentUsd: 0,
      spentRequests: 0,
    };
    this.jobs.set(jobId, record);
    record.done = this.acquire().then(async () => {
      try {
        if (controller.signal.aborted) throw cancelled();
        // What the bar says now: pixels sent ahead keep it (another candidate may still be with the model).
        let shown: { stage: string; phase: JobPhase } = { stage: 'Compositing', phase: 'working' };
        const candidates = await fn({
          signal: controller.signal,
          progress: (fraction, stage, preview, phase) => {
            if (controller.signal.aborted || record.result.state !== 'running') return;
            // Progress never goes backwards, whatever order the stages report in.
            const prev = record.result.state === 'running' ? record.result.fraction : 0;
            const f = Math.max(prev, Math.max(0, Math.min(1, fraction)));
            record.result = { state: 'running', fraction: f };
            const ev = redactDeep({ jobId, fraction: f, stage, preview, phase });
            shown = { stage: ev.stage, phase: ev.phase ?? 'working' };
            onProgress(ev);
          },
          patchReady: (patch) => {
            if (controller.signal.aborted || record.result.state !== 'running') return;
            const fraction = record.result.fraction;
            onProgress({ jobId, fraction, ...shown, patch });
          },
          spent: (usd, requests = 0) => {
            record.spentUsd += usd;
            record.spentRequests += requests;
          },
          keepOnCancel: () => {
            record.keepOnCancel = true;
          },
        });
        if (controller.signal.aborted && !(record.keepOnCancel && candidates.length)) throw cancelled();
        // Kept on a cancel: said so, or the renderer's line read as if the retries had run out.
        const kept = controller.signal.aborted ? { keptOnCancel: true as const } : {};
        // What the ledger counted, as a failed job says it: a text retry cancelled or failed after it was
        // sent has no candidate to carry its cost (the session spend left it out).
        record.result = redactDeep({ state: 'done', candidates, ...kept, ...spentOf(record) });
        onProgress({ jobId, fraction: 1, stage: 'done' });
      } catch (e) {
        const cost = spentOf(record);
        record.result =
          controller.signal.aborted || (e instanceof AppError && e.kind === 'cancelled')
            ? { state: 'cancelled', ...cost }
            : { state: 'failed', error: toInfo(e), ...cost };
        onProgress({ jobId, fraction: 1, stage: record.result.state });
      } finally {
        this.release();
      }
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job?.result.state !== 'running') return false;
    job.controller.abort(cancelled());
    return true;
  }

  /**
   * The job's state; `done` results are handed out once and then forgotten (they can be large).
   * `have`: candidate indexes whose pixels the caller already holds (sent early): left out.
   */
  result(jobId: string, have: readonly number[] = []): JobResult {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError({ kind: 'not-found', message: `No such job ${jobId}.` });
    if (job.result.state !== 'running') this.jobs.delete(jobId);
    const r = job.result;
    if (r.state !== 'done' || !have.length) return r;
    return { ...r, candidates: r.candidates.map((c) => (c.pixels && have.includes(c.index) ? { ...c, pixels: undefined } : c)) };
  }

  /** Resolves when the job has finished, whatever the outcome (for tests and the CLI). */
  async wait(jobId: string): Promise<JobResult> {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError({ kind: 'not-found', message: `No such job ${jobId}.` });
    await job.done;
    return job.result;
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.();
  }
}

function cancelled(): AppError {
  return new AppError({ kind: 'cancelled', message: 'The job was cancelled. The document is unchanged.' });
}

function toInfo(e: unknown): AppErrorInfo {
  if (e instanceof AppError) return redactDeep({ ...e.info });
  return { kind: 'internal', message: redactSecrets(e instanceof Error ? e.message : String(e)).slice(0, 500) };
}

/** `spentUsd` / `spentRequests` of a job's result: the ledger's count for it, absent when nothing was spent. */
function spentOf(record: { spentUsd: number; spentRequests: number }): { spentUsd?: number; spentRequests?: number } {
  const spent = Math.round(record.spentUsd * 1e6) / 1e6;
  return spent > 0 ? { spentUsd: spent, ...(record.spentRequests > 0 ? { spentRequests: record.spentRequests } : {}) } : {};
}
