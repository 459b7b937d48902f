/**
 * The undo history of the open photo as a list of steps; clicking one moves there (later steps stay
 * redoable). Steps of other photos (opening a photo is undoable) are summed up in one line.
 */
import { useEditor } from '../../commands/store/store';

export function HistoryPanel() {
  const past = useEditor((s) => s.past);
  const future = useEditor((s) => s.future);
  const label = useEditor((s) => s.label);
  const docId = useEditor((s) => s.doc?.id);
  if (!docId) return null;
  const all = [
    ...past.map((p) => ({ label: p.label, docId: p.doc.id })),
    { label, docId },
    ...future.map((f) => ({ label: f.label, docId: f.doc.id })),
  ];
  const rows = all.map((r, i) => ({ ...r, i })).filter((r) => r.docId === docId);
  const others = all.length - rows.length;
  return (
    <section className="panel" aria-label="History">
      <h3>History</h3>
      {others > 0 && (
        <div className="muted history-others" data-testid="history-others">
          {others} step{others === 1 ? '' : 's'} on other photos (Ctrl/⌘ Z goes back to them)
        </div>
      )}
      <ol className="history" data-testid="history">
        {rows.map((r) => (
          <li key={r.i} className={r.i === past.length ? 'current' : r.i > past.length ? 'future' : ''}>
            <button type="button" onClick={() => useEditor.getState().jumpTo(r.i)} title={`Go back to: ${r.label}`}>
              {r.label}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
