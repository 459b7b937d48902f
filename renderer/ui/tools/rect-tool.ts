/**
 * Rectangular and elliptical marquee: drag to select; commits one mask change on release. As in
 * Photoshop, the keys held when the drag starts choose the mode (Shift adds, Alt subtracts) and keys
 * pressed once it has started shape it: Shift makes a square or a circle, Alt draws from the centre.
 * A key held from the start shapes the drag only after it is let go and pressed again. Space held
 * mid-drag moves the marquee instead of growing it.
 */
import { applyEllipse, applyRect } from '../../commands/mask-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import { selectionModeOver } from '../../commands/kept-mask';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

/** The dragged box from `start` to `end`: a square with `square`, `start` its centre with `centred`. */
export function marqueeBox(
  start: { x: number; y: number },
  end: { x: number; y: number },
  square: boolean,
  centred: boolean,
): { x0: number; y0: number; x1: number; y1: number } {
  let dx = end.x - start.x;
  let dy = end.y - start.y;
  if (square) {
    const side = Math.max(Math.abs(dx), Math.abs(dy));
    dx = Math.sign(dx || 1) * side;
    dy = Math.sign(dy || 1) * side;
  }
  const from = centred ? { x: start.x - dx, y: start.y - dy } : start;
  const to = { x: start.x + dx, y: start.y + dy };
  return { x0: Math.min(from.x, to.x), y0: Math.min(from.y, to.y), x1: Math.max(from.x, to.x), y1: Math.max(from.y, to.y) };
}

export function createRectTool(shape: 'rect' | 'ellipse' = 'rect'): Tool {
  let state: 'idle' | 'dragging' = 'idle';
  let start = { x: 0, y: 0 };
  let end = { x: 0, y: 0 };
  /** The mode chosen by the keys held when the drag started. */
  let mode: ReturnType<typeof effectiveMode> = 'replace';
  /** Whether Shift / Alt now shape the drag (a key held from the start counts once let go). */
  let shiftShapes = false;
  let altShapes = false;
  let square = false;
  let centred = false;

  const track = (p: ToolPointer) => {
    if (!p.shift) shiftShapes = true;
    if (!p.alt) altShapes = true;
    square = shiftShapes && p.shift;
    centred = altShapes && p.alt;
  };

  function draw(live: LiveSurface): void {
    live.clear();
    const box = marqueeBox(start, end, square, centred);
    const a = live.toScreen(box.x0, box.y0);
    const b = live.toScreen(box.x1, box.y1);
    const ctx = live.ctx;
    ctx.save();
    ctx.lineWidth = 1;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    if (shape === 'ellipse')
      ctx.ellipse((a.x + b.x) / 2, (a.y + b.y) / 2, Math.abs(b.x - a.x) / 2, Math.abs(b.y - a.y) / 2, 0, 0, Math.PI * 2);
    else ctx.rect(a.x + 0.5, a.y + 0.5, b.x - a.x, b.y - a.y);
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.lineDashOffset = 5;
    ctx.strokeStyle = '#000';
    ctx.stroke();
    ctx.restore();
  }

  return {
    id: shape,
    state: () => state,
    down(p: ToolPointer, live) {
      if (p.button !== 0) return;
      state = 'dragging';
      start = p.doc;
      end = p.doc;
      mode = selectionModeOver(effectiveMode(useEditor.getState().selectionMode, p.shift, p.alt), p.shift);
      shiftShapes = !p.shift;
      altShapes = !p.alt;
      square = false;
      centred = false;
      draw(live);
    },
    move(p, live) {
      if (state !== 'dragging') return;
      if (p.space) {
        // Space held mid-drag moves the marquee as drawn so far; let go, and the drag goes on from there.
        start = { x: start.x + p.doc.x - end.x, y: start.y + p.doc.y - end.y };
        end = p.doc;
        draw(live);
        return;
      }
      end = p.doc;
      track(p);
      draw(live);
    },
    up(p, live) {
      if (state !== 'dragging') return;
      end = p.doc;
      track(p);
      state = 'idle';
      live.clear();
      const box = marqueeBox(start, end, square, centred);
      const x0 = Math.round(box.x0);
      const y0 = Math.round(box.y0);
      const x1 = Math.round(box.x1);
      const y1 = Math.round(box.y1);
      const apply = shape === 'ellipse' ? applyEllipse : applyRect;
      apply({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, mode);
    },
    cancel(live) {
      state = 'idle';
      live.clear();
    },
  };
}
