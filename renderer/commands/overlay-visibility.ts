/**
 * Whether the mask overlay is on screen, and the one way to switch it (`\`, the Mask row's eye, Show
 * overlay). Staged candidates hide it, so the result shows unmasked — but the eye and the checkbox used
 * to keep saying "shown" over them, `\` changed only that word, and a stroke painted meanwhile went
 * into the mask unseen. Now what they say is what is drawn: over staged candidates the overlay is off
 * until asked for (`\`, the eye, or any mask change such as a stroke turns it on over them), and each
 * new staging starts with it off again.
 */
import { useEditor } from './store/store';

type Store = ReturnType<typeof useEditor.getState>;

/** Candidates staged, or an edit's first candidate shown ahead of its result. */
export function candidatesShown(s: Pick<Store, 'staging' | 'job'>): boolean {
  return s.staging.items.length > 0 || !!s.job?.early;
}

/** The overlay as drawn: the user's setting, and over candidates only when asked for. */
export function maskOverlayShown(s: Pick<Store, 'staging' | 'job' | 'maskVisible' | 'maskOverStaged'>): boolean {
  return s.maskVisible && (!candidatesShown(s) || s.maskOverStaged);
}

/** Shows or hides the overlay as drawn now (over candidates too). */
export function setMaskOverlay(on: boolean): void {
  const s = useEditor.getState();
  if (s.maskVisible !== on) s.setMaskVisible(on);
  const over = on && candidatesShown(s);
  if (s.maskOverStaged !== over) s.setMaskOverStaged(over);
}

export function toggleMaskOverlay(): void {
  setMaskOverlay(!maskOverlayShown(useEditor.getState()));
}

/** A mask change: a hidden overlay comes back on (over candidates too), so nobody paints a mask they cannot see. */
export function revealMaskOverlay(): void {
  if (!maskOverlayShown(useEditor.getState())) setMaskOverlay(true);
}

/** When the candidates go, "over candidates" goes with them: the next staging starts with the overlay off. */
export function installOverlayReset(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.maskOverStaged && !candidatesShown(s) && candidatesShown(prev)) s.setMaskOverStaged(false);
  });
}
