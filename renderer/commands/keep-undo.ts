/**
 * Keep (Enter) closes the staging strip, and with it the candidates not kept — paid for like the
 * kept one. Undoing that Keep brings them back: the strip as it was, the kept candidate selected, so
 * another can be kept instead. Only the last Keep's candidates are held (their patch bytes too, so
 * they can be drawn again); a later Keep lets the earlier ones go. Redoing the Keep closes the strip
 * again, as the Keep did, and a second undo brings it back again.
 */
import type { DocState } from '../model/document-types';
import type { StagedCandidate } from '../model/staging-logic';
import { releasePatch } from './candidate-assets';
import { useEditor } from './store/store';

interface Closed {
  /** The document right after the Keep: undoing from it brings the candidates back. */
  after: DocState;
  items: StagedCandidate[];
  selected: number;
}

let closed: Closed | null = null;
/** The strip an undo brought back, with the document before the Keep: redoing the Keep closes it. */
let reopened: (Closed & { before: DocState }) | null = null;

/** Keep closed the strip: remember its candidates (the previous Keep's are let go). */
export function rememberClosedByKeep(after: DocState, items: StagedCandidate[], selected: number): void {
  const previous = closed;
  closed = { after, items, selected };
  reopened = null;
  if (previous) for (const c of previous.items) if (!items.includes(c)) releasePatch(c.assetId);
}

/**
 * Watches undo: when the document steps back from the state right after the Keep to the one before
 * it and the strip is empty, the strip comes back as it was.
 */
export function installKeepUndo(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (reopened && s.doc !== prev.doc) {
      const r = reopened;
      reopened = null;
      // Redo of the Keep, with the strip still showing the candidates the undo brought back.
      if (prev.doc === r.before && s.doc === r.after && sameItems(s.staging.items, r.items)) {
        const selected = s.staging.selected;
        s.clearStaging();
        closed = { after: r.after, items: r.items, selected };
        return;
      }
    }
    if (!closed || s.doc === prev.doc || prev.doc !== closed.after) return;
    if (s.future[0]?.doc !== closed.after || s.staging.items.length) return;
    const { items, selected } = closed;
    closed = null;
    s.stageCandidates(items);
    useEditor.getState().selectStaged(selected);
    reopened = { after: prev.doc!, before: s.doc!, items: useEditor.getState().staging.items, selected };
  });
}

function sameItems(a: StagedCandidate[], b: StagedCandidate[]): boolean {
  return a.length === b.length && a.every((c, i) => c.key === b[i].key);
}
