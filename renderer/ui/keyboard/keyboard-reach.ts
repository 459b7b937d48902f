/**
 * Which controls the keyboard moved the focus to. A button reached with Tab or Shift+Tab (its focus
 * ring shows) is pressed by Enter and Space, as anywhere else; a button clicked with the mouse, or
 * focused by code (a dialog giving the focus back to what opened it), leaves Enter to the editor
 * (Keep, among staged candidates) and Space to the hand.
 *
 * Chromium's own `:focus-visible` cannot tell them apart here: after any key it rings the button the
 * mouse clicked last, so Enter pressed Export… again after an export, or a clicked Generate (a paid
 * request) after ← → among the candidates. So the reach is recorded as it happens: a focus that
 * arrives while a Tab key is being handled (the browser's own move, or a dialog wrapping Tab by code
 * in the same keydown) marks its element; any pointer press forgets them all.
 */

let reached = new WeakSet<object>();
let tabbing = false;

/** Starts recording on `win` (the window); returns the function that stops. */
export function installKeyboardReach(win: EventTarget = window): () => void {
  const key = (e: Event) => {
    if ((e as KeyboardEvent).key !== 'Tab') return;
    tabbing = true;
    // The focus moves in the key's default action or in a handler of this same keydown, both
    // before any timer runs.
    setTimeout(() => {
      tabbing = false;
    }, 0);
  };
  const focus = (e: Event) => {
    if (tabbing && e.target) reached.add(e.target);
  };
  const pointer = () => {
    reached = new WeakSet();
  };
  win.addEventListener('keydown', key, true);
  win.addEventListener('focusin', focus, true);
  win.addEventListener('pointerdown', pointer, true);
  return () => {
    win.removeEventListener('keydown', key, true);
    win.removeEventListener('focusin', focus, true);
    win.removeEventListener('pointerdown', pointer, true);
    reached = new WeakSet();
    tabbing = false;
  };
}

/** `el` got the focus from Tab or Shift+Tab, and no pointer was pressed since. */
export function reachedByKeyboard(el: unknown): boolean {
  return typeof el === 'object' && el !== null && reached.has(el);
}
