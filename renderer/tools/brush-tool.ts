/**
 * Brush and eraser. While the pointer is down each move draws ONE segment into the screen-sized live
 * canvas (constant cost per move, whatever the photo size or the number of earlier strokes) and
 * records the point in document px. On pointer up the stroke is rasterised once at full resolution
 * into the tiled mask as one history step. Escape drops it without a trace.
 */
import { paintStroke, type DocPoint } from '../store/mask-commands';
import { useEditor } from '../store/store';
import type { LiveSurface, Tool } from './tool-types';

export function createBrushTool(erase: boolean): Tool {
  let state: 'idle' | 'painting' = 'idle';
  let points: DocPoint[] = [];
  let last: { x: number; y: number } | null = null;

  function styleFor(live: LiveSurface): void {
    const s = useEditor.getState();
    const { ctx } = live;
    const [r, g, b] = s.maskColor;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.max(1, s.brush.size * live.scale());
    ctx.strokeStyle = erase ? 'rgba(240,240,240,0.55)' : `rgba(${r},${g},${b},${Math.max(0.35, s.maskOpacity) * s.brush.opacity})`;
    ctx.fillStyle = ctx.strokeStyle;
  }

  return {
    id: erase ? 'eraser' : 'brush',
    state: () => state,
    down(p, live) {
      if (p.button !== 0) return;
      state = 'painting';
      points = [p.doc];
      last = p.screen;
      live.clear();
      styleFor(live);
      live.ctx.beginPath();
      live.ctx.arc(p.screen.x, p.screen.y, live.ctx.lineWidth / 2, 0, Math.PI * 2);
      live.ctx.fill();
    },
    move(p, live) {
      if (state !== 'painting' || !last) return;
      const dx = p.screen.x - last.x;
      const dy = p.screen.y - last.y;
      if (dx * dx + dy * dy < 0.25) return;
      points.push(p.doc);
      const ctx = live.ctx;
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.screen.x, p.screen.y);
      ctx.stroke();
      last = p.screen;
    },
    up(p, live) {
      if (state !== 'painting') return;
      if (points.length === 0 || points[points.length - 1] !== p.doc) points.push(p.doc);
      const stroke = points;
      state = 'idle';
      points = [];
      last = null;
      paintStroke(stroke, useEditor.getState().brush, erase);
      live.clear();
    },
    cancel(live) {
      state = 'idle';
      points = [];
      last = null;
      live.clear();
    },
  };
}
