/**
 * Below the layer list while the original's row is selected (Photoshop's Background): Duplicate, a
 * copy of the whole original as a new kept layer just above it (Ctrl/⌘ J does the same). The
 * original has no opacity, name or mask of its own to change: it stays locked.
 */
import { copyOriginalCmd } from '../../commands/layer-commands';
import { useEditor } from '../../commands/store/store';
import { requestLayerRowFocus } from './layer-row-focus';

export function OriginalActions({ name }: { name: string }) {
  const busy = useEditor((s) => s.busy);
  return (
    <fieldset className="layer-actions" aria-label={`Selected layer: ${name} (original)`}>
      <div className="row">
        <button
          type="button"
          disabled={!!busy}
          onClick={() => {
            // The copy becomes the selected layer and these actions go: its row takes the focus.
            requestLayerRowFocus(null);
            void copyOriginalCmd();
          }}
          title="A copy of the original as a new layer just above it (Ctrl+J; undoable). The original stays locked."
        >
          Duplicate
        </button>
        {/* One row, as a layer's buttons: "Locked: the original is never changed" took two lines, and
            selecting the original moved every Layers row up 18 px under the pointer. */}
        <span className="muted" title="The original is never changed: Duplicate makes a copy above it to work on">
          Locked: never changed
        </span>
      </div>
    </fieldset>
  );
}
