/**
 * Reference images for the request: files the user picks (or drops here) are imported into main's
 * asset store; the request carries only their asset ids. Shows how many the chosen model takes.
 */
import { useRef } from 'react';
import { api, errorInfo, unwrap } from '../../commands/bridge';
import { useEditor } from '../../commands/store/store';
import type { ReferenceImage } from '../../commands/store/jobs-slice';
import type { referenceLimit } from '../../model/model-options';
import { shortModelName } from '../../../shared/models/display-name';

export function ReferenceImages({ limit }: { limit: ReturnType<typeof referenceLimit> }) {
  const { max, limitedBy } = limit;
  const modelName = limit.model.name;
  const refs = useEditor((s) => s.gen.references);
  const input = useRef<HTMLInputElement>(null);
  const over = refs.length - max;

  async function add(files: FileList | null) {
    const s = useEditor.getState();
    for (const file of [...(files ?? [])]) {
      if (useEditor.getState().gen.references.length >= max) {
        s.notify(
          'info',
          max === 0
            ? `${modelName} takes no reference images.`
            : `${modelName} takes at most ${max} reference image${max === 1 ? '' : 's'}.`,
        );
        break;
      }
      try {
        const img = await unwrap(
          api().image.import({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'reference.png' }),
        );
        const ref: ReferenceImage = {
          assetId: img.assetId,
          name: img.name,
          width: img.width,
          height: img.height,
          thumbUrl: URL.createObjectURL(new Blob([img.display as BlobPart], { type: img.displayMime })),
        };
        s.setGen({ references: [...useEditor.getState().gen.references, ref] });
      } catch (e) {
        const info = errorInfo(e);
        s.notify('error', info.message, info.kind);
      }
    }
    if (input.current) input.current.value = '';
  }

  function remove(assetId: string) {
    const s = useEditor.getState();
    const gone = s.gen.references.find((r) => r.assetId === assetId);
    if (gone) URL.revokeObjectURL(gone.thumbUrl);
    s.setGen({ references: s.gen.references.filter((r) => r.assetId !== assetId) });
  }

  return (
    <div
      className="references"
      data-testid="references"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        void add(e.dataTransfer.files);
      }}
    >
      <div className="row">
        <button
          type="button"
          data-testid="add-reference"
          disabled={max === 0}
          onClick={() => input.current?.click()}
          title={
            max === 0
              ? `${modelName} takes no reference images${limitedBy ? ': set its count to 0 in the list to add some for the others' : ''}`
              : `Up to ${max}${limitedBy ? ` (${modelName}'s limit, the smallest of the models asked)` : ''} (drop files here too)`
          }
        >
          Add reference…
        </button>
        <span
          className="muted"
          data-testid="reference-count"
          title={limitedBy ? `Every model asked gets the same references: ${modelName} takes the fewest (${max}).` : undefined}
        >
          {refs.length}/{max}
          {limitedBy && ` · ${shortModelName(modelName)}'s limit`}
        </span>
        <input
          ref={input}
          type="file"
          accept="image/*"
          multiple
          hidden
          data-testid="reference-input"
          onChange={(e) => void add(e.target.files)}
        />
      </div>
      {refs.length > 0 && (
        <ul className="reference-list">
          {refs.map((r, i) => (
            <li
              key={r.assetId}
              data-testid="reference"
              className={i >= max ? 'unsent' : ''}
              title={`${r.name} (${r.width}×${r.height})${i >= max ? ` — not sent (${modelName} takes ${max === 0 ? 'none' : `at most ${max}`})` : ''}`}
            >
              <img src={r.thumbUrl} alt={r.name} />
              <button type="button" aria-label={`Remove reference ${r.name}`} onClick={() => remove(r.assetId)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {over > 0 && (
        <div className="muted">{`${modelName} takes ${max === 0 ? 'no' : `at most ${max}`} reference image${max === 1 ? '' : 's'}: ${over} will not be sent.`}</div>
      )}
    </div>
  );
}
