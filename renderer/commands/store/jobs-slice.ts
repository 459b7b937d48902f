/**
 * Generation state that is NOT the document: the Generate settings, the running job and its
 * progress, key status and gateways (never keys), retry offers after a refusal, and what this
 * session spent per document. Never part of history; pixels never live here (previews are object
 * URLs, candidates are asset ids).
 */
import { DEFAULT_TEXT_CHECK, type TextCheckSettings } from '../../model/text-check-request';
import type { StateCreator } from 'zustand';
import type { KeyStatus, ProviderSettings, SpendSummary } from '../../../shared/ipc/contract-types';
import type { GeminiImageSize, Quality } from '../../../shared/models';
import type { AppPrefs } from '../../../shared/prefs/app-prefs';
import type { LineageStep } from '../../../shared/document/schema';
import type { EditorStore } from './store';
import type { DocState } from '../../model/document-types';

import type { JobState, MultiEntryState } from '../../model/job-state';
export type { JobKind, JobState, MultiEntryState } from '../../model/job-state';

export interface ReferenceImage {
  assetId: string;
  name: string;
  width: number;
  height: number;
  /** Object URL of the display bytes, for the thumbnail. */
  thumbUrl: string;
}

export interface GenSettings {
  prompt: string;
  model: string;
  /** Set once the user picks a model, so loading key status no longer changes it. */
  modelChosen: boolean;
  n: number;
  quality: Quality;
  /** Gemini tier; undefined = chosen by the planner. */
  imageSize?: GeminiImageSize;
  featherPx: number;
  /**
   * Grow the mask by `growPx` before sending, so a tight mask around an object leaves no halo.
   * null = the model's default (on for the offline engine, which removes things; off for cloud).
   */
  grow: boolean | null;
  growPx: number;
  colorMatch: boolean;
  references: ReferenceImage[];
  /** Text check: the Text field and "retry until the text is right" (model/text-check-request.ts). */
  textCheck: TextCheckSettings;
  /** The prompt preset last applied (Auto's draft rule reads it), or null. */
  presetId: string | null;
  /** Seed of the first candidate, for models that take one (the offline engine); undefined = random. */
  seed?: number;
  /** "Ask several models at once": on/off and candidates per model value (0 = not asked). */
  multiOn: boolean;
  multi: Record<string, number>;
  /**
   * "Refine with…": the model last picked there or refined with; it stays (while usable) until another
   * is picked. Undefined until then: the strongest model other than the candidate's is shown.
   */
  refineModel?: string;
}

/** A Generate that asked several models at once: one entry per model, each its own job in main. */
export interface MultiRun {
  id: number;
  docId: string;
  /** The document state the run was made for: its candidates are staged only over it (staging-history.ts). */
  at?: DocState;
  canvas: { width: number; height: number };
  prompt: string;
  startedAt: number;
  entries: MultiEntryState[];
  /** "Refine with…": the candidates the result is refined from (copied onto its candidates). */
  lineage?: LineageStep[];
  /** "Refine with…" on an outpaint's candidate: its known part on the canvas (its result is an extension too). */
  extensionKnown?: { x: number; y: number; width: number; height: number };
}

export interface RetryOffer {
  refusedModel: string;
  models: { value: string; name: string }[];
}

export interface JobsSlice {
  job: JobState | null;
  gen: GenSettings;
  keyStatus: KeyStatus[];
  providerSettings: ProviderSettings;
  settingsOpen: boolean;
  /** Moderation refusals: toast id → the models the same request can be retried on. */
  retryOffers: Record<number, RetryOffer>;
  /** USD received in candidates this session, by document id (kept or not). */
  spentUsd: Record<string, number>;
  /** The app's ledger (main): spent today / this month across documents; null until loaded. */
  spend: SpendSummary | null;
  /** The user's app settings kept by main (routing rules, learned latencies, prompt history, presets); null until loaded. */
  prefs: AppPrefs | null;
  setPrefs(prefs: AppPrefs): void;
  /** The last several-models Generate (running or finished), or null. */
  multiRun: MultiRun | null;
  setMultiRun(run: MultiRun | null): void;
  /** Updates one entry of the current several-models run (ignored for another run). */
  patchMultiEntry(runId: number, model: string, patch: Partial<MultiEntryState>): void;
  setSpend(spend: SpendSummary): void;
  setJob(job: JobState | null): void;
  /** Updates the running job if it is still `jobId` (late events of an old job are ignored). */
  patchJob(jobId: string | null, patch: Partial<JobState>): void;
  setGen(patch: Partial<GenSettings>): void;
  setProviderInfo(info: { keyStatus?: KeyStatus[]; providerSettings?: ProviderSettings }): void;
  setSettingsOpen(open: boolean): void;
  setRetryOffer(toastId: number, offer: RetryOffer | null): void;
  addSpend(docId: string, usd: number): void;
}

export const DEFAULT_GEN: GenSettings = {
  prompt: '',
  model: 'local',
  modelChosen: false,
  n: 1,
  quality: 'medium',
  imageSize: undefined,
  featherPx: 12,
  grow: null,
  growPx: 6,
  colorMatch: true,
  references: [],
  textCheck: DEFAULT_TEXT_CHECK,
  presetId: null,
  multiOn: false,
  multi: {},
};

export const createJobsSlice: StateCreator<EditorStore, [], [], JobsSlice> = (set, get) => ({
  job: null,
  gen: DEFAULT_GEN,
  keyStatus: [],
  providerSettings: { gateways: [], secureStorageAvailable: true },
  settingsOpen: false,
  retryOffers: {},
  spentUsd: {},
  spend: null,
  prefs: null,
  setPrefs: (prefs) => set({ prefs }),
  multiRun: null,
  setMultiRun: (multiRun) => set({ multiRun }),
  patchMultiEntry(runId, model, patch) {
    const run = get().multiRun;
    if (!run || run.id !== runId) return;
    set({ multiRun: { ...run, entries: run.entries.map((e) => (e.model === model ? { ...e, ...patch } : e)) } });
  },
  setSpend: (spend) => set({ spend }),
  setJob: (job) => set({ job }),
  patchJob(jobId, patch) {
    const job = get().job;
    if (job && job.jobId === jobId) set({ job: { ...job, ...patch } });
  },
  setGen: (patch) => set({ gen: { ...get().gen, ...patch } }),
  setProviderInfo: (info) => set(info),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setRetryOffer(toastId, offer) {
    const next = { ...get().retryOffers };
    if (offer) next[toastId] = offer;
    else delete next[toastId];
    set({ retryOffers: next });
  },
  addSpend(docId, usd) {
    if (!usd) return;
    const spent = get().spentUsd;
    set({ spentUsd: { ...spent, [docId]: Math.round(((spent[docId] ?? 0) + usd) * 1e6) / 1e6 } });
  },
});
