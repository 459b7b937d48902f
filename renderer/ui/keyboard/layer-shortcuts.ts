/**
 * The Layers panel's shortcuts, as in Photoshop: Ctrl/⌘ J duplicates, Ctrl/⌘ E merges down, Alt+[ / ]
 * select the layer below / above, Ctrl/⌘ [ / ] move it down / up (with Shift: to the bottom / top),
 * Delete removes the selected layer. Part of the one table in
 * shortcuts.ts (spliced in at their place: the table's order decides which entry a key matches).
 */
import { useEditor } from '../../commands/store/store';
import { documentMaskEmpty } from '../../commands/mask-commands';
import {
  copyOriginalCmd,
  deleteLayerCmd,
  duplicateLayerCmd,
  layerViaCopyCmd,
  mergeDownCmd,
  moveLayerCmd,
} from '../../commands/layer-commands';
import { adjacentLayerId, mergeDownRefusal, ORIGINAL_ROW } from '../../model/layer-logic';
import { requestLayerRowFocus } from '../panels/layer-row-focus';
import { requestLayerSelect } from '../panels/layer-select-request';
import { inLayerRows, inOriginalRow, onOriginal, selectedLayer, targetLayer } from './layer-target';
import { deletedLayerHint, hintOnce, NO_PHOTO, noLayerHint, ORIGINAL_NOT_DELETED } from './shortcut-hints';
import type { Shortcut } from './shortcuts';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const s = () => useEditor.getState();
const staging = () => s().staging.items.length > 0 && !s().settingsOpen;

export const LAYER_SHORTCUTS: Shortcut[] = [
  {
    keys: 'Ctrl+J',
    label:
      'Duplicate the selected layer (the original selected: a copy of it as a new layer); with a mask, only the masked part (Layer via Copy)',
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyJ' && !s().settingsOpen,
    run: (e) => {
      // With no photo these said nothing (they did not match; Chromium's own Ctrl+J / Ctrl+E could run).
      if (!s().doc) return hintOnce(NO_PHOTO);
      // As Photoshop's Layer via Copy, a selection (the mask) copies only its part; it copied all.
      const masked = !documentMaskEmpty();
      // As Photoshop's Ctrl+J on the Background: a copy of the original as a new layer (it copied the selected kept layer).
      if (onOriginal(e)) {
        if (s().busy) return hintOnce(`Wait for “${s().busy}” to finish, then press Ctrl+J again.`);
        return void copyOriginalCmd(masked);
      }
      const id = targetLayer(e);
      if (!id) hintOnce(noLayerHint('duplicate'));
      else if (masked) layerViaCopyCmd(id);
      else duplicateLayerCmd(id);
    },
  },
  {
    keys: 'Ctrl+E',
    label: 'Merge the selected layer down',
    match: (e) => mod(e) && !e.shiftKey && !e.altKey && e.code === 'KeyE' && !s().settingsOpen,
    run: (e) => {
      if (!s().doc) return hintOnce(NO_PHOTO);
      const id = targetLayer(e);
      if (!id) return hintOnce(noLayerHint('merge down'));
      const refusal = mergeDownRefusal(s().doc!, id);
      if (refusal) s().notify('info', refusal);
      else if (!s().busy) {
        // From the panel the focus goes on to the merged row, as after a delete (its row went away with it).
        if (inLayerRows(e)) requestLayerRowFocus(e.target);
        void mergeDownCmd(id);
      }
    },
  },
  {
    // Photoshop's Select › Next/Previous Layer; ↑/↓ do it only with the focus on a layer row.
    keys: 'Alt+[ / Alt+]',
    label: 'Select the layer below / above',
    match: (e) =>
      !mod(e) &&
      e.altKey &&
      !e.shiftKey &&
      (e.code === 'BracketLeft' || e.code === 'BracketRight') &&
      !!s().doc?.layers.length &&
      !s().settingsOpen,
    run: (e) => {
      const layers = s().doc!.layers;
      const down = e.code === 'BracketLeft';
      // The original's row is the lowest: Alt+[ from the lowest layer selects it, Alt+] goes back up.
      if (s().selectedLayer === ORIGINAL_ROW) return down ? undefined : requestLayerSelect(layers[0].id);
      if (down && selectedLayer() === layers[0].id) return requestLayerSelect(ORIGINAL_ROW);
      const id = adjacentLayerId(layers, selectedLayer(), down ? -1 : 1);
      if (id) requestLayerSelect(id);
    },
  },
  {
    // Photoshop's Layer › Arrange: Send Backward / Bring Forward, with Shift Send to Back / Bring to Front.
    keys: 'Ctrl+[ / Ctrl+]',
    label: 'Move the selected layer down / up (with Shift: to the bottom / top)',
    match: (e) => mod(e) && !e.altKey && (e.code === 'BracketLeft' || e.code === 'BracketRight') && !!s().doc && !s().settingsOpen,
    run: (e) => {
      const id = targetLayer(e);
      if (!id) return hintOnce(noLayerHint('move'));
      const layers = s().doc!.layers;
      const from = layers.findIndex((l) => l.id === id);
      const up = e.code === 'BracketRight';
      const to = e.shiftKey ? (up ? layers.length - 1 : 0) : from + (up ? 1 : -1);
      if (to < 0 || to >= layers.length || to === from)
        return hintOnce(
          `“${layers[from].name}” is already the ${up ? 'top' : 'lowest'} layer (the original photo stays under all of them).`,
        );
      moveLayerCmd(id, to);
    },
  },
  {
    // As in Photoshop, where Delete removes the active layer when there is no selection. With the focus
    // outside the layer rows, a document mask (the selection) or staged candidates keep Delete's other
    // meanings (nothing; discard the candidate).
    keys: 'Delete / Backspace',
    label: 'Delete the selected layer (focus in its row, or no mask and no candidates)',
    match: (e) =>
      plain(e) &&
      !e.shiftKey &&
      (e.key === 'Delete' || e.key === 'Backspace') &&
      !!targetLayer(e) &&
      (inLayerRows(e) || (!staging() && documentMaskEmpty())),
    run: (e) => {
      const id = targetLayer(e)!;
      // From the panel the focus goes on to the row now in the deleted one's place, so a second Delete
      // works; from anywhere else the layer goes out of sight, and a message names it.
      if (inLayerRows(e)) requestLayerRowFocus(e.target);
      else hintOnce(deletedLayerHint(s().doc?.layers.find((l) => l.id === id)?.name ?? 'selected'));
      deleteLayerCmd(id);
    },
  },
  {
    // Where Delete would delete the selected layer, with the original's row selected: it is never
    // deleted, and says so (Photoshop refuses to delete a locked Background; here it did nothing).
    keys: 'Delete / Backspace',
    label: 'With the original selected: says it cannot be deleted',
    match: (e) =>
      plain(e) &&
      !e.shiftKey &&
      (e.key === 'Delete' || e.key === 'Backspace') &&
      onOriginal(e) &&
      (inOriginalRow(e) || (!staging() && documentMaskEmpty())),
    run: () => hintOnce(ORIGINAL_NOT_DELETED),
  },
];
