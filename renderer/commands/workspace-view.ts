/**
 * Photoshop's two "see the photo alone" switches:
 *
 * - Tab hides the panels — the options bar, the tool strip and the side panels — and Shift+Tab the
 *   side panels only; Tab (or Shift+Tab) again brings them back. The candidates' strip, the status bar
 *   and its messages stay. Only while the canvas has the focus (keyboard/canvas-focus.ts): Tab still
 *   moves the focus through the controls everywhere else.
 * - Ctrl+H (View › Show › Extras) hides the extras: the mask overlay, the dashed outline of what
 *   Generate will change and the frame of the layer mask being painted; Ctrl+H again shows them, the
 *   overlay only if it was on. A mask change still shows the overlay (overlay-visibility.ts).
 */
import { create } from 'zustand';
import { maskOverlayShown, setMaskOverlay } from './overlay-visibility';
import { useEditor } from './store/store';

/** Which panels Tab / Shift+Tab has hidden. */
export type PanelsHidden = 'none' | 'all' | 'side';

interface WorkspaceView {
  panels: PanelsHidden;
  /** Ctrl+H: the feather outline and the layer-mask frame are hidden (the overlay is hidden through its own setting). */
  extrasHidden: boolean;
  /** The overlay was shown when Ctrl+H hid the extras: Ctrl+H again shows it. */
  overlayWasShown: boolean;
}

export const useWorkspaceView = create<WorkspaceView>(() => ({ panels: 'none', extrasHidden: false, overlayWasShown: false }));

/** Tab: all hidden, or (anything hidden) all back. Shift+Tab: the side panels hidden, or all back. */
export function nextPanels(now: PanelsHidden, shift: boolean): PanelsHidden {
  if (now !== 'none') return 'none';
  return shift ? 'side' : 'all';
}

export const PANELS_HIDDEN_HINT =
  'Panels hidden: Tab shows them again (Shift+Tab hides the side panels only). To Tab through the controls, click a panel first.';
export const EXTRAS_HIDDEN_HINT = 'Extras hidden (the mask overlay and the dashed outlines): Ctrl+H shows them again.';

/** Tab / Shift+Tab on the canvas; says how to get the panels back when it hides them. */
export function togglePanels(shift: boolean, say: (message: string) => void): void {
  const next = nextPanels(useWorkspaceView.getState().panels, shift);
  useWorkspaceView.setState({ panels: next });
  if (next !== 'none') say(PANELS_HIDDEN_HINT);
  else useEditor.getState().dropMessages([PANELS_HIDDEN_HINT]); // no longer true: it stayed up
}

/** Ctrl+H: hides the extras, or shows them again (the overlay as it was when they were hidden). */
export function toggleExtras(say: (message: string) => void): void {
  const v = useWorkspaceView.getState();
  if (!v.extrasHidden) {
    const shown = maskOverlayShown(useEditor.getState());
    useWorkspaceView.setState({ extrasHidden: true, overlayWasShown: shown });
    if (shown) setMaskOverlay(false);
    say(EXTRAS_HIDDEN_HINT);
    return;
  }
  useWorkspaceView.setState({ extrasHidden: false, overlayWasShown: false });
  useEditor.getState().dropMessages([EXTRAS_HIDDEN_HINT]); // no longer true: it stayed up
  if (v.overlayWasShown) setMaskOverlay(true);
}
