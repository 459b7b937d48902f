/**
 * The Layers list's least height: three whole rows (all of them when there are fewer), the three
 * tallest, so that no row is ever cut, a two-line name's included. At 1280×720 with three layers the
 * list was about 50 px (the Mask row and one layer; the rest and the original scrolled in that box),
 * and with a layer mask the selected row showed half its height (the list's floor was 27 px).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Rows the list always has room for. */
export const LAYERS_FLOOR_ROWS = 3;

/** The least height for rows of these heights: the `LAYERS_FLOOR_ROWS` tallest, summed. */
export function layersListFloor(rowHeights: readonly number[]): number {
  return [...rowHeights]
    .sort((a, b) => b - a)
    .slice(0, LAYERS_FLOOR_ROWS)
    .reduce((n, h) => n + h, 0);
}

/**
 * Sets the list's floor after every render (rows come, go and change names), as a custom property the
 * column's CSS uses for min-height; the column's split (SideSplitter) keeps room for it. A row newly
 * selected (`selected`: its id) is scrolled wholly into view; a scroll of the user's is left alone.
 */
export function useLayersFloor(list: RefObject<HTMLUListElement | null>, selected: string | null): void {
  const shown = useRef<string | null>(null);
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const rows = [...ul.querySelectorAll<HTMLElement>(':scope > li')];
    const heights = rows.map((r) => r.getBoundingClientRect().height);
    const floor = Math.ceil(layersListFloor(heights));
    const was = ul.style.getPropertyValue('--layers-list-floor');
    if (was !== `${floor}px`) ul.style.setProperty('--layers-list-floor', `${floor}px`);
    // The tallest row: what the list keeps when the column is too short for three (SideSplitter).
    const tallest = `${Math.ceil(Math.max(0, ...heights))}px`;
    if (ul.style.getPropertyValue('--layers-row-max') !== tallest) ul.style.setProperty('--layers-row-max', tallest);
    if (shown.current === selected) return;
    shown.current = selected;
    const sel = ul.querySelector<HTMLElement>(':scope > li.selected');
    if (!sel) return;
    const s = sel.getBoundingClientRect();
    const o = ul.getBoundingClientRect();
    if (s.top < o.top) ul.scrollTop -= Math.ceil(o.top - s.top);
    else if (s.bottom > o.bottom) ul.scrollTop += Math.ceil(s.bottom - o.bottom);
  });
}
