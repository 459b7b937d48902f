/**
 * The staging strip follows the undo history. Candidates are paid for, and they belong to the
 * document state they were staged on: undo and redo move them with it instead of leaving them over a
 * state they were not made for, and nothing a step closed is lost.
 *
 * - Keep (Enter) closes the strip: undoing that Keep brings it back as it was (the kept candidate
 *   selected), redoing it closes it again.
 * - Undoing the step the strip was opened on (the stroke under the candidates, the extension they
 *   fill) puts the strip away with it: it no longer offers a candidate over a document it was not
 *   made for (where Keep would drop the redo steps). Redo brings it back; so does undoing back to it
 *   from later steps.
 * - Discard and Discard all (Esc) are not document steps, but the next Ctrl/⌘ Z brings back what
 *   they discarded, as long as the document has not changed since (`undoStep`).
 *
 * At most {@link MAX_STASHES} strips are held (their patch bytes too, so they can be drawn again);
 * older ones, and those of states no longer in the history, are let go.
 */
import type { DocState } from '../model/document-types';
import type { StagedCandidate } from '../model/staging-logic';
import { releasePatch } from './candidate-assets';
import { useEditor, type EditorStore } from './store/store';

/** A strip put away at document state `at`. */
interface Stash {
  at: DocState;
  items: StagedCandidate[];
  selected: number;
  /** The step that closed it (Keep): the state it led to. */
  closedBy?: { after: DocState };
}

export const MAX_STASHES = 4;

let stashes: Stash[] = [];
/** The document state the strip was opened on (null while it is empty). */
let openedAt: DocState | null = null;

const st = () => useEditor.getState();

function stashAt(doc: DocState): Stash | undefined {
  return stashes.find((x) => x.at === doc);
}

function put(s: Stash): void {
  stashes = [...stashes.filter((x) => x.at !== s.at), s];
  while (stashes.length > MAX_STASHES) release(stashes.shift()!.items);
}

/** Lets go of the patch bytes of `items`, except candidates still held (staged, discarded or put away). */
function release(items: readonly StagedCandidate[]): void {
  const s = st();
  const held = new Set<string>();
  for (const c of s.staging.items) held.add(c.assetId);
  for (const c of s.discarded?.items ?? []) held.add(c.assetId);
  for (const x of stashes) for (const c of x.items) held.add(c.assetId);
  for (const c of items) if (!held.has(c.assetId)) releasePatch(c.assetId);
}

/**
 * The strip was closed by a step (Keep) from `before` to `after`: undoing that step brings `items`
 * back (`selected` selected); redoing it closes the strip again.
 */
export function rememberClosed(before: DocState, after: DocState, items: StagedCandidate[], selected: number): void {
  put({ at: before, items, selected, closedBy: { after } });
}

const sameKeys = (a: readonly StagedCandidate[], b: readonly StagedCandidate[]) =>
  a.length === b.length && a.every((c, i) => c.key === b[i].key);

function show(items: StagedCandidate[], selected: number): void {
  const s = st();
  s.clearStaging();
  if (!items.length) return;
  s.stageCandidates(items);
  st().selectStaged(Math.min(selected, items.length - 1));
}

/** Drops the stashes of document states no longer in the history (a new step dropped the redo steps). */
function prune(s: EditorStore): void {
  const live = new Set<DocState>([...s.past.map((p) => p.doc), ...s.future.map((f) => f.doc)]);
  if (s.doc) live.add(s.doc);
  const dropped = stashes.filter((x) => !live.has(x.at));
  if (!dropped.length) return;
  stashes = stashes.filter((x) => live.has(x.at));
  release(dropped.flatMap((x) => x.items));
}

function onUndo(from: DocState, to: DocState): void {
  const s = st();
  const x = stashAt(to);
  // Undoing the step that closed the strip, while it is still closed: the strip comes back.
  if (x?.closedBy?.after === from && !s.staging.items.length) {
    show(x.items, x.selected);
    return;
  }
  // Undoing the step the strip was opened on: the strip goes with it.
  if (s.staging.items.length && openedAt === from) {
    put({ ...stashAt(from), at: from, items: s.staging.items, selected: s.staging.selected });
    s.clearStaging();
  }
  if (x && !st().staging.items.length && !x.closedBy) show(x.items, x.selected);
}

function onRedo(from: DocState, to: DocState): void {
  const s = st();
  const x = stashAt(from);
  // Redoing the step that closed the strip: it closes again (its selection remembered).
  if (x?.closedBy?.after === to && sameKeys(s.staging.items, x.items)) {
    put({ ...x, selected: s.staging.selected });
    s.clearStaging();
    return;
  }
  const y = stashAt(to);
  if (y && !s.staging.items.length) show(y.items, y.selected);
}

/** Watches the history; returns the unsubscribe. */
export function installStagingHistory(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.staging.items.length === 0) openedAt = null;
    else if (prev.staging.items.length === 0 || !openedAt) openedAt = s.doc;
    if (s.doc === prev.doc || !s.doc || !prev.doc) return;
    // Anything the document does drops what Discard kept for Ctrl/⌘ Z.
    if (s.discarded) dropDiscarded();
    const undone = s.future[0]?.doc === prev.doc;
    const redone = !undone && s.past.at(-1)?.doc === prev.doc && prev.future[0]?.doc === s.doc;
    if (undone) onUndo(prev.doc, s.doc);
    else if (redone) onRedo(prev.doc, s.doc);
    else prune(st());
  });
}

/**
 * Keeps the strip as it is now for Ctrl/⌘ Z, before a Discard or Discard all (Esc) changes it.
 * What an earlier discard kept is let go.
 */
export function rememberDiscarded(): void {
  const s = st();
  if (!s.doc || !s.staging.items.length) return;
  const before = s.discarded;
  s.setDiscarded({ doc: s.doc, items: s.staging.items, selected: s.staging.selected });
  if (before) release(before.items);
}

function dropDiscarded(): void {
  const d = st().discarded;
  st().setDiscarded(null);
  if (d) release(d.items);
}

/** What Ctrl/⌘ Z does: bring back the candidates just discarded, else undo a document step. */
export function undoStep(): void {
  const s = st();
  const d = s.discarded;
  if (d && d.doc === s.doc) {
    const extra = s.staging.items.filter((c) => !d.items.some((k) => k.key === c.key));
    s.setDiscarded(null);
    show([...d.items, ...extra], d.selected);
    return;
  }
  s.undo();
}

/** Whether `undoStep` has something to do. */
export function canUndoStep(s: Pick<EditorStore, 'discarded' | 'doc' | 'past'>): boolean {
  return (!!s.discarded && s.discarded.doc === s.doc) || s.past.length > 0;
}

/** For tests: how many strips are held. */
export function stashCount(): number {
  return stashes.length;
}
