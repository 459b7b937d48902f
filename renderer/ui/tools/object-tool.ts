/**
 * Object select (O): drag a rectangle around an object; its mask comes from the graph-cut engine in
 * the select worker. While that result is the current mask, Shift-strokes mark "object" (a hint: the
 * core is fixed, the cut decides the rest of the brush, drawn fainter) and redo the cut (one more undo
 * step each) when begun within its rectangle (a Shift-click also within a brush width and a half of
 * it); an Alt-click there marks "not object" the same way. Every Alt drag is a rectangle that subtracts
 * the object found in it, as in Photoshop's Object Selection (begun inside the rectangle it painted a
 * "not object" stroke), and a Shift drag begun outside it one that adds another object. Escape cancels
 * the drag or the running job.
 */
import type { DocPoint } from '../../../shared/geometry/point';
import { objectSelectRect, objectStrokeAt, refineObject } from '../../commands/select-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import { selectionModeOver } from '../../commands/kept-mask';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

/** Diameter (document px) of a refining stroke: the brush size. */
const strokeSize = () => useEditor.getState().brush.size;

export function createObjectTool(): Tool {
  let state: 'idle' | 'rect' | 'stroke' = 'idle';
  let start: DocPoint | null = null;
  let end: DocPoint | null = null;
  let points: DocPoint[] = [];
  let object = true;
  /** A Shift / Alt press near (not in) the open selection's rectangle: a click there is a hint, a drag a rectangle. */
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

  function drawStroke(live: LiveSurface): void {
    live.clear();
    if (!points.length) return;
    const ctx = live.ctx;
    ctx.save();
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    const p0 = live.toScreen(points[0].x, points[0].y);
    ctx.moveTo(p0.x, p0.y);
    for (const p of points) {
      const s = live.toScreen(p.x, p.y);
      ctx.lineTo(s.x, s.y);
    }
    if (points.length === 1) ctx.lineTo(p0.x + 0.01, p0.y);
    const width = strokeSize() * live.scale();
    if (object) {
      // "Object": only the core (a quarter of the brush) is fixed; the rest is a hint the cut decides.
      ctx.lineWidth = Math.max(2, width);
      ctx.strokeStyle = 'rgba(40,200,90,0.25)';
      ctx.stroke();
      ctx.lineWidth = Math.max(2, width / 4);
      ctx.strokeStyle = 'rgba(40,200,90,0.8)';
    } else {
      ctx.lineWidth = Math.max(2, width);
      ctx.strokeStyle = 'rgba(230,60,60,0.6)';
    }
    ctx.stroke();
    ctx.restore();
  }

  function reset(live: LiveSurface): void {
    state = 'idle';
    start = end = null;
    points = [];
    live.clear();
  }

  return {
    id: 'object',
    state: () => state,
    down(p: ToolPointer, live) {
      if (p.button !== 0 || useEditor.getState().selecting) return;
      mods = { shift: p.shift, alt: p.alt };
      // Within the open selection's rectangle a Shift drag paints a hint; outside it, it is another
      // rectangle that adds (Photoshop's Shift drag; the options bar's mode). An Alt drag is always a
      // rectangle that subtracts the object in it, as Photoshop's Alt drag does. A Shift or Alt click
      // (no drag) near it, within a brush width and a half, is a hint: "object" may bring in a part the
      // rectangle left out, "not object" takes one away.
      hintIfClick = false;
      if (p.shift && !p.alt && objectStrokeAt(p.doc, 0)) {
        state = 'stroke';
        object = !p.alt;
        points = [p.doc];
        drawStroke(live);
        return;
      }
      if ((p.shift || p.alt) && objectStrokeAt(p.doc, strokeSize() * 1.5)) {
        hintIfClick = true;
        object = !p.alt;
      }
      state = 'rect';
      start = end = p.doc;
      drawRect(live);
    },
    move(p, live) {
      if (state === 'rect') {
        end = p.doc;
        drawRect(live);
      } else if (state === 'stroke') {
        points.push(p.doc);
        drawStroke(live);
      }
    },
    up(p, live) {
      if (state === 'stroke') {
        points.push(p.doc);
        const pts = points;
        reset(live);
        void refineObject(pts, strokeSize(), object);
        return;
      }
      if (state !== 'rect' || !start) return;
      end = p.doc;
      const x0 = Math.round(Math.min(start.x, end.x));
      const y0 = Math.round(Math.min(start.y, end.y));
      const x1 = Math.round(Math.max(start.x, end.x));
      const y1 = Math.round(Math.max(start.y, end.y));
      reset(live);
      if (x1 - x0 < 4 && y1 - y0 < 4 && hintIfClick) {
        void refineObject([p.doc], strokeSize(), object);
        return;
      }
      if (x1 - x0 < 4 || y1 - y0 < 4) return;
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
