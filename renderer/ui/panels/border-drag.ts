/**
 * A panel border dragged up and down (SideSplitter, HistorySplitter): the press takes the pointer
 * (no text selection, no drag of one: a drag right after a double-click, which had selected the
 * words beside it, dragged the selection and the border stopped after a few pixels), each move sets
 * the lower part's height from where it started (`done` false), the release sets it for good (true).
 */
import { useRef } from 'react';

export function useBorderDrag(set: (height: number, done: boolean) => void) {
  const drag = useRef<{ y: number; from: number; pointer: number } | null>(null);
  return {
    /** The press, with the lower part's height when it began. */
    start(e: React.PointerEvent<HTMLElement>, from: number) {
      e.preventDefault();
      e.currentTarget.focus({ preventScroll: true });
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { y: e.clientY, from, pointer: e.pointerId };
    },
    handlers: {
      onPointerMove(e: React.PointerEvent<HTMLElement>) {
        const d = drag.current;
        if (!d || d.pointer !== e.pointerId || e.clientY === d.y) return;
        set(d.from - (e.clientY - d.y), false);
      },
      onPointerUp(e: React.PointerEvent<HTMLElement>) {
        const d = drag.current;
        if (!d || d.pointer !== e.pointerId) return;
        drag.current = null;
        if (e.clientY !== d.y) set(d.from - (e.clientY - d.y), true);
      },
      onLostPointerCapture() {
        drag.current = null;
      },
    },
  };
}
