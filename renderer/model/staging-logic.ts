/**
 * Staging as a pure reducer: candidates from any number of jobs and models side by side, one of
 * them selected (drawn on the stage). Nothing here touches the document.
 */
import type { Rect } from '../../shared/geometry';
import type { CandidateResult } from '../../shared/ipc/contract-types';
import type { LineageStep } from '../../shared/document/schema';
import type { DocState } from './document-types';

export interface StagedCandidate {
  /** Unique in the session: `${jobId}:${index}`. */
  key: string;
  jobId: string;
  /** Document the job ran on; when another document is open its candidates wait (parked) for it. */
  docId: string;
  /** The document state (history step) it was made for; it is staged only over that state (staging-history.ts). */
  at?: DocState;
  index: number;
  /** Model value sent to `edit:start` (catalog id or gateway value). */
  model: string;
  modelName: string;
  prompt: string;
  /** Asset id of the patch in main; its bitmap is in the blob store under the same id. */
  assetId: string;
  region: Rect;
  requestSize: { width: number; height: number };
  costUsd: number;
  seconds: number;
  requestId?: string;
  /** The offline engine's seed of this candidate (typed into the seed field, it repeats it). */
  seed?: number;
  createdAt: number;
  /** Canvas size the candidate was generated for; keeping it on another size is refused. */
  canvas?: { width: number; height: number };
  /** What the offline OCR read in the candidate's edited area (edits that ask for text). */
  textCheck?: CandidateResult['textCheck'];
  /** "Refine with…": the candidates this one was refined from, oldest first. */
  lineage?: LineageStep[];
  /** An outpaint's candidate: the part that was known, which it fades into (kept as the layer's `extension`). */
  extension?: { known: Rect };
}

export interface StagingState {
  items: StagedCandidate[];
  /** Index into `items`; -1 when empty. */
  selected: number;
}

export const EMPTY_STAGING: StagingState = { items: [], selected: -1 };

export interface AddOptions {
  rankByText?: boolean;
  /**
   * Leave the selection on the candidate it is on: the later models of one "several models at
   * once" run. Their answers used to move it, so the candidate on screen changed while it was being
   * judged, and an Enter at that moment kept another one.
   */
  keepSelected?: boolean;
}

/** Appends candidates (skipping keys already staged) and selects the first new one (or keeps the selection). */
export function addCandidates(state: StagingState, cands: readonly StagedCandidate[], opts: AddOptions = {}): StagingState {
  const known = new Set(state.items.map((c) => c.key));
  const fresh = cands.filter((c) => !known.has(c.key));
  if (!fresh.length) return state;
  const was = opts.keepSelected ? state.items[state.selected]?.key : undefined;
  let items = [...state.items, ...fresh];
  let selected = state.items.length;
  if (opts.rankByText && fresh.some((c) => c.textCheck)) {
    // Several jobs' candidates arriving one job at a time (several models at once, a refine): the
    // spelled-right ones go first, as one job's are ranked in main; the new ones' best is selected.
    const ranked = items.map((c, i) => ({ c, i })).sort((a, b) => textRank(a.c) - textRank(b.c) || a.i - b.i);
    selected = ranked.findIndex(({ c }) => fresh.includes(c));
    items = ranked.map(({ c }) => c);
  }
  if (was !== undefined) selected = items.findIndex((c) => c.key === was);
  return { items, selected };
}

/** Right, unsure, wrong, then candidates whose text was not checked. */
function textRank(c: StagedCandidate): number {
  const status = c.textCheck?.status;
  return status === 'right' ? 0 : status === 'unsure' ? 1 : status === 'wrong' ? 2 : 3;
}

export function selectCandidate(state: StagingState, index: number): StagingState {
  if (index < 0 || index >= state.items.length || index === state.selected) return state;
  return { ...state, selected: index };
}

/** ←/→: previous/next candidate, wrapping around. */
export function flipCandidate(state: StagingState, dir: 1 | -1): StagingState {
  const n = state.items.length;
  if (n < 2) return state;
  const from = Math.max(0, state.selected);
  return { ...state, selected: (from + dir + n) % n };
}

/** Removes one candidate; the selection stays on the same item or moves to its neighbour. */
export function removeCandidate(state: StagingState, key: string): StagingState {
  const at = state.items.findIndex((c) => c.key === key);
  if (at < 0) return state;
  const items = state.items.filter((_, i) => i !== at);
  if (!items.length) return EMPTY_STAGING;
  let selected = state.selected;
  if (at < selected) selected--;
  else if (at === selected) selected = Math.min(selected, items.length - 1);
  return { items, selected: Math.max(0, selected) };
}

export function selectedCandidate(state: StagingState): StagedCandidate | null {
  return state.items[state.selected] ?? null;
}

/** Candidates kept for documents that are not open (by document id), so nothing paid for is lost. */
export type Parked = Readonly<Record<string, readonly StagedCandidate[]>>;

/** `parked` with `cands` added under their documents (keys already parked are skipped). */
export function parkCandidates(parked: Parked, cands: readonly StagedCandidate[]): Parked {
  const next: Record<string, readonly StagedCandidate[]> = { ...parked };
  for (const c of cands) {
    const list = next[c.docId] ?? [];
    if (!list.some((x) => x.key === c.key)) next[c.docId] = [...list, c];
  }
  return next;
}

/** Takes the candidates parked for `docId` out of `parked`. */
export function takeParked(parked: Parked, docId: string): { parked: Parked; cands: readonly StagedCandidate[] } {
  const cands = parked[docId] ?? [];
  if (!cands.length) return { parked, cands };
  const next = { ...parked };
  delete next[docId];
  return { parked: next, cands };
}

type Box = { x: number; y: number; width: number; height: number };

/** Where a candidate's extension's known part lies in the canvas (absolute), or undefined. */
export function knownOnCanvas(c: Pick<StagedCandidate, 'region' | 'extension'>): Box | undefined {
  if (!c.extension) return undefined;
  const k = c.extension.known;
  return { x: c.region.x + k.x, y: c.region.y + k.y, width: k.width, height: k.height };
}

/**
 * A refined outpaint candidate is an extension too: it was made over the same mask, the draft's
 * extension, so it is opaque where the draft was generated and clear over the part that was known.
 * Without it, a kept refinement counted as an ordinary layer: the next extension's plan ignored it
 * and filled the whole canvas again, over it. `known` is the draft's known part on the canvas; the
 * refined candidate's extension is that part in its own region's coordinates (none when the region
 * does not contain it).
 */
export function refinedExtension(region: Box, known: Box | undefined): { known: Box } | undefined {
  if (!known) return undefined;
  const inside =
    known.x >= region.x &&
    known.y >= region.y &&
    known.x + known.width <= region.x + region.width &&
    known.y + known.height <= region.y + region.height;
  return inside ? { known: { x: known.x - region.x, y: known.y - region.y, width: known.width, height: known.height } } : undefined;
}
