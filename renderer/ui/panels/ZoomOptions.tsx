/** The Zoom tool's options, as Photoshop's: 100 % and Fit Screen (Zoom to mask is Shift+Z and in the Mask panel). */
import { useEditor } from '../../commands/store/store';
import { fitOnScreen } from '../../commands/canvas-commands';

export function ZoomOptions() {
  const hasDoc = useEditor((s) => !!s.doc);
  return (
    <span className="tool-options" data-testid="zoom-options">
      <span className="muted">Click: zoom in · Alt+click: out · drag sideways: scrub</span>
      <button type="button" disabled={!hasDoc} onClick={() => useEditor.getState().zoomTo(1)} title="Actual pixels (Ctrl+1)">
        100%
      </button>
      <button type="button" disabled={!hasDoc} onClick={() => fitOnScreen()} title="Fit on screen (Ctrl+0)">
        Fit Screen
      </button>
    </span>
  );
}
