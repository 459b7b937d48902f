/**
 * A closer look at one batch result: the photo before and after side by side, as large as the dialog
 * allows (main's previews are up to 512 px), with Keep / Discard and ← / → through the batch's
 * results; Keep or Discard moves on to the next result, as Lightroom's auto-advance does (the focus
 * stays on the button, so Enter, Enter, … goes through a batch; it took → after each one, found by
 * hand); Esc or Back returns to the grid. The grid's 75-px thumbnails were the only way to judge a
 * result before keeping it (found by hand).
 */
import { useEffect, useRef } from 'react';
import type { BatchView } from '../../shared/batch/batch-types';

type Item = BatchView['items'][number];

export function BatchInspect({
  items,
  at,
  thumb,
  onMove,
  onClose,
  onReview,
}: {
  items: Item[];
  at: number;
  thumb: (item: Item) => { before: string; after: string | null } | undefined;
  onMove: (to: number) => void;
  onClose: () => void;
  onReview: (item: Item, review: 'kept' | 'discarded') => void;
}) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus({ focusVisible: true }), []);
  const item = items[at];
  if (!item) return null;
  const t = thumb(item);
  const step = (d: number) => onMove((at + d + items.length) % items.length);
  return (
    <section
      className="batch-inspect"
      aria-label={`Result ${at + 1} of ${items.length}: ${item.name}`}
      onKeyDown={(e) => {
        const arrow = (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
        if (arrow) step(e.key === 'ArrowLeft' ? -1 : 1);
        else if (e.key === 'Escape') onClose();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <div className="batch-inspect-pair">
        <figure>
          {t?.before ? <img src={t.before} alt={`${item.name} before`} /> : <p className="muted">Loading…</p>}
          <figcaption>Before</figcaption>
        </figure>
        <figure>
          {t?.after ? <img src={t.after} alt={`${item.name} after`} /> : <p className="muted">No result yet</p>}
          <figcaption>After</figcaption>
        </figure>
      </div>
      <div className="batch-row">
        <button type="button" ref={back} onClick={onClose} title="Back to the grid (Esc)">
          Back
        </button>
        <button type="button" onClick={() => step(-1)} disabled={items.length < 2} title="Previous result (←)">
          Previous
        </button>
        <button type="button" onClick={() => step(1)} disabled={items.length < 2} title="Next result (→)">
          Next
        </button>
        <ReviewButtons
          item={item}
          onReview={(review) => {
            onReview(item, review);
            if (at < items.length - 1) onMove(at + 1); // the last one stays, showing it was kept
          }}
        />
        <span className="muted" data-testid="batch-inspect-state">
          {item.name} · {at + 1} of {items.length}
          {item.review === 'kept' ? ' · kept' : item.review === 'discarded' ? ' · discarded' : ''}
        </span>
      </div>
    </section>
  );
}

/** Keep and Discard for one result, on its card in the grid and in the closer look. */
export function ReviewButtons({ item, onReview }: { item: Item; onReview: (review: 'kept' | 'discarded') => void }) {
  return (
    <>
      <button
        type="button"
        aria-label={`Keep ${item.name}`}
        aria-pressed={item.review === 'kept'}
        disabled={!item.result || item.state !== 'done'}
        onClick={() => onReview('kept')}
        title="Keep this result for the export"
      >
        Keep
      </button>
      <button
        type="button"
        aria-label={`Discard ${item.name}`}
        aria-pressed={item.review === 'discarded'}
        disabled={item.state !== 'done' && item.state !== 'failed'}
        onClick={() => onReview('discarded')}
        title="Leave this result out of the export"
      >
        Discard
      </button>
    </>
  );
}
