/**
 * Versions: every kept generation of the document (model, prompt, size, cost, time, request id),
 * separate from undo, with the document's running total. Restore = one undoable step.
 */
import { memo, useState } from 'react';
import type { PatchLayer, Version } from '../../../shared/document/schema';
import { useEditor } from '../../commands/store/store';
import { restoreVersionCmd } from '../../commands/edit-commands';
import { formatUsd } from '../../model/estimate';
import { totalCost, versionModelName } from '../../model/version-logic';
import { shortModelName } from '../../../shared/models/display-name';
import { PatchThumb } from './PatchThumb';

export function VersionStrip() {
  const doc = useEditor((s) => s.doc);
  const spent = useEditor((s) => (s.doc ? (s.spentUsd[s.doc.id] ?? 0) : 0));
  // The staging strip is in the dock (candidates, or a job's previews, as StagingStrip shows them):
  // there is no room for the cards under it in the dock's quarter of the canvas — they were cut by
  // the status bar — so the strip folds to its head until the candidates are kept or discarded.
  const crowded = useEditor((s) => s.staging.items.length > 0 || (!!s.job && Object.keys(s.job.previews).length > 0));
  const [open, setOpen] = useState(true);
  const [picked, setPicked] = useState<string | null>(null);
  if (!doc) return null;
  const versions = doc.versions;
  const chosen = versions.find((v) => v.id === picked) ?? null;
  const shown = open && !crowded;
  return (
    <section className="versions" data-testid="version-strip" aria-label="Versions">
      <div className="versions-head">
        <button
          type="button"
          data-testid="versions-toggle"
          aria-expanded={shown}
          disabled={crowded}
          onClick={() => setOpen(!open)}
          title={
            crowded
              ? 'The kept versions show again once the candidates are kept or discarded'
              : open
                ? 'Hide the kept versions'
                : 'Show the kept versions'
          }
        >
          {shown ? '▾' : '▸'} Versions ({versions.length})
        </button>
        <span data-testid="versions-total" title="Sum of the kept versions' costs; the session figure includes discarded candidates">
          Total {formatUsd(totalCost(versions))}
          <span className="muted"> · session spend {formatUsd(spent)}</span>
        </span>
        {crowded && open && versions.length > 0 && (
          <span className="muted" data-testid="versions-later">
            shown again after Keep or Discard
          </span>
        )}
        <span className="spacer" />
        {shown && (
          <button
            type="button"
            data-testid="restore-version"
            disabled={!chosen}
            onClick={() => chosen && restoreVersionCmd(chosen.id)}
            title="Set the layers back to how they were right after this version was kept (undoable)"
          >
            Restore
          </button>
        )}
      </div>
      {shown && versions.length > 0 && (
        <div className="versions-items">
          {versions.map((v, i) => (
            <VersionItem
              key={v.id}
              v={v}
              index={i}
              assetId={(v.layersAfter?.find((l) => l.id === v.layerId) ?? doc.layers.find((l) => l.id === v.layerId))?.assetId ?? null}
              picked={v.id === picked}
              onPick={setPicked}
            />
          ))}
        </div>
      )}
    </section>
  );
}

const belowCache = new WeakMap<Version, PatchLayer[] | undefined>();
/** The layers a version was kept on (its snapshot up to its own layer), the same array for the same record. */
function layersBelow(v: Version): PatchLayer[] | undefined {
  if (!belowCache.has(v)) {
    const at = v.layersAfter?.findIndex((l) => l.id === v.layerId) ?? -1;
    belowCache.set(v, at > 0 ? v.layersAfter!.slice(0, at) : undefined);
  }
  return belowCache.get(v);
}

/**
 * One kept version. Memoised: the strip re-renders on every document change (a brush stroke, a
 * mask edit), and a version's record, its layer's asset and its selection rarely change with it.
 */
const VersionItem = memo(function VersionItem({
  v,
  index,
  assetId,
  picked,
  onPick,
}: {
  v: Version;
  index: number;
  assetId: string | null;
  picked: boolean;
  onPick: (update: (current: string | null) => string | null) => void;
}) {
  return (
    <button
      type="button"
      className={`version${picked ? ' selected' : ''}`}
      data-testid="version"
      data-version-id={v.id}
      aria-pressed={picked}
      aria-label={`Version ${index + 1}: ${versionModelName(v)}`}
      title={`${versionModelName(v)}\n${v.prompt || '(no prompt)'}\n${v.region.width}×${v.region.height} px of the photo, sent at ${v.requestSize.width}×${v.requestSize.height} · ${formatUsd(v.costUsd)} · ${v.seconds.toFixed(1)} s\n${new Date(v.createdAt).toLocaleString()}${v.seed !== undefined ? `\nseed ${v.seed}` : ''}${v.requestId ? `\nrequest ${v.requestId}` : ''}${v.lineage?.length ? `\nRefined from ${v.lineage.map((l) => `${l.modelName} (${formatUsd(l.costUsd)})`).join(' → ')}` : ''}`}
      onClick={() => onPick((current) => (current === v.id ? null : v.id))}
    >
      {assetId ? (
        <PatchThumb assetId={assetId} region={v.region} under={layersBelow(v)} maxWidth={96} maxHeight={60} />
      ) : (
        <span className="patch-thumb missing" />
      )}
      <span className="tag">
        <span className="tag-model">{shortModelName(versionModelName(v))}</span>
        {/* The area of the photo it covers (it gave the model's request size, 1456×624 on a 1400×600
            photo, which a retoucher read as the result's size; the tooltip has both). */}
        <span className="tag-size">
          {v.region.width}×{v.region.height} · {formatUsd(v.costUsd)} · {v.seconds.toFixed(1)}s
        </span>
        {v.lineage?.length ? (
          <span className="lineage" data-testid="version-lineage">
            {[...v.lineage.map((l) => l.modelName), versionModelName(v)].map(shortModelName).join(' → ')}
          </span>
        ) : null}
        {v.requestId && <span className="muted req">{v.requestId}</span>}
      </span>
    </button>
  );
});
