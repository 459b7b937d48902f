/**
 * Follows a set of jobs in main and hands each one's final result over once, whatever order main's
 * answers and events arrive in. They travel different channels (Electron's invoke replies and its
 * pushed events; the dev host's binding and its event stream), so a job's last event can overtake
 * the answer to a result fetch asked before the job ended: that answer says "running" although the
 * event saying it ended was already here. A fetch in flight when an event asks for one is therefore
 * repeated as soon as it answers "running", and a slow poll stays as the safety net for an event
 * that never arrives.
 */
import type { JobProgress, JobResult } from '../../shared/ipc/contract-types';

export type EndedResult = Exclude<JobResult, { state: 'running' }>;

export interface JobFinisherDeps {
  /** main's `job:result` for the job (a `done` result is handed out once). */
  result(jobId: string): Promise<JobResult>;
  /** The job has ended: called once per followed job, with its result. */
  ended(jobId: string, r: EndedResult): Promise<void> | void;
  /** The result could not be fetched, or `ended` threw (the job is no longer followed). */
  lost(jobId: string, e: unknown): void;
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(h: unknown): void };
  /** Safety-net poll of every followed job (ms). */
  pollMs?: number;
}

export interface JobFinisher {
  /** Starts following a job: checked at once (it may have ended before its id was known here), then by the poll. */
  follow(jobId: string): void;
  /** A `job:progress` event: a followed job's last event (or one at 100 %) fetches its result. */
  progress(p: JobProgress): void;
  isFollowed(jobId: string): boolean;
  /** Stops following every job (their results are not fetched). */
  clear(): void;
}

const TERMINAL = new Set(['done', 'failed', 'cancelled']);
const POLL_MS = 1500;

export function createJobFinisher(deps: JobFinisherDeps): JobFinisher {
  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>),
  };
  const followed = new Set<string>();
  const fetching = new Set<string>();
  /** Jobs asked to be checked while their fetch was in flight. */
  const again = new Set<string>();
  let poll: unknown = null;

  function forget(jobId: string): void {
    followed.delete(jobId);
    again.delete(jobId);
    if (!followed.size && poll !== null) {
      timers.clearInterval(poll);
      poll = null;
    }
  }

  async function check(jobId: string): Promise<void> {
    if (!followed.has(jobId)) return;
    if (fetching.has(jobId)) {
      again.add(jobId);
      return;
    }
    fetching.add(jobId);
    let r: JobResult;
    try {
      r = await deps.result(jobId);
    } catch (e) {
      if (followed.has(jobId)) {
        forget(jobId);
        deps.lost(jobId, e);
      }
      return;
    } finally {
      fetching.delete(jobId);
    }
    if (!followed.has(jobId)) return;
    if (r.state === 'running') {
      if (again.delete(jobId)) void check(jobId);
      return;
    }
    forget(jobId);
    try {
      await deps.ended(jobId, r);
    } catch (e) {
      deps.lost(jobId, e);
    }
  }

  return {
    follow(jobId) {
      followed.add(jobId);
      if (poll === null)
        poll = timers.setInterval(() => {
          for (const id of [...followed]) if (!fetching.has(id)) void check(id);
        }, deps.pollMs ?? POLL_MS);
      void check(jobId);
    },
    progress(p) {
      if (followed.has(p.jobId) && (TERMINAL.has(p.stage) || p.fraction >= 1)) void check(p.jobId);
    },
    isFollowed: (jobId) => followed.has(jobId),
    clear() {
      for (const id of [...followed]) forget(id);
    },
  };
}
