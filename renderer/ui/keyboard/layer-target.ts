/** Which layer the layer shortcuts act on (Ctrl+J, Ctrl+E, Delete, Alt+[ / Alt+]). */
import { useEditor } from '../../commands/store/store';
import { ORIGINAL_ROW } from '../../model/layer-logic';

const s = () => useEditor.getState();
/** The Layers panel's selected layer, while it is a layer of the open document. */
export const selectedLayer = () => {
  const id = s().selectedLayer;
  return id && s().doc?.layers.some((l) => l.id === id) && !s().settingsOpen ? id : null;
};
/**
 * Focus is on a button of a kept layer's row in the Layers panel or of the selected layer's actions
 * below the list (fields there own their keys; see field-focus.ts). Duck-typed: the table is also
 * loaded in Node tests.
 */
type Closest = { closest?: (sel: string) => { getAttribute?(name: string): string | null } | null };
export const inLayerRows = (e: KeyboardEvent) =>
  !!(e.target as Closest | null)?.closest?.('.layers-panel li[data-patch], .layers-panel .layer-actions');
/**
 * The layer the layer keys act on: with the focus on a kept layer's row, that row's layer (the panel
 * selects a row as the focus enters it, so this is the selected layer too); else the selected layer.
 */
export const targetLayer = (e: KeyboardEvent) => {
  const id = (e.target as Closest | null)?.closest?.('.layers-panel li[data-patch]')?.getAttribute?.('data-layer');
  return id && s().doc?.layers.some((l) => l.id === id) && !s().settingsOpen ? id : selectedLayer();
};

/** Focus is on a button of the original's row in the Layers panel. */
export const inOriginalRow = (e: KeyboardEvent) =>
  !!(e.target as Closest | null)?.closest?.(`.layers-panel li[data-layer="${ORIGINAL_ROW}"]`);

/**
 * The layer keys act on the original: the focus is on its row, or it is the panel's selection and the
 * focus is not on a kept layer's row.
 */
export const onOriginal = (e: KeyboardEvent) => {
  if (!s().doc || s().settingsOpen) return false;
  const t = e.target as Closest | null;
  if (inOriginalRow(e)) return true;
  return !t?.closest?.('.layers-panel li[data-patch]') && s().selectedLayer === ORIGINAL_ROW;
};
