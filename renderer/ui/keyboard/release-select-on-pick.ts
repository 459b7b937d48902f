/**
 * A list picked from with the mouse gives the keys back to the editor, as a choice in Photoshop's
 * options bar does: the focus leaves the select once the pick is made. It stayed there, and the select
 * took the keys a retoucher presses next — Space (to pan) opened the list while the drag painted a
 * brush stroke, ←/→ in the staging strip changed the Refine model instead of the candidate, Esc in the
 * compare view did not close it.
 *
 * A select worked with the keys (Tab to it, ↑/↓) keeps the focus: a key pressed on it after the
 * pointer went down makes it a keyboard choice. While the browser's list is open its keys go to the
 * list, not the page, so a pick made there (mouse or keys) still counts as a pointer pick. Selects in
 * a modal dialog (Export…, Settings) keep the focus: those dialogs read their keys (Esc, Enter) from
 * the focus inside them.
 */

/** Starts watching selects; returns the stop function. */
export function installReleaseSelectOnPick(): () => void {
  let pointed: HTMLSelectElement | null = null;
  const down = (e: PointerEvent) => {
    pointed = e.target instanceof HTMLSelectElement ? e.target : null;
  };
  const key = (e: KeyboardEvent) => {
    if (e.target === pointed) pointed = null;
  };
  const change = (e: Event) => {
    const el = e.target;
    if (!(el instanceof HTMLSelectElement) || el !== pointed) return;
    pointed = null;
    if (el.closest('.modal')) return;
    // After the app's own change handler (React's, at the root) has run.
    setTimeout(() => {
      if (document.activeElement === el) el.blur();
    }, 0);
  };
  document.addEventListener('pointerdown', down, true);
  document.addEventListener('keydown', key, true);
  document.addEventListener('change', change, true);
  return () => {
    document.removeEventListener('pointerdown', down, true);
    document.removeEventListener('keydown', key, true);
    document.removeEventListener('change', change, true);
  };
}
