/**
 * Keeps a scrolling box at its end while its content changes, once the user has scrolled it there.
 *
 * The side column's top part (Generate, then Mask) grows and shrinks with the mask: a magic-wand click
 * adds the offline engine's hint and the size and time lines to Generate, Keep (which clears the mask)
 * takes them away. Someone who had scrolled down to the Mask panel saw it pushed down out of view on
 * the wand click (the browser's scroll anchoring keeps the top of the view still, not the bottom). Here
 * a box scrolled to its end stays there, so what sits at the bottom stays in view; anywhere else
 * (the top included) the browser's anchoring still holds the view, and nothing scrolls the box but the
 * user.
 */
import { useEffect, type RefObject } from 'react';

/** Within this many px of the end counts as at the end (scroll positions are fractional). */
const END_SLACK = 1;

export function useKeepScrollEnd(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const room = () => box.scrollHeight - box.clientHeight;
    // Only a box scrolled down to its end is held there: at the top (where it starts, with nothing to
    // scroll) it is the top that stays.
    let atEnd = false;
    const onScroll = () => {
      atEnd = box.scrollTop > 0 && box.scrollTop >= room() - END_SLACK;
    };
    // Runs after layout and before paint: the box never shows a frame away from its end.
    const ro = new ResizeObserver(() => {
      if (atEnd && box.scrollTop < room() - END_SLACK) box.scrollTop = room();
    });
    const observeChildren = () => {
      ro.disconnect();
      ro.observe(box);
      for (const el of box.children) ro.observe(el);
    };
    observeChildren();
    // Panels that appear or go (a document opened or closed) are observed too.
    const mo = new MutationObserver(observeChildren);
    mo.observe(box, { childList: true });
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      box.removeEventListener('scroll', onScroll);
      mo.disconnect();
      ro.disconnect();
    };
  }, [ref]);
}
