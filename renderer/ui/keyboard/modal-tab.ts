/**
 * Tab and Shift+Tab stay inside a modal dialog: from its last control Tab goes to its first, from
 * its first (or from the dialog itself) Shift+Tab to its last. They walked out of the dialog onto
 * the page behind it (Shift+Tab from Settings' × reached "Batch…" in the status bar, and Enter
 * there opened the Batch dialog under Settings).
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fieldOwnsKey } from './field-focus';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The controls Tab reaches inside `box`, in document order (of a radio group only its checked one, if any). */
function tabbables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || !el.getClientRects().length) return false;
    const input = el as HTMLInputElement;
    if (input.type === 'hidden') return false;
    if (input.type === 'radio' && !input.checked && input.name)
      return !box.querySelector(`input[type="radio"][name="${CSS.escape(input.name)}"]:checked`);
    return true;
  });
}

/** For a dialog's onKeyDown: wraps Tab / Shift+Tab at the dialog's ends. */
export function keepTabInside(e: ReactKeyboardEvent, box: HTMLElement | null): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey || !box || fieldOwnsKey(e)) return;
  const items = tabbables(box);
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  const at = document.activeElement;
  const to = e.shiftKey ? (at === first || at === box || !box.contains(at) ? last : null) : at === last ? first : null;
  if (!to) return;
  e.preventDefault();
  to.focus();
}
