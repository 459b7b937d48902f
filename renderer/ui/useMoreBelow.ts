/**
 * Whether a scrolling box has content below what it shows. The Generate panel scrolls above its
 * cost line, and on a short window its last lines — Add reference…, the offline engine's "it does not
 * read the prompt" and "a cloud model will do better", the expected time — sat below the fold with no
 * cue but a scrollbar, which macOS hides until one scrolls (and a retoucher never saw them). The panel
 * shows a "more" cue while this is true.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Closer than this to the end counts as the end (scroll positions are fractional). */
const SLACK = 4;

/** `ref`'s element's scrolling parent (`parent`: true) or the element itself. */
export function useMoreBelow(ref: RefObject<HTMLElement | null>, parent = false): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const box = parent ? ref.current?.parentElement : ref.current;
    if (!box) return;
    const check = () => setMore(box.scrollTop + box.clientHeight < box.scrollHeight - SLACK);
    const ro = new ResizeObserver(check);
    ro.observe(box);
    for (const el of box.children) ro.observe(el);
    box.addEventListener('scroll', check, { passive: true });
    check();
    return () => {
      ro.disconnect();
      box.removeEventListener('scroll', check);
    };
  }, [ref, parent]);
  return more;
}
