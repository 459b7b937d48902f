/**
 * Staged candidates side by side (all jobs and models), live previews of the running job, and the
 * actions: Keep (Enter), Keep as layer (Shift+Enter), Discard (Delete), Discard all (Esc), and
 * before/after compare (hold Y or the toggle; the slider reveals the candidate from the left).
 */
import { useEditor } from '../../commands/store/store';
import { discardAllStaged, discardStaged, keepStaged } from '../../commands/edit-commands';
import { formatUsd } from '../../model/estimate';
import { candidateKept } from '../../model/version-logic';
import { shortModelName } from '../../../shared/models/display-name';
import { PatchThumb } from './PatchThumb';
import { TextCheckBadge } from './TextCheckBadge';
import { verdictWords } from '../../../shared/text-check/text-match';
import { RefineControls } from '../RefineControls';

export function StagingStrip() {
  const staging = useEditor((s) => s.staging);
  const compare = useEditor((s) => s.compare);
  const doc = useEditor((s) => s.doc);
  const job = useEditor((s) => s.job);
  const previews = job ? Object.entries(job.previews) : [];
  if (!staging.items.length && !previews.length) return null;
  const sel = staging.items[staging.selected];
  const selKept = !!sel && candidateKept(doc, sel);
  const before = compare.held || compare.toggled;
  return (
    <section className="staging" data-testid="staging-strip" aria-label="Candidates">
      <div className="staging-items">
        {staging.items.map((c, i) => (
          <button
            type="button"
            key={c.key}
            className={`candidate${i === staging.selected ? ' selected' : ''}`}
            data-testid="candidate"
            data-index={i}
            data-model={c.model}
            aria-pressed={i === staging.selected}
            aria-label={`Candidate ${i + 1}: ${c.modelName}${c.textCheck ? ` · ${verdictWords(c.textCheck)}` : ''}`}
            title={`${c.modelName}\n${c.prompt || '(no prompt)'}\n${c.requestSize.width}×${c.requestSize.height} · ${formatUsd(c.costUsd)} · ${c.seconds.toFixed(1)} s${c.seed !== undefined ? `\nseed ${c.seed}` : ''}${c.requestId ? `\nrequest ${c.requestId}` : ''}${c.lineage?.length ? `\nRefined from ${c.lineage.map((l) => l.modelName).join(' → ')}` : ''}`}
            onClick={() => useEditor.getState().selectStaged(i)}
          >
            <PatchThumb assetId={c.assetId} region={c.region} under={doc?.layers} />
            <span className="tag">
              <span className="tag-model">{shortModelName(c.modelName)}</span>
              {/* "Kept" on the cost line: a line of its own made the strip taller than the dock at 1280×800. */}
              <span>
                {formatUsd(c.costUsd)} · {c.seconds.toFixed(1)}s
                {candidateKept(doc, c) && (
                  <>
                    {' · '}
                    <span className="kept">Kept</span>
                  </>
                )}
              </span>
              {c.lineage?.length ? (
                // One line, cut with … (the whole, with the models' full names, in its tooltip): it wrapped and widened the card.
                <span className="lineage" title={`Refined from ${c.lineage.map((l) => l.modelName).join(' → ')}`}>
                  Refined from {c.lineage.map((l) => shortModelName(l.modelName)).join(' → ')}
                </span>
              ) : null}
              <TextCheckBadge check={c.textCheck} />
            </span>
          </button>
        ))}
        {previews.map(([idx, url]) => (
          <div key={`p${idx}`} className="candidate preview" data-testid="candidate-preview" title="Live preview">
            <img src={url} alt={`Preview of candidate ${Number(idx) + 1}`} />
            <span className="tag">
              <span className="tag-model">{job?.modelName}</span>
              <span>Preview…</span>
            </span>
          </div>
        ))}
      </div>
      {staging.items.length > 0 && (
        <div className="staging-actions">
          <button
            type="button"
            className="primary"
            data-testid="keep"
            onClick={() => void keepStaged(true)}
            title="Keep this candidate and close staging (Enter)"
          >
            Keep
          </button>
          <button
            type="button"
            data-testid="keep-layer"
            disabled={selKept}
            onClick={() => void keepStaged(false)}
            title="Add as a layer and keep staging open (Shift+Enter)"
          >
            Keep as layer
          </button>
          <button type="button" data-testid="discard" onClick={() => discardStaged()} title="Remove this candidate (Delete)">
            Discard
          </button>
          <button type="button" data-testid="discard-all" onClick={() => discardAllStaged()} title="Remove all candidates (Esc)">
            Discard all
          </button>
          <button
            type="button"
            disabled={staging.items.length < 2}
            onClick={() => useEditor.getState().setComparePanes(staging.items.length > 2 ? 4 : 2)}
            title="The candidates side by side at full size, zoomed and panned together"
          >
            Compare…
          </button>
          <RefineControls />
          <span className="sep" />
          <button
            type="button"
            data-testid="compare-toggle"
            aria-pressed={before}
            className={before ? 'active' : ''}
            onClick={() => useEditor.getState().setCompare({ toggled: !compare.toggled })}
            title="Show the photo without the candidate (hold Y)"
          >
            Before
          </button>
          <label className="inline" title="Reveal the candidate from the left">
            Reveal
            <input
              type="range"
              min={0}
              max={100}
              data-testid="compare-reveal"
              aria-label="Reveal candidate"
              value={compare.reveal}
              onChange={(e) => useEditor.getState().setCompare({ reveal: Number(e.target.value) })}
              // After a mouse drag, give the keys back to the candidates (Y, ←/→, Enter, Esc).
              onPointerUp={(e) => e.currentTarget.blur()}
            />
            {compare.reveal}%
          </label>
          <span className="muted">
            {staging.selected + 1}/{staging.items.length} · ←/→
          </span>
        </div>
      )}
    </section>
  );
}
