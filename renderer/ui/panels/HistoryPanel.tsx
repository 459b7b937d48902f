/**
 * The undo history of the open photo as a list of steps; clicking one moves there (later steps stay
 * redoable). Steps of other photos (opening a photo is undoable) are summed up in a line above the
 * list (undo reaches them) and one below it (redo does).
 */
import { useEffect, useRef } from 'react';
import { useEditor } from '../../commands/store/store';
import { otherPhotoLines } from '../../model/history-others';

export function HistoryPanel() {
  const past = useEditor((s) => s.past);
  const future = useEditor((s) => s.future);
  const label = useEditor((s) => s.label);
  const docId = useEditor((s) => s.doc?.id);
  const list = useRef<HTMLOListElement>(null);
  // The list scrolls on its own: the current step stays in view (a new step is at the bottom).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the steps change
  useEffect(() => {
    const ol = list.current;
    const cur = ol?.querySelector<HTMLElement>('li.current');
    if (!ol || !cur) return;
    if (cur.offsetTop < ol.scrollTop) ol.scrollTop = cur.offsetTop;
    else if (cur.offsetTop + cur.offsetHeight > ol.scrollTop + ol.clientHeight)
      ol.scrollTop = cur.offsetTop + cur.offsetHeight - ol.clientHeight;
  }, [past.length, future.length, docId]);
  if (!docId) return null;
  const all = [
    ...past.map((p) => ({ label: p.label, docId: p.doc.id })),
    { label, docId },
    ...future.map((f) => ({ label: f.label, docId: f.doc.id })),
  ];
  const rows = all.map((r, i) => ({ ...r, i })).filter((r) => r.docId === docId);
  const others = otherPhotoLines(all, past.length, docId);
  return (
    <section className="panel history-panel" aria-label="History">
      <h3>History</h3>
      {others.before && (
        <div className="muted history-others" data-testid="history-others">
          {others.before}
        </div>
      )}
      <ol className="history" data-testid="history" ref={list}>
        {rows.map((r) => (
          <li key={r.i} className={r.i === past.length ? 'current' : r.i > past.length ? 'future' : ''}>
            <button type="button" onClick={() => useEditor.getState().jumpTo(r.i)} title={`Go back to: ${r.label}`}>
              {r.label}
            </button>
          </li>
        ))}
      </ol>
      {others.after && (
        <div className="muted history-others" data-testid="history-others-after">
          {others.after}
        </div>
      )}
    </section>
  );
}
