/** The running job as the store keeps it (commands/store/jobs-slice.ts holds it; the progress display and the several-models plan read it). */
import type { JobPhase } from '../../shared/ipc/contract-types';
import type { ExpectedTime } from '../../shared/models';
import type { DocState } from './document-types';

/** A masked edit (`edit:start`) or filling a canvas extension (`outpaint:start`). */
export type JobKind = 'edit' | 'outpaint';

export interface JobState {
  /** Null until `edit:start` / `outpaint:start` has answered. */
  jobId: string | null;
  kind: JobKind;
  docId: string;
  /** The document state (history step) the job was made for: its results are staged only over it. */
  at?: DocState;
  /** The canvas size the job was started on (results for another size are not staged). */
  canvas: { width: number; height: number };
  model: string;
  modelName: string;
  prompt: string;
  startedAt: number;
  /** 0..1. */
  fraction: number;
  stage: string;
  /** What main last said the job is doing (see JobProgress.phase). */
  phase: JobPhase;
  /** Usual time of the job's requests (model, size, count), or null when unknown. */
  expected: ExpectedTime | null;
  /** Live partial results: candidate index → object URL of the preview bytes. */
  previews: Record<number, string>;
  cancelling: boolean;
  /** An edit candidate's pixels shown ahead of the result (renderer/commands/early-show.ts): which one, where. */
  early?: { candidate: number; region: { x: number; y: number; width: number; height: number } };
  /** How many partial images of the first candidate have been drawn over its region (renderer/commands/partial-show.ts). */
  partialShown?: number;
}

/** One model of a several-models Generate. */
export interface MultiEntryState {
  model: string;
  modelName: string;
  n: number;
  jobId: string | null;
  state: 'starting' | 'running' | 'done' | 'failed' | 'cancelled';
  fraction: number;
  /** Filled when it ends. */
  seconds?: number;
  costUsd?: number;
  received?: number;
  error?: string;
  /** Failed on a rate limit: when its wait ends (epoch ms); the line's "try again in 12 s" counts down to it. */
  retryAt?: number;
  /** Cancelled: what the requests it had sent are still charged, and how many (main's job result). */
  spentUsd?: number;
  spentRequests?: number;
}
