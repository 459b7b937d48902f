/**
 * Staged candidates (side by side, across jobs and models) and the before/after compare state.
 * Not the document: staging, flipping and discarding never enter history. The transitions are the
 * pure reducer in generate/staging-logic.ts.
 */
import type { StateCreator } from 'zustand';
import {
  EMPTY_STAGING,
  addCandidates,
  flipCandidate,
  removeCandidate,
  selectCandidate,
  type StagedCandidate,
  type StagingState,
} from '../generate/staging-logic';
import type { EditorStore } from './store';

export interface CompareState {
  /** `Y` held down: show the photo without the candidate. */
  held: boolean;
  /** The Compare toggle button: same as holding `Y`. */
  toggled: boolean;
  /** 0..100: how much of the candidate's region, from the left, shows the candidate. */
  reveal: number;
}

export interface StagingSlice {
  staging: StagingState;
  compare: CompareState;
  stageCandidates(cands: StagedCandidate[]): void;
  selectStaged(index: number): void;
  flipStaged(dir: 1 | -1): void;
  unstage(key: string): void;
  clearStaging(): void;
  setCompare(patch: Partial<CompareState>): void;
}

const DEFAULT_COMPARE: CompareState = { held: false, toggled: false, reveal: 100 };

export const createStagingSlice: StateCreator<EditorStore, [], [], StagingSlice> = (set, get) => ({
  staging: EMPTY_STAGING,
  compare: DEFAULT_COMPARE,
  stageCandidates: (cands) => set({ staging: addCandidates(get().staging, cands) }),
  selectStaged: (index) => set({ staging: selectCandidate(get().staging, index) }),
  flipStaged: (dir) => set({ staging: flipCandidate(get().staging, dir) }),
  unstage(key) {
    const staging = removeCandidate(get().staging, key);
    set(staging.items.length ? { staging } : { staging, compare: DEFAULT_COMPARE });
  },
  clearStaging: () => set({ staging: EMPTY_STAGING, compare: DEFAULT_COMPARE }),
  setCompare(patch) {
    const c = { ...get().compare, ...patch };
    c.reveal = Math.min(100, Math.max(0, Math.round(c.reveal)));
    set({ compare: c });
  },
});
