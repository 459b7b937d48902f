/**
 * "Batch…" in the options bar and the Batch dialog: a new batch and the queue with its review grid.
 * The queue is main's (persisted), read when the app starts — which also resumes what a restart
 * interrupted — and again each time main says a batch moved (`batch:changed`); a slow poll is only
 * the fallback for a change not heard of.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchView } from '../../shared/batch/batch-types';
import { batchSpent } from '../../shared/batch/batch-types';
import * as batch from '../commands/batch-client';
import { refreshSpend } from '../commands/spend-client';
import { finishedNotice, isActive } from '../model/batch-view';
import { useEditor } from '../commands/store/store';
import { BatchNew } from './BatchNew';
import { BatchQueue } from './BatchQueue';
import { keepTabInside, useFocusReturn } from './keyboard/modal-tab';
import { DialogMessages } from './panels/DialogMessages';

/**
 * Only a fallback: main pushes every change (`batch:changed`). While the dialog is open, or closed
 * with a batch running, the queue is read again this often anyway. It was the only way, every 0.6 s
 * open and 2 s closed, so "Batch finished" came up to 2 s late.
 */
const FALLBACK_POLL_MS = 10_000;

/** Changes whenever a batch's spend or an item's state does (a request sent, an image finished, a cancel). */
const spendKey = (bs: BatchView[]) =>
  bs.map((b) => `${b.id}:${b.state}:${batchSpent(b.items)}:${b.items.map((i) => i.state).join()}`).join('|');

export function BatchButton() {
  const [open, setOpen] = useState(false);
  const [batches, setBatches] = useState<BatchView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focusBatch, setFocusBatch] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const lastKey = useRef<string | null>(null);
  /** The batches running at the last look, and whether the dialog is open: one that ends while it is closed is said in the main window. */
  const wasActive = useRef(new Set<string>());
  const openNow = useRef(open);
  openNow.current = open;
  // Closed, the focus goes back to Batch… (it fell to the page: Tab started again from the top).
  useFocusReturn(open);
  const refresh = useCallback(() => {
    batch.listBatches().then(
      (bs) => {
        setBatches(bs);
        if (!openNow.current)
          for (const b of bs) {
            const notice = wasActive.current.has(b.id) && !isActive(b) ? finishedNotice(b) : null;
            if (notice) useEditor.getState().notify(notice.tone, notice.message);
          }
        wasActive.current = new Set(bs.filter(isActive).map((b) => b.id));
        // Batch requests go into the same spend ledger as Generate's: the status bar's "Spent today" follows them.
        const key = spendKey(bs);
        if (lastKey.current !== null && key !== lastKey.current) void refreshSpend();
        lastKey.current = key;
      },
      () => {},
    );
  }, []);
  useEffect(refresh, [refresh]);
  // Main says when a batch moves: the queue, the button's count, Spent today and the finished notice follow at once.
  useEffect(() => {
    // A burst (every image's change of one save) is read once.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const off = batch.watchBatches(() => {
      soon ??= setTimeout(() => {
        soon = undefined;
        refresh();
      }, 20);
    });
    return () => {
      off();
      clearTimeout(soon);
    };
  }, [refresh]);
  const active = batches.filter(isActive).length;
  useEffect(() => {
    if (!open) return;
    refresh();
    // At once, not at the next frame: an Esc pressed right after the click (a quick hand, a busy
    // machine) went to the page behind and the dialog stayed open.
    box.current?.focus();
    const t = setInterval(refresh, FALLBACK_POLL_MS);
    return () => clearInterval(t);
  }, [open, refresh]);
  // A control that goes away under the focus (a finished batch's Cancel, a removed image's ×)
  // leaves it on the page behind: take it back, so Esc still closes the dialog.
  useEffect(() => {
    if (open && (!document.activeElement || document.activeElement === document.body)) box.current?.focus();
  });
  useEffect(() => {
    if (open || !active) return;
    const t = setInterval(refresh, FALLBACK_POLL_MS);
    return () => clearInterval(t);
  }, [open, active, refresh]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Run one edit over many photos; review and export the results">
        {active ? `Batch… (${active} running)` : 'Batch…'}
      </button>
      {open && (
        <div className="modal-backdrop">
          <div
            ref={box}
            tabIndex={-1}
            className="modal batch-dialog"
            role="dialog"
            aria-modal="true"
            aria-label="Batch"
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Escape') setOpen(false);
              keepTabInside(e, box.current);
            }}
          >
            <DialogMessages />
            <div className="modal-head">
              <h3>Batch</h3>
              <span className="spacer" />
              <button type="button" aria-label="Close batch" title="Close (Esc); batches keep running" onClick={() => setOpen(false)}>
                ×
              </button>
            </div>
            <BatchNew
              onStarted={(id) => {
                setSelected(id);
                setFocusBatch(id);
                refresh();
              }}
            />
            <BatchQueue
              batches={batches}
              selected={selected}
              onSelect={setSelected}
              refresh={refresh}
              focusBatch={focusBatch}
              onFocused={() => setFocusBatch(null)}
            />
          </div>
        </div>
      )}
    </>
  );
}
