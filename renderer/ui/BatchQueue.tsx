/**
 * The batch queue (persisted in main: it survives a restart) with progress and cancel, and the
 * review grid of the selected batch: each result before/after, kept, discarded or redone, and every
 * kept result exported to a folder in the format chosen here.
 */
import { useEffect, useRef, useState } from 'react';
import type { BatchView } from '../../shared/batch/batch-types';
import type { BatchExportFormat } from '../../shared/ipc/batch-contract';
import { errorInfo } from '../commands/bridge';
import * as batch from '../commands/batch-client';
import { clearable } from '../../shared/batch/batch-types';
import { BatchInspect, ReviewButtons } from './BatchInspect';
import {
  clearedText,
  exportText,
  isActive,
  itemError,
  itemText,
  progressOf,
  queueLine,
  spentLine,
  stateText,
  stayedText,
} from '../model/batch-view';

type Thumbs = Record<string, { before: string; after: string | null }>;

/** An image still waiting for its result (Redo is off). */
const waiting = (state: BatchView['items'][number]['state']) => state === 'running' || state === 'queued' || state === 'submitted';

const url = (bytes: Uint8Array) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/jpeg' }));

function useThumbs(b: BatchView | undefined): Thumbs {
  const [thumbs, setThumbs] = useState<Thumbs>({});
  const asked = useRef(new Set<string>());
  const wanted = (b?.items ?? [])
    .filter((i) => i.result)
    .map((i) => `${b?.id}/${i.id}/${i.result?.assetId}`)
    .join(',');
  useEffect(() => {
    if (!wanted) return;
    for (const key of wanted.split(',')) {
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      const [batchId, itemId] = key.split('/');
      batch.preview(batchId, itemId).then(
        (p) => setThumbs((x) => ({ ...x, [key]: { before: url(p.before), after: p.after ? url(p.after) : null } })),
        () => asked.current.delete(key),
      );
    }
  }, [wanted]);
  return thumbs;
}

export function BatchQueue({
  batches,
  selected,
  onSelect,
  refresh,
  focusBatch,
  onFocused,
}: {
  batches: BatchView[];
  selected: string | null;
  onSelect: (id: string) => void;
  refresh: () => void;
  /** A batch just started: the focus goes to its Cancel batch (its line once it has ended), not to the page. */
  focusBatch: string | null;
  onFocused: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const li = focusBatch ? list.current?.querySelector(`li[data-batch="${focusBatch}"]`) : null;
    if (!li) return;
    // With its ring (:focus-visible) even after a click on Start batch: moved by code, Chromium drew none, and
    // nothing on screen said where Enter or Esc would go.
    (li.querySelector<HTMLButtonElement>('.batch-cancel') ?? li.querySelector<HTMLButtonElement>('.batch-pick'))?.focus({
      focusVisible: true,
    });
    onFocused();
  });
  // The batch whose Cancel batch has the focus. When the batch ends, that button goes away under it and
  // the focus moves to the batch's line, as after a cancel; it fell to the dialog, and Tab started over
  // from the top instead of going on to the results.
  const cancelFocused = useRef<string | null>(null);
  useEffect(() => {
    const id = cancelFocused.current;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    const li = list.current?.querySelector(`li[data-batch="${id}"]`);
    if (!li || li.querySelector('.batch-cancel')) return;
    cancelFocused.current = null;
    li.querySelector<HTMLButtonElement>('.batch-pick')?.focus({ focusVisible: true });
  });
  // After Clear finished, when the button goes away under the focus, the focus goes to the first batch
  // left (it fell to the dialog); while the button stays (a batch kept back), it stays there.
  const cleared = useRef(false);
  useEffect(() => {
    if (!cleared.current) return;
    const now = document.activeElement;
    if (now?.classList.contains('batch-clear') && now.isConnected) return;
    cleared.current = false;
    if (now && now !== document.body) return;
    list.current?.querySelector<HTMLButtonElement>('.batch-pick')?.focus({ focusVisible: true });
  });
  const [error, setError] = useState<string | null>(null);
  /** After Clear finished: say which finished batches it left (kept results not exported yet), while they are so. */
  const [sayStayed, setSayStayed] = useState(false);
  /** After Clear finished: how many batches it took off, and their results deleted (until the next Clear). */
  const [sayCleared, setSayCleared] = useState<string | null>(null);
  const [format, setFormat] = useState<BatchExportFormat>('png');
  // What the last export wrote, said under the batch it was made from only: under the next batch it read
  // as that batch's ("Wrote 2 files…" beside "Export kept (0)…").
  const [exported, setExported] = useState<{ batchId: string; text: string } | null>(null);
  const current = batches.find((b) => b.id === selected) ?? batches[0];
  const thumbs = useThumbs(current);
  /** The result looked at closely (BatchInspect), in the selected batch only. */
  const [inspect, setInspect] = useState<{ batchId: string; at: number } | null>(null);
  const inspecting = inspect && current && inspect.batchId === current.id ? inspect : null;
  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work().then(refresh, (e) => setError(errorInfo(e).message));
  };
  if (!batches.length)
    return (
      <>
        {sayCleared && (
          <p className="muted" role="status" aria-label="Queue cleared">
            {sayCleared}
          </p>
        )}
        <p className="muted">No batches yet.</p>
      </>
    );
  const kept = current?.items.filter((i) => i.review === 'kept').length ?? 0;
  const finished = batches.filter((b) => !isActive(b)).length;
  const toClear = batches.filter(clearable).length;
  return (
    <section className="batch-queue" aria-label="Batch queue">
      <div className="batch-row">
        <h4>Queue</h4>
        {finished > 0 && (
          <button
            type="button"
            aria-label="Clear finished batches"
            title="Take the finished batches (done, failed, cancelled) off the queue; one with kept results not exported yet stays"
            className="batch-clear"
            onClick={() => {
              setError(null);
              batch.clearFinished().then(
                (r) => {
                  cleared.current = true;
                  setSayStayed(!!stayedText(r.batches));
                  setSayCleared(clearedText(r));
                  refresh();
                },
                (e) => setError(errorInfo(e).message),
              );
            }}
          >
            Clear finished ({toClear})
          </button>
        )}
      </div>
      {((sayStayed && stayedText(batches)) || sayCleared) && (
        <p className="muted" role="status" aria-label="Queue cleared">
          {[sayCleared, sayStayed && stayedText(batches)].filter(Boolean).join(' ')}
        </p>
      )}
      <ul ref={list} className="batch-list">
        {batches.map((b) => (
          <li key={b.id} data-batch={b.id} className={b.id === current?.id ? 'selected' : ''}>
            <button
              type="button"
              className="batch-pick"
              aria-pressed={b.id === current?.id}
              onClick={() => onSelect(b.id)}
              title={b.prompt}
            >
              {queueLine(b)}
            </button>
            <span className="batch-state" data-testid="batch-state">
              {stateText(b)}
            </span>
            <span
              className="batch-spent"
              data-testid="batch-spent"
              title="What the requests sent so far cost (counted in Spent today as they are sent), of the estimate made before starting"
            >
              {spentLine(b)}
            </span>
            <progress aria-label={`Batch progress ${b.id}`} aria-valuetext={stateText(b)} max={1} value={progressOf(b)} />
            {isActive(b) && (
              <button
                type="button"
                className="batch-cancel"
                title="Cancel the images not finished yet"
                onFocus={() => {
                  cancelFocused.current = b.id;
                }}
                onBlur={(e) => {
                  if (e.relatedTarget) cancelFocused.current = null;
                }}
                onClick={(e) => {
                  // This button goes away with the cancel: the focus moves to the batch's line (still in the dialog, so Esc closes it).
                  e.currentTarget.closest('li')?.querySelector<HTMLButtonElement>('.batch-pick')?.focus();
                  act(() => batch.cancelBatch(b.id));
                }}
              >
                Cancel batch
              </button>
            )}
          </li>
        ))}
      </ul>
      {current && (
        <>
          <h4>Review</h4>
          {current.autoReason && <p className="muted">Auto: {current.autoReason}</p>}
          {inspecting && (
            <BatchInspect
              items={current.items}
              at={inspecting.at}
              thumb={(item) => thumbs[`${current.id}/${item.id}/${item.result?.assetId ?? 'none'}`]}
              onMove={(at) => setInspect({ batchId: current.id, at })}
              onClose={() => {
                const name = current.items[inspecting.at]?.name;
                setInspect(null);
                // Back on the card looked at, as Esc from any view returns the focus where it came from.
                requestAnimationFrame(() =>
                  document.querySelector<HTMLButtonElement>(`button[aria-label="Look at ${CSS.escape(name ?? '')}"]`)?.focus(),
                );
              }}
              onReview={(item, review) => act(() => batch.review(current.id, item.id, review))}
            />
          )}
          <section className="batch-grid" aria-label="Batch results" hidden={!!inspecting}>
            {current.items.map((item, index) => {
              const t = thumbs[`${current.id}/${item.id}/${item.result?.assetId ?? 'none'}`];
              return (
                <figure key={item.id} className={`batch-card ${item.review}`} aria-label={`${item.name} result`}>
                  <button
                    type="button"
                    className="batch-thumbs-open"
                    aria-label={`Look at ${item.name}`}
                    title="Look closer: before and after, large (← / → through the results, Esc back)"
                    onClick={() => setInspect({ batchId: current.id, at: index })}
                  >
                    {t?.before && <img src={t.before} alt={`${item.name} before`} />}
                    {t?.after && <img src={t.after} alt={`${item.name} after`} />}
                  </button>
                  <figcaption>
                    {item.name} · {itemText(item, current)}
                    {/* "cancelled — Cancelled before a result arrived." said it twice: a cancel needs no reason; nor
                        does a card whose reason is the whole batch's (the queue's line says it). */}
                    {item.error && item.state !== 'cancelled' && item.error.message !== current.error?.message
                      ? ` — ${itemError(item, current.model)}`
                      : ''}
                  </figcaption>
                  <div className="batch-row">
                    <ReviewButtons item={item} onReview={(review) => act(() => batch.review(current.id, item.id, review))} />
                    <button
                      type="button"
                      aria-label={`Redo ${item.name}`}
                      // Off while the image waits for its result, but keeps the focus (aria-disabled): disabled
                      // under a pressed Redo, it dropped the focus to the dialog, and Tab started over from the top.
                      aria-disabled={waiting(item.state)}
                      onClick={() => !waiting(item.state) && act(() => batch.redo(current.id, item.id))}
                      title="Send this image again now (standard price)"
                    >
                      Redo
                    </button>
                  </div>
                </figure>
              );
            })}
          </section>
          <div className="batch-row">
            {/* "Format" and its list on one line: the list took the row's whole width and ran under Export kept. */}
            <label className="inline">
              Format
              <select aria-label="Batch export format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
                <option value="png">PNG</option>
                <option value="jpeg">JPEG</option>
                <option value="webp">WebP</option>
                <option value="tiff">TIFF</option>
                <option value="psd">PSD (layers)</option>
              </select>
            </label>
            <button
              type="button"
              disabled={!kept}
              title="Write every kept result at full resolution into a folder (existing files are never replaced)"
              onClick={() =>
                act(async () => {
                  const r = await batch.exportKept(current.id, format);
                  if (!r) return;
                  setExported({ batchId: current.id, text: exportText(r) });
                })
              }
            >
              Export kept ({kept})…
            </button>
          </div>
          {exported?.batchId === current.id && (
            <p role="status" aria-label="Batch export">
              {exported.text}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="batch-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
