/**
 * Below the layer list, for the selected layer: opacity (in percent; the canvas follows each typed
 * digit and ↑/↓ step at once, as in Photoshop, and Enter or leaving the field applies it as one undo
 * step; Esc puts back the value from before), Rename (the name turns into a field in its row, as a
 * double-click does), Duplicate, Merge down, Remove layer mask.
 */

import { useEffect } from 'react';
import { layerHasMask, layerOpacity, type PatchLayer } from '../../../shared/document/schema';
import { duplicateLayerCmd, mergeDownCmd, removeLayerMaskCmd, setLayerOpacityCmd } from '../../commands/layer-commands';
import { mergeDownRefusal } from '../../model/layer-logic';
import { useEditor } from '../../commands/store/store';
import { requestLayerRowFocus } from './layer-row-focus';

/** The percent typed in the field (0–100, whole), or null while it holds no number ("", "-"). */
function typedPercent(el: HTMLInputElement): number | null {
  const v = Number(el.value);
  return el.value.trim() === '' || !Number.isFinite(v) ? null : Math.round(Math.min(100, Math.max(0, v)));
}

export function LayerActions({ layer, renaming, onRename }: { layer: PatchLayer; renaming: boolean; onRename(): void }) {
  const doc = useEditor((s) => s.doc);
  const busy = useEditor((s) => s.busy);
  const opacity = Math.round(layerOpacity(layer) * 100);
  const mergeRefusal = doc ? mergeDownRefusal(doc, layer.id) : 'No document.';
  const setPreview = useEditor((s) => s.setOpacityPreview);
  // The canvas shows what the field holds while it is edited (nothing to show: the applied value).
  const preview = (el: HTMLInputElement) => {
    const v = typedPercent(el);
    setPreview(v === null ? null : { layerId: layer.id, opacity: v / 100 });
  };
  // No preview outlives the field's layer (another layer selected, the layer gone, the panel closed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: another layer ends the preview of the one before
  useEffect(() => () => setPreview(null), [layer.id, setPreview]);
  const commitOpacity = (el: HTMLInputElement) => {
    const v = typedPercent(el);
    // One step for the whole edit, however many digits and arrows it took.
    if (v !== null) setLayerOpacityCmd(layer.id, v);
    setPreview(null);
    // The field shows what was applied: 150 is 100 % (it kept showing "150" over a layer at 100 %).
    el.value = String(v ?? opacity);
  };
  return (
    <fieldset className="layer-actions" aria-label={`Selected layer: ${layer.name}`}>
      <label className="field layer-opacity">
        <span>Opacity</span>
        <input
          // Shows the selected layer's value: made again for another layer or another value.
          key={`${layer.id}:${opacity}`}
          type="number"
          min={0}
          max={100}
          step={1}
          defaultValue={opacity}
          aria-label={`Opacity of ${layer.name} (%)`}
          title="Layer opacity in percent (on screen and in the export): the canvas follows as you type or step; Enter applies, Esc puts it back"
          onInput={(e) => preview(e.currentTarget)}
          onKeyDown={(e) => {
            // Enter applies, Esc puts the value back; either gives the keys back to the editor, as in every
            // number field (the focus stayed here, and the next E or [ went into the field).
            if (e.key === 'Enter') {
              e.preventDefault();
              commitOpacity(e.currentTarget);
              e.currentTarget.blur();
            } else if (e.key === 'Escape') {
              e.currentTarget.value = String(opacity);
              setPreview(null);
              e.currentTarget.blur();
            } else if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.ctrlKey && !e.metaKey && !e.altKey) {
              // Ten at a time, as in Photoshop and the app's other number fields (the browser stepped by one);
              // shown at once and applied by Enter or leaving the field, as ↑/↓ are.
              e.preventDefault();
              const v = Number(e.currentTarget.value);
              const from = Number.isFinite(v) && e.currentTarget.value.trim() !== '' ? v : opacity;
              e.currentTarget.value = String(Math.min(100, Math.max(0, Math.round(from) + (e.key === 'ArrowUp' ? 10 : -10))));
              preview(e.currentTarget);
            }
          }}
          onBlur={(e) => commitOpacity(e.currentTarget)}
        />
        <span>%</span>
      </label>
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
