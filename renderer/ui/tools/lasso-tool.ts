/**
 * Lasso and polygonal lasso in one tool (as in InvokeAI): drag draws freehand and closes on release;
 * clicks without dragging add polygon vertices, closed by double-click, Enter, or a click on the first
 * vertex. Backspace removes the last vertex; Escape cancels without a trace. A click that placed only
 * the first vertex holds the keys for nobody: a shortcut (Ctrl+S, a tool key) drops it and runs, as a
 * click with Photoshop's lasso leaves nothing behind; from the second vertex on the shortcut waits. Shift or Alt held at the
 * press that starts it (the first vertex) adds or subtracts, whatever is held at the later clicks.
 */
import { applyLasso, type DocPoint } from '../../commands/mask-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import { selectionModeOver } from '../../commands/kept-mask';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';

const CLOSE_RADIUS_PX = 8;
const DRAG_THRESHOLD_PX = 4;

export function createLassoTool(): Tool {
  let state: 'idle' | 'freehand' | 'polygon' = 'idle';
  let points: DocPoint[] = [];
  let downAt: { x: number; y: number } | null = null;
  let hover: DocPoint | null = null;
  let mods = { shift: false, alt: false };
  /** The stage's live surface, from the last press (one surface per stage): a lone point is dropped on it. */
  let surface: LiveSurface | null = null;

  function draw(live: LiveSurface): void {
    live.clear();
    if (!points.length) return;
    const ctx = live.ctx;
    ctx.save();
    ctx.beginPath();
    const p0 = live.toScreen(points[0].x, points[0].y);
    ctx.moveTo(p0.x, p0.y);
    for (let i = 1; i < points.length; i++) {
      const s = live.toScreen(points[i].x, points[i].y);
      ctx.lineTo(s.x, s.y);
    }
    if (hover && state === 'polygon') {
      const h = live.toScreen(hover.x, hover.y);
      ctx.lineTo(h.x, h.y);
    }
    ctx.lineWidth = 1;
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.lineDashOffset = 5;
    ctx.strokeStyle = '#000';
    ctx.stroke();
    if (state === 'polygon') {
      // The first point, where a click closes the polygon: visible from the first click on.
      ctx.setLineDash([]);
      ctx.fillStyle = '#fff';
      ctx.fillRect(p0.x - 3, p0.y - 3, 6, 6);
      ctx.strokeRect(p0.x - 3.5, p0.y - 3.5, 7, 7);
    }
    ctx.restore();
  }

  function finish(live: LiveSurface): void {
    const poly = points;
    state = 'idle';
    points = [];
    hover = null;
    live.clear();
    applyLasso(poly, selectionModeOver(effectiveMode(useEditor.getState().selectionMode, mods.shift, mods.alt), mods.shift));
  }

  function reset(live: LiveSurface): void {
    state = 'idle';
    points = [];
    hover = null;
    live.clear();
  }

  return {
    id: 'lasso',
    state: () => state,
    down(p: ToolPointer, live) {
      if (p.button !== 0) return;
      surface = live;
      if (state === 'polygon') {
        // The keys held at the first click chose add or subtract, as in Photoshop; the later clicks
        // (made without Alt) turned an Alt-started polygon into an add that changed nothing.
        const first = live.toScreen(points[0].x, points[0].y);
        if (points.length >= 3 && Math.hypot(first.x - p.screen.x, first.y - p.screen.y) <= CLOSE_RADIUS_PX) {
          finish(live);
          return;
        }
        points.push(p.doc);
        draw(live);
        return;
      }
      mods = { shift: p.shift, alt: p.alt };
      state = 'freehand';
      points = [p.doc];
      downAt = p.screen;
      draw(live);
    },
    move(p, live) {
      if (state === 'freehand') {
        points.push(p.doc);
        const ctx = live.ctx;
        const a = live.toScreen(points[points.length - 2].x, points[points.length - 2].y);
        ctx.save();
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(p.screen.x, p.screen.y);
        ctx.stroke();
        ctx.restore();
      } else if (state === 'polygon') {
        hover = p.doc;
        draw(live);
      }
    },
    up(p, live) {
      if (state !== 'freehand') return;
      const dragged = downAt && Math.hypot(p.screen.x - downAt.x, p.screen.y - downAt.y) > DRAG_THRESHOLD_PX;
      if (!dragged && points.length <= 3) {
        // A click: start a polygon at this vertex.
        state = 'polygon';
        points = [points[0]];
        draw(live);
        return;
      }
      finish(live);
    },
    dblclick(_p, live) {
      if (state === 'polygon' && points.length >= 3) finish(live);
    },
    key(key, live) {
      if (state !== 'polygon') return false;
      if (key === 'Enter' && points.length >= 3) {
        finish(live);
        return true;
      }
      if (key === 'Backspace') {
        points.pop();
        if (!points.length) state = 'idle';
        draw(live);
        return true;
      }
      return false;
    },
    betweenClicks: () => state === 'polygon',
    dropLonePoint() {
      if (state !== 'polygon' || points.length !== 1 || !surface) return false;
      reset(surface);
      return true;
    },
    redraw(live) {
      if (state !== 'idle') draw(live);
    },
    cancel: reset,
  };
}
