/**
 * Tab and Shift+Tab stay inside a modal dialog: from its last control Tab goes to its first, from
 * its first (or from the dialog itself) Shift+Tab to its last. They walked out of the dialog onto
 * the page behind it (Shift+Tab from Settings' × reached "Batch…" in the status bar, and Enter
 * there opened the Batch dialog under Settings).
 */
import { type RefObject, useEffect, useRef } from 'react';
import { fieldOwnsKey } from './field-focus';

/** The parts of a key event (React's or the DOM's) the wrap reads. */
interface TabKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: unknown;
  preventDefault(): void;
}

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

/** For a dialog's onKeyDown (or a window key handler while it is open): wraps Tab / Shift+Tab at the dialog's ends. */
export function keepTabInside(e: TabKey, box: HTMLElement | null): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey || !box || fieldOwnsKey(e)) return;
  const items = tabbables(box);
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  const at = document.activeElement;
  const outside = !box.contains(at);
  const to = e.shiftKey ? (at === first || at === box || outside ? last : null) : at === last || outside ? first : null;
  if (!to) return;
  e.preventDefault();
  to.focus();
}

/**
 * While `open`, remembers the control that had the focus when the dialog opened (the Export… button,
 * the ⚙) and gives the focus back to it when the dialog closes, unless the focus has gone somewhere
 * else meanwhile. It fell to the page (nothing focused), so Tab started again from the window's top.
 * Call it before the dialog's own focusing effect.
 */
export function useFocusReturn(open = true): void {
  useEffect(() => {
    if (!open) return;
    const at = document.activeElement;
    const opener = at instanceof HTMLElement && at !== document.body ? at : null;
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected;
      if (opener?.isConnected && lost) opener.focus();
    };
  }, [open]);
}

/**
 * While `open`, keys pressed with the focus outside the dialog `box` (before its first focus lands,
 * after a click on the backdrop) are still the dialog's: Esc calls `onEscape`, Tab goes into it, and
 * no key reaches the editor's shortcuts behind it. Esc there closed nothing and reached the editor:
 * it discarded the staged candidates behind the Export dialog, or cancelled the running job behind
 * "A job is running".
 */
export function useKeysOutside(box: RefObject<HTMLElement | null>, onEscape: () => void, open = true): void {
  const esc = useRef(onEscape);
  esc.current = onEscape;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      const b = box.current;
      if (!b || (e.target instanceof Node && b.contains(e.target))) return;
      e.stopPropagation();
      if (e.key === 'Tab') return keepTabInside(e, b);
      e.preventDefault();
      if (e.key === 'Escape') esc.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, box]);
}
