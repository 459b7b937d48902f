/**
 * Below the layer list, for the selected layer, in one row out of the list's scrolling (always in
 * sight, as Photoshop's Layers panel buttons): Rename (the name turns into a field in its row, as a
 * double-click does), Duplicate, Merge down, Remove layer mask. Its opacity is on the panel's heading
 * line (LayerOpacity.tsx).
 */

import { layerHasMask, type PatchLayer } from '../../../shared/document/schema';
import { duplicateLayerCmd, mergeDownCmd, removeLayerMaskCmd } from '../../commands/layer-commands';
import { mergeDownRefusal } from '../../model/layer-logic';
import { useEditor } from '../../commands/store/store';
import { requestLayerRowFocus } from './layer-row-focus';

export function LayerActions({ layer, renaming, onRename }: { layer: PatchLayer; renaming: boolean; onRename(): void }) {
  const doc = useEditor((s) => s.doc);
  const busy = useEditor((s) => s.busy);
  const mergeRefusal = doc ? mergeDownRefusal(doc, layer.id) : 'No document.';
  return (
    <fieldset className="layer-actions" aria-label={`Selected layer: ${layer.name}`}>
      <div className="row">
        <button
          type="button"
          disabled={renaming}
          aria-label={`Rename layer ${layer.name}`}
          title="Rename (or double-click the name)"
          onClick={onRename}
        >
          Rename
        </button>
        <button type="button" onClick={() => duplicateLayerCmd(layer.id)} title="A copy of this layer right above it (undoable)">
          Duplicate
        </button>
        <button
          type="button"
          disabled={!!mergeRefusal || !!busy}
          onClick={() => {
            // The merged layer's row takes the focus (these actions are made again for it, and it fell to the page).
            requestLayerRowFocus(null);
            void mergeDownCmd(layer.id);
          }}
          title={mergeRefusal ?? 'Merge this layer into the one below (opacity and layer masks applied; undoable)'}
        >
          Merge down
        </button>
        {layerHasMask(layer) && (
          <button
            type="button"
            onClick={() => {
              // The button goes with the mask: the focus goes on to the layer's row (it fell to the page).
              requestLayerRowFocus(null);
              removeLayerMaskCmd(layer.id);
            }}
            title="Remove the layer mask: the whole layer shows again (undoable)"
          >
            Remove mask
          </button>
        )}
      </div>
    </fieldset>
  );
}
