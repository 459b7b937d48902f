/** The undo history as a list of steps; clicking one moves there (later steps stay redoable). */
import { useEditor } from '../store/store';

export function HistoryPanel() {
  const past = useEditor((s) => s.past);
  const future = useEditor((s) => s.future);
  const label = useEditor((s) => s.label);
  const hasDoc = useEditor((s) => !!s.doc);
  if (!hasDoc) return null;
  const rows = [...past.map((p) => p.label), label, ...future.map((f) => f.label)];
  return (
    <section className="panel" aria-label="History">
      <h3>History</h3>
      <ol className="history" data-testid="history">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position in the history (jumpTo(i)); labels repeat
          <li key={i} className={i === past.length ? 'current' : i > past.length ? 'future' : ''}>
            <button type="button" onClick={() => useEditor.getState().jumpTo(i)}>
              {r}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
