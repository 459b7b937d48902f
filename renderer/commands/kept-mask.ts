/**
 * The mask Keep as layer leaves in place. Keep clears the mask (the area is done); Keep as layer
 * leaves it, so more candidates of it can be kept or refined. With Add chosen in the options bar (the
 * default until 2026-12-06; New is now, as in Photoshop), a rectangle drawn elsewhere next grew the next
 * request over the area just kept, and regenerated it over the new layer. As long as the mask is still
 * the one Keep as layer left, a selection made without a modifier starts a new mask instead, as a new selection does in Photoshop;
 * Shift adds to it, Alt subtracts, and Ctrl/⌘ Z brings it back. What happened to the kept layer since
 * does not matter (merged down with Ctrl+E it is another layer, and the mask is as spent).
 */
import type { DocState } from '../model/document-types';
import { NEW_AFTER_KEEP_AS_LAYER } from './painted-mask';
import type { SelectionMode } from './store/tools-slice';
import { useEditor } from './store/store';

export { NEW_AFTER_KEEP_AS_LAYER };

let left: { docId: string; maskId: string } | null = null;
/** The kept mask a selection was turned into a new one over (said once that selection is made). */
let turned: string | null = null;
let version = 0;
const watchers = new Set<() => void>();

function changed(): void {
  version++;
  for (const w of watchers) w();
}

/** For `useSyncExternalStore`: told whenever the remembered mask changes (the options bar shows it). */
export function watchKeptMask(onChange: () => void): () => void {
  watchers.add(onChange);
  return () => watchers.delete(onChange);
}

/** Changes whenever {@link watchKeptMask} tells. */
export function keptMaskVersion(): number {
  return version;
}

/** Called by Keep as layer once the candidate is a layer of `doc`, whose mask stays. */
export function rememberKeptAsLayer(doc: DocState): void {
  left = { docId: doc.id, maskId: doc.maskId };
  turned = null;
  changed();
}

/**
 * Keep (which clears the mask, and whose Reselect brings it back on purpose) ends it; so does a
 * click on Add in the options bar (the user asks to add to the mask that is there).
 */
export function forgetKeptAsLayer(): void {
  turned = null;
  if (!left) return;
  left = null;
  changed();
}

/** `doc`'s mask is still the one Keep as layer left. */
export function maskLeftByKeepAsLayer(doc: DocState | null | undefined): boolean {
  return !!doc && !!left && doc.id === left.docId && doc.maskId === left.maskId;
}

/**
 * The mode a selection combines with the mask by: `mode` (the options bar's, or Shift/Alt's), except
 * that Add (chosen in the options bar) starts a new mask over the mask Keep as layer left (said in a
 * toast once the selection is made: {@link noteNewOverKept}). `shift`: Shift was held, so Add was asked for.
 */
export function selectionModeOver(mode: SelectionMode, shift: boolean): SelectionMode {
  const doc = useEditor.getState().doc;
  turned = null; // each selection asks anew (one cancelled before it was made says nothing later)
  if (mode !== 'add' || shift || !maskLeftByKeepAsLayer(doc)) return mode;
  turned = doc?.maskId ?? null;
  return 'replace';
}

/**
 * Called once a new selection replaced the mask `replacedId`: if it was the kept mask Add was turned
 * into New over, says so. Said after the step, as the next step takes it away ("Ctrl+Z brings it back"
 * is true only while the selection is the last step: document-slice's commit); it was said before the
 * step and stayed up over the next ones.
 */
export function noteNewOverKept(replacedId: string | undefined): void {
  if (!turned || turned !== replacedId) return;
  turned = null;
  useEditor.getState().notify('info', NEW_AFTER_KEEP_AS_LAYER); // the store shows the same words once
}
