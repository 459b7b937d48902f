/**
 * Staged candidates (side by side, across jobs and models) and the before/after compare state.
 * Not the document: staging, flipping and discarding never enter history. The transitions are the
 * pure reducer in model/staging-logic.ts.
 */
import type { StateCreator } from 'zustand';
import {
  EMPTY_STAGING,
  addCandidates,
  flipCandidate,
  parkCandidates,
  removeCandidate,
  takeParked,
  type Parked,
  selectCandidate,
  type StagedCandidate,
  type StagingState,
  type AddOptions,
} from '../../model/staging-logic';
import type { EditorStore } from './store';
import type { DocState } from '../../model/document-types';

/** The strip as it was before a Discard or Discard all, on document state `doc` (Ctrl/⌘ Z brings it back). */
export interface Discarded {
  doc: DocState;
  items: StagedCandidate[];
  selected: number;
  /** The discard before this one (Ctrl/⌘ Z brings it back next). */
  prev?: Discarded | null;
}

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
  /** Candidates of documents that are not open, kept until the document comes back (undo). */
  parked: Parked;
  /** What the last Discard or Discard all took from the strip, until the document changes (staging-history.ts). */
  discarded: Discarded | null;
  setDiscarded(d: Discarded | null): void;
  /** Moves candidates of a document that is not open out of sight (kept, not discarded). */
  park(cands: StagedCandidate[]): void;
  /** Moves the staging strip's candidates to the parking (another document was opened). */
  parkStaging(): void;
  /** Stages what was parked for `docId` (it is open again). */
  unpark(docId: string): void;
  /** Adds candidates and selects the first of them (`rankByText`: spelled-right first across jobs). */
  stageCandidates(cands: StagedCandidate[], opts?: AddOptions): void;
  selectStaged(index: number): void;
  flipStaged(dir: 1 | -1): void;
  unstage(key: string): void;
  clearStaging(): void;
  setCompare(patch: Partial<CompareState>): void;
  /** The compare view: closed (0), or 2-up / 4-up at full size. */
  comparePanes: 0 | 2 | 4;
  setComparePanes(n: 0 | 2 | 4): void;
}

const DEFAULT_COMPARE: CompareState = { held: false, toggled: false, reveal: 100 };

export const createStagingSlice: StateCreator<EditorStore, [], [], StagingSlice> = (set, get) => ({
  staging: EMPTY_STAGING,
  compare: DEFAULT_COMPARE,
  comparePanes: 0,
  setComparePanes: (comparePanes) => set({ comparePanes }),
  parked: {},
  discarded: null,
  setDiscarded: (discarded) => set({ discarded }),
  park: (cands) => set({ parked: parkCandidates(get().parked, cands) }),
  parkStaging() {
    const items = get().staging.items;
    if (items.length) set({ parked: parkCandidates(get().parked, items), staging: EMPTY_STAGING, compare: DEFAULT_COMPARE });
  },
  unpark(docId) {
    const { parked, cands } = takeParked(get().parked, docId);
    // Only candidates made for a state this history holds (the same document opened again is a new history).
    const { doc, past, future } = get();
    const live = new Set([doc, ...past.map((p) => p.doc), ...future.map((f) => f.doc)]);
    const back = cands.filter((c) => !c.at || live.has(c.at));
    if (cands.length) set({ parked, staging: addCandidates(get().staging, back) });
  },
  stageCandidates: (cands, opts) => set({ staging: addCandidates(get().staging, cands, opts) }),
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
