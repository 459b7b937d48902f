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
            data-visible={maskVisible}
            aria-label={maskVisible ? 'Hide mask overlay' : 'Show mask overlay'}
            onClick={() => useEditor.getState().setMaskVisible(!maskVisible)}
            title={maskVisible ? 'Hide mask overlay (\\)' : 'Show mask overlay (\\)'}
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
              data-visible={!hidden[l.id]}
              aria-label={`${hidden[l.id] ? 'Show' : 'Hide'} layer ${l.name}`}
              onClick={() => toggle(l.id)}
              title={hidden[l.id] ? 'Show this layer (on screen and in the export)' : 'Hide this layer (on screen and in the export)'}
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
            data-visible={!hidden.original}
            aria-label={hidden.original ? 'Show original' : 'Hide original'}
            onClick={() => toggle('original')}
            title={hidden.original ? 'Show the original photo' : 'Hide the original photo'}
          >
            <EyeIcon open={!hidden.original} />
          </button>
          {doc.original.name} <span className="muted">(original, locked)</span>
        </li>
      </ul>
    </section>
  );
}
