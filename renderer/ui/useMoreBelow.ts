/**
 * Whether a scrolling box has content below what it shows. The Generate panel scrolls above its
 * cost line, and on a short window its last lines — Add reference…, the offline engine's "it does not
 * read the prompt" and "a cloud model will do better", the expected time — sat below the fold with no
 * cue but a scrollbar, which macOS hides until one scrolls (and a retoucher never saw them). The panel
 * shows a "more" cue while this is true, and once scrolled to its end (by the cue or the wheel) a cue
 * back up to the prompt: after More ▾ the panel stayed scrolled with the prompt out of view.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Closer than this to the end counts as the end (scroll positions are fractional). */
const SLACK = 4;

/** Where the rest of the box is: 'below' while some of it is below the fold, else 'above' while it is scrolled down, else null. */
export type MoreWhere = 'below' | 'above' | null;

/** `ref`'s element's scrolling parent (`parent`: true) or the element itself. */
export function useMoreBelow(ref: RefObject<HTMLElement | null>, parent = false): MoreWhere {
  const [more, setMore] = useState<MoreWhere>(null);
  useEffect(() => {
    const box = parent ? ref.current?.parentElement : ref.current;
    if (!box) return;
    const check = () =>
      setMore(box.scrollTop + box.clientHeight < box.scrollHeight - SLACK ? 'below' : box.scrollTop > SLACK ? 'above' : null);
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
