/** Rectangular and elliptical marquee: drag to select; commits one mask change on release. */
import { applyEllipse, applyRect } from '../../commands/mask-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

export function createRectTool(shape: 'rect' | 'ellipse' = 'rect'): Tool {
  let state: 'idle' | 'dragging' = 'idle';
  let start = { x: 0, y: 0 };
  let end = { x: 0, y: 0 };

  function draw(live: LiveSurface): void {
    live.clear();
    const a = live.toScreen(Math.min(start.x, end.x), Math.min(start.y, end.y));
    const b = live.toScreen(Math.max(start.x, end.x), Math.max(start.y, end.y));
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
      draw(live);
    },
    move(p, live) {
      if (state !== 'dragging') return;
      end = p.doc;
      draw(live);
    },
    up(p, live) {
      if (state !== 'dragging') return;
      end = p.doc;
      state = 'idle';
      live.clear();
      const x0 = Math.round(Math.min(start.x, end.x));
      const y0 = Math.round(Math.min(start.y, end.y));
      const x1 = Math.round(Math.max(start.x, end.x));
      const y1 = Math.round(Math.max(start.y, end.y));
      const apply = shape === 'ellipse' ? applyEllipse : applyRect;
      apply({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, effectiveMode(useEditor.getState().selectionMode, p.shift, p.alt));
    },
    cancel(live) {
      state = 'idle';
      live.clear();
    },
  };
}
