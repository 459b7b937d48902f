/**
 * Brings what an action just made appear into its scrolling box's view. The Generate panel scrolls
 * above its footer, and on a 1280×800 window what Generate or a tick added under its fold stayed
 * there: "Several models at once" ran with every model's line and Cancel all models out of sight (the
 * footer said only "A job is running"), and "Retry until the text is right" ticked put its "up to 2
 * more requests and at most $" limits under the footer. A person saw none of it until they scrolled.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** The nearest ancestor of `el` that scrolls vertically. */
function scrollBox(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  return null;
}

/** Whether `top`…`bottom` shows whole in `box` (half a px of slack: positions are fractional). */
function wholeIn(box: HTMLElement, top: HTMLElement, bottom: HTMLElement): boolean {
  const b = box.getBoundingClientRect();
  return top.getBoundingClientRect().top >= b.top - 0.5 && bottom.getBoundingClientRect().bottom <= b.bottom + 0.5;
}

/**
 * Scrolls only `top`'s scrolling box (not the column or the window around it) by the least that shows
 * `top` to `bottom` whole; when they are taller than the box, `top` goes to its top.
 */
export function revealInBox(top: HTMLElement, bottom: HTMLElement = top): void {
  const box = scrollBox(top);
  if (!box) return;
  const b = box.getBoundingClientRect();
  const t = top.getBoundingClientRect().top;
  const e = bottom.getBoundingClientRect().bottom;
  if (e > b.bottom + 0.5) box.scrollTop += Math.min(e - b.bottom, t - b.top);
  else if (t < b.top - 0.5) box.scrollTop -= b.top - t;
}

/**
 * Each time `startKey` becomes a new non-null value (a run started), `ref`'s element is brought into
 * view; then, as long as it stays whole in view (the user did not scroll it away), it is kept whole
 * while it grows (a model's "Waiting…" becoming "Done in 4.2 s · 2 candidates · $0.106" on two lines,
 * the Dismiss button under them). Only the element's own box scrolls, and only then: mounted with a
 * null key (lines shown again by a tick), nothing moves.
 */
export function useRevealOnStart(ref: RefObject<HTMLElement | null>, startKey: unknown): void {
  const watched = useRef(false);
  useEffect(() => {
    const el = ref.current;
    const box = el && scrollBox(el);
    if (!el || !box) return;
    const onScroll = () => {
      watched.current = wholeIn(box, el, el);
    };
    const ro = new ResizeObserver(() => {
      if (watched.current && !wholeIn(box, el, el)) revealInBox(el);
    });
    ro.observe(el);
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      ro.disconnect();
      box.removeEventListener('scroll', onScroll);
    };
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    const box = el && scrollBox(el);
    if (startKey === null || startKey === undefined || !el || !box) return;
    revealInBox(el);
    watched.current = wholeIn(box, el, el);
  }, [ref, startKey]);
}
