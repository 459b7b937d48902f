/**
 * The one rule every window-level key handler follows: a key pressed while focus is in a field that
 * takes typing belongs to that field. Text inputs, number inputs, textareas and contenteditable
 * elements own every key (a space, B, digits, Enter, arrows, Delete, Ctrl+A/Z…); a select owns every
 * key but Ctrl/Cmd chords (Ctrl+Z there is the document's undo, not the browser's);
 * a range slider owns the keys that move it, a focused separator ArrowUp/ArrowDown/Home/End, a focused radio the arrows/Home/End. Only shortcuts marked global (Ctrl/Cmd+Enter generates,
 * Ctrl/Cmd+O opens, Ctrl/Cmd+Shift+Alt+S exports) still fire there.
 *
 * Written against a minimal element shape so it runs in Node tests without a DOM.
 */

import { reachedByKeyboard } from './keyboard-reach';

/** The parts of an element the rule reads. */
export interface FocusTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  readOnly?: boolean;
  getAttribute?(name: string): string | null;
}

/** `<input type=…>` kinds that do not take typed text (they are clicked or dragged). */
const NOT_TYPED = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** Keys a focused range slider uses to move. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Keys a focused separator (the side column's splitter) uses to move. */
const SEPARATOR_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);

const isSeparator = (el: FocusTarget | null | undefined) =>
  typeof el?.getAttribute === 'function' && el.getAttribute('role') === 'separator';

/** Keys a focused radio of a radio group (the extend tool's Anchor) uses to move the choice. */
const RADIO_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

const isRadio = (el: FocusTarget | null | undefined) =>
  (typeof el?.getAttribute === 'function' && el.getAttribute('role') === 'radio') ||
  (typeof el?.tagName === 'string' && el.tagName.toUpperCase() === 'INPUT' && (el.type ?? '').toLowerCase() === 'radio');

/** Controls Enter presses (Space too), and those only Space presses. */
const PRESSED_BY_ENTER = new Set(['BUTTON', 'A', 'INPUT:button', 'INPUT:submit', 'INPUT:reset']);
const PRESSED_BY_SPACE = new Set(['INPUT:checkbox', 'INPUT:radio']);

/** `el` is a control the keyboard reached (keyboard-reach.ts) and `key` presses it. */
function pressesReached(el: FocusTarget, e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'Enter' && e.key !== ' ') || !reachedByKeyboard(el)) return false;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  const kind = tag === 'INPUT' ? `INPUT:${(el.type ?? '').toLowerCase()}` : tag;
  return PRESSED_BY_ENTER.has(kind) || (e.key === ' ' && PRESSED_BY_SPACE.has(kind));
}

const isSelect = (el: FocusTarget | null | undefined) => typeof el?.tagName === 'string' && el.tagName.toUpperCase() === 'SELECT';

/**
 * Set on a select whose list the mouse opened and Esc closed without a pick (release-select-on-pick.ts):
 * it keeps the focus, and the keys that work a closed select, but every other key is the editor's.
 */
export const LIST_DISMISSED = 'data-list-dismissed';

/** The keys that work a closed select: ↑/↓, Home/End, PageUp/PageDown change its choice, Alt+↓ and F4 open its list. */
export const SELECT_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'F4']);

/**
 * Set on a select that belongs to a text field (the prompt's Prompt preset and Recent prompts lists):
 * its Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z / Ctrl+Y are the text's (the list undoes its last pick into the
 * prompt box, usePromptPick.ts), not the document's — Ctrl+Z there undid a mask stroke.
 */
export const TEXT_KEYS = 'data-text-keys';

const textKeys = (el: FocusTarget | null | undefined) =>
  isSelect(el) && typeof el?.getAttribute === 'function' && el.getAttribute(TEXT_KEYS) !== null;

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y (and Alt+Z, Photoshop's step backward): undo and redo. */
const undoChord = (e: { key: string; code?: string; ctrlKey?: boolean; metaKey?: boolean }) =>
  !!(e.ctrlKey || e.metaKey) && (e.code ? e.code === 'KeyZ' || e.code === 'KeyY' : /^[zy]$/i.test(e.key));

const listDismissed = (el: FocusTarget | null | undefined) =>
  isSelect(el) && typeof el?.getAttribute === 'function' && el.getAttribute(LIST_DISMISSED) !== null;

/** Focus is in an editable field: a text or number input, a textarea, a select, or contenteditable. */
export function isEditableField(el: FocusTarget | null | undefined): boolean {
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TYPED.has((el.type ?? 'text').toLowerCase());
  return false;
}

/**
 * True when `e`'s key belongs to the focused field, so a window-level shortcut must leave it alone
 * (and must not call preventDefault): any key in an editable field, the moving keys on a slider,
 * Enter and Space on a button the keyboard reached. Tab is no field's: it moves the focus out of every field (no textarea here takes a tab), so a
 * dialog may keep it among its own controls (modal-tab.ts).
 */
export function fieldOwnsKey(e: {
  target: unknown;
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}): boolean {
  const t = e.target as FocusTarget | null;
  if (e.key === 'Tab') return false;
  // Enter or Space on a button reached with Tab presses it: with candidates staged, Tab to Discard
  // and Enter kept the candidate (the editor's Enter) and closed staging.
  if (t && pressesReached(t, e)) return true;
  // A select takes letters (type-ahead), arrows, Enter, Space and Esc, but no Ctrl/Cmd chord: there
  // the browser's Ctrl+Z undid the typing in the last text field (a prompt lost its last letter) while
  // the document's Ctrl+Z did nothing, right after a model was picked from the list.
  // A prompt list keeps undo and redo: they are the prompt's (TEXT_KEYS).
  if (isSelect(t) && (e.ctrlKey || e.metaKey)) return textKeys(t) && undoChord(e);
  // Its list dismissed with Esc, no pick made: B, Space, Enter, ←/→… are the editor's again (the select
  // kept them, so B did not choose the brush); ↑/↓ still change its choice.
  if (listDismissed(t) && !SELECT_KEYS.has(e.key)) return false;
  if (isEditableField(t)) return true;
  if (isSeparator(t) && SEPARATOR_KEYS.has(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) return true;
  if (isRadio(t) && RADIO_KEYS.has(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) return true;
  return !!t && typeof t.tagName === 'string' && t.tagName.toUpperCase() === 'INPUT' && t.type === 'range' && SLIDER_KEYS.has(e.key);
}
