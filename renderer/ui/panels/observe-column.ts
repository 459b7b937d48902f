/**
 * Measures the right-hand column whenever any part of it changes size (the window, the Mask panel
 * folded, a layer kept, Generate's footer growing) and whenever parts come and go; the splitters
 * (SideSplitter, HistorySplitter) hold their heights against what it gives. Runs after the commit:
 * the parts' refs (the column's, and Layers' after the splitter) are not set yet in a splitter's own
 * layout effects. `measure` may give null while a part it needs is missing; `same` keeps equal
 * measures from setting state again.
 */
import { useEffect, useState, type RefObject } from 'react';

export interface ColumnParts {
  column: RefObject<HTMLElement | null>;
  top: RefObject<HTMLElement | null>;
  bottom: RefObject<HTMLElement | null>;
}

interface Options<M> {
  measure: (column: HTMLElement, top: HTMLElement, bottom: HTMLElement) => M | null;
  same: (a: M | null, b: M) => boolean;
  /** Elements to watch besides the column, its children and the two parts' children. */
  more?: (top: HTMLElement, bottom: HTMLElement) => Iterable<Element>;
  /** Watch the lower part's whole subtree for parts coming and going (else its children only). */
  bottomSubtree?: boolean;
}

export function useColumnMeasure<M>({ column, top, bottom }: ColumnParts, options: Options<M>): M | null {
  const [value, setValue] = useState<M | null>(null);
  const { measure, same, more, bottomSubtree } = options;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are module-level functions of each splitter
  useEffect(() => {
    const col = column.current;
    const t = top.current;
    const b = bottom.current;
    if (!col || !t || !b) return;
    let last: M | null = null;
    const update = () => {
      const next = measure(col, t, b);
      if (next === null || same(last, next)) return;
      last = next;
      setValue(next);
    };
    const ro = new ResizeObserver(update);
    const observeAll = () => {
      ro.disconnect();
      for (const el of [col, ...col.children, ...t.children, ...b.children, ...(more ? more(t, b) : [])]) ro.observe(el);
    };
    observeAll();
    const mo = new MutationObserver(observeAll);
    for (const el of [col, t]) mo.observe(el, { childList: true });
    mo.observe(b, { childList: true, subtree: !!bottomSubtree });
    update();
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, [column, top, bottom]);
  return value;
}
