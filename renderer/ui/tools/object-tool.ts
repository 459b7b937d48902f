/**
 * Object select (O): drag a rectangle around an object; its mask comes from the graph-cut engine in
 * the select worker. Every drag is a rectangle, as in Photoshop's Object Selection: a plain one a new
 * selection, a Shift drag one that adds the object found in it, an Alt drag one that subtracts it —
 * begun inside the open selection's rectangle too (a Shift drag there painted an "object" stroke, an
 * Alt drag a "not object" one). While that result is the current mask, a Shift-click within its
 * rectangle (or a brush width and a half of it) marks "object" (a hint: the core is fixed, the cut
 * decides the rest of the brush) and an Alt-click "not object", and redoes the cut (one more undo step
 * each). Escape cancels the drag or the running job.
 */
import type { DocPoint } from '../../../shared/geometry/point';
import { objectSelectRect, objectStrokeAt, refineObject } from '../../commands/select-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import { selectionModeOver } from '../../commands/kept-mask';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

/** Diameter (document px) of a refining click: the brush size. */
const strokeSize = () => useEditor.getState().brush.size;

/** A press that moves less than this (document px) both ways is a click, not a rectangle. */
const CLICK = 4;

export function createObjectTool(): Tool {
  let state: 'idle' | 'rect' = 'idle';
  let start: DocPoint | null = null;
  let end: DocPoint | null = null;
  /** "Object" (Shift) or "not object" (Alt) for a hint click. */
  let object = true;
  /** A Shift / Alt press in or near the open selection's rectangle: a click there is a hint, a drag a rectangle. */
  let hintIfClick = false;
  let mods = { shift: false, alt: false };

  function drawRect(live: LiveSurface): void {
    live.clear();
    if (!start || !end) return;
    const a = live.toScreen(Math.min(start.x, end.x), Math.min(start.y, end.y));
    const b = live.toScreen(Math.max(start.x, end.x), Math.max(start.y, end.y));
    const ctx = live.ctx;
    ctx.save();
    ctx.lineWidth = 1;
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = '#fff';
    ctx.strokeRect(a.x + 0.5, a.y + 0.5, b.x - a.x, b.y - a.y);
    ctx.lineDashOffset = 5;
    ctx.strokeStyle = '#000';
    ctx.strokeRect(a.x + 0.5, a.y + 0.5, b.x - a.x, b.y - a.y);
    ctx.restore();
  }

  function reset(live: LiveSurface): void {
    state = 'idle';
    start = end = null;
    live.clear();
  }

  return {
    id: 'object',
    state: () => state,
    down(p: ToolPointer, live) {
      if (p.button !== 0 || useEditor.getState().selecting) return;
      mods = { shift: p.shift, alt: p.alt };
      // Every drag is a rectangle: Shift adds the object in it, Alt subtracts it, as in Photoshop's
      // Object Selection and as the options bar says (Add / Subtract), wherever it begins. A Shift or
      // Alt click (no drag) in or near the open selection's rectangle, within a brush width and a half,
      // is a hint for the cut: "object" may bring in a part the rectangle left out, "not object" takes
      // one away.
      hintIfClick = (p.shift || p.alt) && objectStrokeAt(p.doc, strokeSize() * 1.5);
      object = !p.alt;
      state = 'rect';
      start = end = p.doc;
      drawRect(live);
    },
    move(p, live) {
      if (state !== 'rect') return;
      end = p.doc;
      drawRect(live);
    },
    up(p, live) {
      if (state !== 'rect' || !start) return;
      end = p.doc;
      const x0 = Math.round(Math.min(start.x, end.x));
      const y0 = Math.round(Math.min(start.y, end.y));
      const x1 = Math.round(Math.max(start.x, end.x));
      const y1 = Math.round(Math.max(start.y, end.y));
      reset(live);
      if (x1 - x0 < CLICK && y1 - y0 < CLICK && hintIfClick) {
        void refineObject([p.doc], strokeSize(), object);
        return;
      }
      if (x1 - x0 < CLICK || y1 - y0 < CLICK) return;
      void objectSelectRect(
        { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
        selectionModeOver(effectiveMode(useEditor.getState().selectionMode, mods.shift, mods.alt), mods.shift),
      );
    },
    cancel(live) {
      reset(live);
    },
  };
}
