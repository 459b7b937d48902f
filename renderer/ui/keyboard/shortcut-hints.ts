/** What the shortcuts say when a key has nothing to do, or cannot act now, and how it is said. */
import { useEditor } from '../../commands/store/store';
import { ORIGINAL_ROW } from '../../model/layer-logic';

const s = () => useEditor.getState();

/** Said when Delete or Backspace is pressed with a document mask (Photoshop would fill or clear the selection). */
export const DELETE_WITH_MASK =
  'Delete does not fill the mask: Ctrl+Enter (Generate) or Shift+Backspace fills it — the offline engine is free — and Ctrl+D clears it. With no mask, Delete deletes the selected layer.';

/** Said when Delete is pressed with the original's row selected. */
export const ORIGINAL_NOT_DELETED =
  'The original photo is locked and never deleted: select a kept layer to delete it (Ctrl+J on the original copies it into a layer).';

/** Said when Ctrl+Shift+D is pressed with nothing to bring back. */
export const NOTHING_TO_RESELECT = 'Nothing to reselect: Ctrl+Shift+D brings back the mask that the last Keep or Clear took away.';

/**
 * Said when a key that needs a photo (Ctrl+S, Ctrl+Shift+S, Ctrl+Shift+Alt+S, Ctrl+J, Ctrl+E, C) is
 * pressed with none open: the words Generate (Ctrl+Enter) says then. Those keys did nothing and said nothing.
 */
export const NO_PHOTO = 'Open a photo first';

/** Said when Ctrl+A (mask everything) is pressed with no photo open. */
export const NOTHING_TO_SELECT_ALL = 'No photo is open: nothing to mask. Open one (Ctrl+O), then Ctrl+A masks all of it.';

/**
 * Said when Delete, pressed away from the Layers panel with no mask, deletes the selected layer (as in
 * Photoshop): a kept, paid result went with only "Last: Delete layer" in the status bar to say so.
 */
export const deletedLayerHint = (name: string) =>
  `Deleted the layer “${name}” (Delete with no mask deletes the selected layer). Ctrl+Z brings it back.`;

/** Said when Ctrl+J, Ctrl+E or Ctrl+[ / ] is pressed with no layer to act on. */
export function noLayerHint(what: 'duplicate' | 'merge down' | 'move'): string {
  if (s().selectedLayer === ORIGINAL_ROW)
    return `The original is selected, and it is locked: nothing to ${what}. Click a kept layer first.`;
  return s().doc?.layers.length
    ? `No layer is selected: nothing to ${what}. Click a layer in the Layers panel first.`
    : `There are no layers: nothing to ${what}. Keep a candidate as a layer first.`;
}

/**
 * A hint in the status toasts, once while it is showing: the store's `notify` does not stack the same
 * words (a repeated key moves the one copy last, with its full time).
 */
export const hintOnce = (message: string): void => s().notify('info', message);

/** Said when a shortcut other than a zoom key is pressed while a polygon is being placed. */
export const POLYGON_OPEN = 'A lasso polygon is open: Enter or a double-click closes it, Backspace removes its last point, Esc cancels it.';

/** The hints already said this session, by key (hintOncePerSession). */
const saidThisSession = new Set<string>();

/**
 * A hint said once per session for `id` (a Photoshop key that means something else here, Tab's
 * "panels hidden"): the first press tells what Maskwork does instead, later presses are quiet.
 * Returns whether it was said.
 */
export function hintOncePerSession(id: string, message: string): boolean {
  if (saidThisSession.has(id)) return false;
  saidThisSession.add(id);
  hintOnce(message);
  return true;
}
