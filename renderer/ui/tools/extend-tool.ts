/**
 * Extend tool (C, like Photoshop's crop tool): drag a side of the proposed canvas outward to extend
 * that side (whole pixels; the side inputs follow); with Alt held the opposite side moves as much, as
 * Photoshop's crop tool resizes about the centre. With a preset aspect chosen the drag keeps it (the
 * other axis follows), until the preset is let go (clicked again) or a side is typed. The proposal itself lives in the store and is
 * drawn on the stage (ui/canvas/ExtendPreview.tsx); Enter applies it, Escape drops it without a trace.
 */
import { cancelExtendDraft, dragDraft, draftSides, fitProposalIfOffScreen, sayNoCrop } from '../../commands/canvas-commands';
import { useEditor } from '../../commands/store/store';
import { draggedInward, frameRect, hitSide, SIDES, sideCursor, type Side, type Sides } from '../../model/extend-logic';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

/** The proposed canvas in screen px and the side under `p`, or null. */
function sideAt(p: ToolPointer, live: LiveSurface): Side | null {
  const s = useEditor.getState();
  if (!s.doc) return null;
  const f = frameRect(s.doc.canvas, draftSides(s));
  const a = live.toScreen(f.x, f.y);
  const b = live.toScreen(f.x + f.width, f.y + f.height);
  return hitSide({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }, p.screen);
}

export function createExtendTool(): Tool {
  let state: 'idle' | 'dragging' = 'idle';
  let drag: { side: Side; from: { x: number; y: number }; start: Sides } | null = null;

  return {
    id: 'extend',
    state: () => state,
    down(p, live) {
      if (p.button !== 0) return;
      const side = sideAt(p, live);
      if (!side) return;
      state = 'dragging';
      drag = { side, from: p.doc, start: draftSides(useEditor.getState()) };
    },
    move(p) {
      if (state !== 'dragging' || !drag) return;
      dragDraft(drag.start, drag.side, drag.from, p.doc, p.alt);
    },
    up(p) {
      if (state !== 'dragging' || !drag) return;
      const doc = useEditor.getState().doc;
      const start = drag.start;
      dragDraft(start, drag.side, drag.from, p.doc, p.alt);
      // Dragged inside the canvas as it is (a crop, as Photoshop's crop tool would): said, not silent.
      if (doc && draggedInward(start, drag.side, drag.from, p.doc, useEditor.getState().scale)) sayNoCrop();
      state = 'idle';
      drag = null;
      // Dragged past the window's edge: zoom out so every handle can be grabbed again. Only the sides
      // this drag moved count; a click on an edge (nothing moved) leaves the view alone.
      const now = draftSides(useEditor.getState());
      const moved = SIDES.filter((side) => now[side] !== start[side]);
      if (moved.length) fitProposalIfOffScreen(moved);
    },
    cancel() {
      // Escape during a drag drops the whole preview, as Escape does when idle.
      state = 'idle';
      drag = null;
      cancelExtendDraft();
    },
    cursor(p, live) {
      return sideCursor(drag ? drag.side : sideAt(p, live));
    },
  };
}
