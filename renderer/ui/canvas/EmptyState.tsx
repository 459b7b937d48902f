/** What the canvas shows with no photo open. */
export function EmptyState() {
  return (
    <div className="empty-state">
      <h2>Open a photo to start</h2>
      <p>
        <kbd>Ctrl/⌘ O</kbd> to open, drag a file here, or paste an image with <kbd>Ctrl/⌘ V</kbd>.
      </p>
    </div>
  );
}
