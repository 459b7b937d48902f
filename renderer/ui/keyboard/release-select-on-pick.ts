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
 *
 * A list the mouse opened and Esc closed without a pick (its Esc goes to the list; its key-up reaches
 * the page) leaves the focus on the select — Tab goes on from there — but gives the editor its keys:
 * the select is marked LIST_DISMISSED (field-focus.ts) until it is worked with ↑/↓ or left. It kept
 * every key, so B after Esc did not choose the brush.
 */
import { LIST_DISMISSED, SELECT_KEYS } from './field-focus';

/** Starts watching selects; returns the stop function. */
export function installReleaseSelectOnPick(): () => void {
  let pointed: HTMLSelectElement | null = null;
  const down = (e: PointerEvent) => {
    pointed = e.target instanceof HTMLSelectElement ? e.target : null;
  };
  const key = (e: KeyboardEvent) => {
    if (e.target === pointed) pointed = null;
    // ↑/↓ on a dismissed list's select: it is worked with the keys now, and keeps them.
    if (e.target instanceof HTMLSelectElement && SELECT_KEYS.has(e.key)) e.target.removeAttribute(LIST_DISMISSED);
  };
  const keyUp = (e: KeyboardEvent) => {
    const el = e.target;
    if (e.key !== 'Escape' || el !== pointed || !(el instanceof HTMLSelectElement) || el.closest('.modal')) return;
    pointed = null;
    if (document.activeElement === el) el.setAttribute(LIST_DISMISSED, '');
  };
  const left = (e: FocusEvent) => {
    if (e.target instanceof HTMLSelectElement) e.target.removeAttribute(LIST_DISMISSED);
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
  document.addEventListener('keyup', keyUp, true);
  document.addEventListener('focusout', left, true);
  document.addEventListener('change', change, true);
  return () => {
    document.removeEventListener('pointerdown', down, true);
    document.removeEventListener('keydown', key, true);
    document.removeEventListener('keyup', keyUp, true);
    document.removeEventListener('focusout', left, true);
    document.removeEventListener('change', change, true);
  };
}
