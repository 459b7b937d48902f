/** Layers: generated patches (top), the mask, the original (bottom); eye toggles visibility (stage and export); × deletes a patch (undoable). */
import { useEditor } from '../store/store';
import { EyeIcon } from './ToolIcon';
import { deleteLayerCmd } from '../store/edit-commands';

export function LayersPanel() {
  const doc = useEditor((s) => s.doc);
  const hidden = useEditor((s) => s.hiddenLayers);
  const maskVisible = useEditor((s) => s.maskVisible);
  const toggle = useEditor((s) => s.toggleLayer);
  if (!doc) return null;
  return (
    <section className="panel" aria-label="Layers">
      <h3>Layers</h3>
      <ul className="layers">
        <li data-layer="mask">
          <button
            type="button"
            className="eye"
            aria-pressed={maskVisible}
            onClick={() => useEditor.getState().setMaskVisible(!maskVisible)}
            title="Show mask overlay"
          >
            <EyeIcon open={maskVisible} />
          </button>
          Mask
        </li>
        {[...doc.layers].reverse().map((l) => (
          <li key={l.id} data-layer={l.id}>
            <button
              type="button"
              className="eye"
              aria-pressed={!hidden[l.id]}
              aria-label={`Show layer ${l.name}`}
              onClick={() => toggle(l.id)}
              title="Show layer"
            >
              <EyeIcon open={!hidden[l.id]} />
            </button>
            <span className="layer-name" title={l.name}>
              {l.name}
            </span>
            <button
              type="button"
              className="layer-delete"
              data-testid="delete-layer"
              aria-label={`Delete layer ${l.name}`}
              title="Delete layer (undoable)"
              onClick={() => deleteLayerCmd(l.id)}
            >
              ×
            </button>
          </li>
        ))}
        <li data-layer="original">
          <button
            type="button"
            className="eye"
            aria-pressed={!hidden.original}
            aria-label="Show original"
            onClick={() => toggle('original')}
          >
            <EyeIcon open={!hidden.original} />
          </button>
          {doc.original.name} <span className="muted">(original, locked)</span>
        </li>
      </ul>
    </section>
  );
}
