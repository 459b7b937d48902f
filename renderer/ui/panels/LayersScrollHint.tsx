/**
 * The Layers rows scrolled out of sight, said on the heading's line as History says its earlier steps:
 * "▴ 2 more" (rows above) or "▾ 1 more" (below) — "▴ 1 ▾ 1" for both — each a button that scrolls there. With three kept layers
 * at 1280×800 the list shows three of its five rows, and once a lower layer was selected the Mask row
 * and the top layer were scrolled away with nothing to say so (a hidden scrollbar, as on macOS, says
 * nothing): they looked deleted.
 */
import { type RefObject, useEffect, useState } from 'react';

/** How many of the list's rows are wholly or partly above and below its visible box. */
function outOfView(ul: HTMLElement): { above: number; below: number } {
  const box = ul.getBoundingClientRect();
  let above = 0;
  let below = 0;
  for (const li of ul.children) {
    const r = li.getBoundingClientRect();
    if (r.top < box.top - 0.5) above++;
    else if (r.bottom > box.bottom + 0.5) below++;
  }
  return { above, below };
}

/**
 * A view aid for the mouse, as the scrollbar it stands for: not a Tab stop, and a click leaves the focus
 * (and the editor's keys) where it was. The rows themselves are reached with ↑/↓, which scroll them in.
 */
const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

export function LayersScrollHint({ list }: { list: RefObject<HTMLElement | null> }) {
  const [seen, setSeen] = useState({ above: 0, below: 0 });
  // After every render (rows come and go), on the list's scroll and on its resize.
  useEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const count = () =>
      setSeen((was) => {
        const now = outOfView(ul);
        return now.above === was.above && now.below === was.below ? was : now;
      });
    count();
    ul.addEventListener('scroll', count);
    const ro = new ResizeObserver(count);
    ro.observe(ul);
    return () => {
      ul.removeEventListener('scroll', count);
      ro.disconnect();
    };
  });
  if (!seen.above && !seen.below) return null;
  return (
    <span className="layers-out-of-view">
      {seen.above > 0 && (
        <button
          type="button"
          tabIndex={-1}
          onMouseDown={keepFocus}
          aria-label={`${rows(seen.above)} above: scroll up`}
          title={`${rows(seen.above)} of Layers above: scroll up to the top`}
          onClick={() => list.current?.scrollTo({ top: 0 })}
        >
          ▴ {seen.above}
          {seen.below ? '' : ' more'}
        </button>
      )}
      {seen.below > 0 && (
        <button
          type="button"
          tabIndex={-1}
          onMouseDown={keepFocus}
          aria-label={`${rows(seen.below)} below: scroll down`}
          title={`${rows(seen.below)} of Layers below: scroll down to the original`}
          onClick={() => list.current?.scrollTo({ top: list.current.scrollHeight })}
        >
          ▾ {seen.below}
          {seen.above ? '' : ' more'}
        </button>
      )}
    </span>
  );
}
