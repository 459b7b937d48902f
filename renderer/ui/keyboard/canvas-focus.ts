/**
 * Whether the canvas has the focus, as Photoshop means it for Tab (hide the panels): the last press of
 * the mouse was on the canvas, no control has taken the focus since, and no dialog is open. Tab
 * anywhere else moves the focus, as in any window: a keyboard user who has not clicked the canvas
 * (the app starts with the focus nowhere) Tabs into the controls, and a click on a panel's empty part
 * gives Tab back to the controls.
 */

/** What the rule reads: pure, so it is tested without a DOM. */
export interface CanvasFocusFacts {
  /** The focus is on no control (document.body, or nothing). */
  focusOnNothing: boolean;
  /** The last mouse press was on the canvas, and no control took the focus after it. */
  lastPressOnCanvas: boolean;
  /** A dialog (aria-modal) is open: Tab is its own (modal-tab.ts). */
  dialogOpen: boolean;
}

export function canvasHasFocus(f: CanvasFocusFacts): boolean {
  return f.focusOnNothing && f.lastPressOnCanvas && !f.dialogOpen;
}

let pressOnCanvas = false;

/** The canvas's host element (EditorStage's wrapper and the staging dock sit in `.canvas-area`; only the picture counts). */
const CANVAS = '.canvas-host';

export function installCanvasFocus(): () => void {
  const down = (e: PointerEvent) => {
    pressOnCanvas = e.target instanceof Element && !!e.target.closest(CANVAS);
    // A click on the canvas gives the keys back to the editor with every tool: the hand's press
    // prevents the default, and a button clicked before kept the focus, and Tab. Not a middle-button
    // pan: the prompt being typed keeps its focus through it, as before.
    const a = document.activeElement;
    if (pressOnCanvas && e.button === 0 && a instanceof HTMLElement && a !== document.body) a.blur();
  };
  // A control that takes the focus after the press (a click, a Tab, a dialog's field) ends it.
  const focusIn = (e: FocusEvent) => {
    if (e.target instanceof Element && !e.target.closest(CANVAS)) pressOnCanvas = false;
  };
  window.addEventListener('pointerdown', down, true);
  window.addEventListener('focusin', focusIn, true);
  return () => {
    window.removeEventListener('pointerdown', down, true);
    window.removeEventListener('focusin', focusIn, true);
  };
}

/** The rule, read from the page now. */
export function canvasFocused(): boolean {
  const a = document.activeElement;
  return canvasHasFocus({
    focusOnNothing: !a || a === document.body || a === document.documentElement,
    lastPressOnCanvas: pressOnCanvas,
    dialogOpen: !!document.querySelector('[aria-modal="true"]'),
  });
}
