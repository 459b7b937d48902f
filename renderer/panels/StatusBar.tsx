import { useEditor } from '../store/store';

export function StatusBar() {
  const doc = useEditor((s) => s.doc);
  const busy = useEditor((s) => s.busy);
  const label = useEditor((s) => s.label);
  return (
    <footer className="status-bar">
      {doc ? (
        <>
          <span>{doc.original.name}</span>
          <span>
            {doc.canvas.width}×{doc.canvas.height} px ({((doc.canvas.width * doc.canvas.height) / 1e6).toFixed(1)} MP)
          </span>
          <span>{doc.original.hasIcc ? 'ICC profile' : 'no ICC profile'}</span>
          <span className="muted">Last: {label}</span>
        </>
      ) : (
        <span className="muted">No document</span>
      )}
      <span className="spacer" />
      {busy && (
        <span className="busy" data-testid="busy">
          {busy}
        </span>
      )}
    </footer>
  );
}
