/**
 * Brush and eraser. While the pointer is down each move draws ONE segment into the screen-sized live
 * canvas (constant cost per move, whatever the photo size or the number of earlier strokes) and
 * records the point in document px. On pointer up the stroke is rasterised once at full resolution
 * into the tiled mask as one history step. Escape drops it without a trace.
 * When a layer's mask is the target (Layers panel), the stroke paints that layer mask instead: the
 * eraser hides the layer, the brush brings it back, shown live on the layer (ui/canvas/layer-mask-stroke).
 * Shift+click draws a straight stroke from where the last stroke ended (stroke-anchor.ts), as in
 * Photoshop. While candidates are staged a click paints nothing (it gives the keys back to the
 * canvas, as README advises) but sets where a Shift+click draws from: the stroke starts only once
 * the pointer moves, so a drag still paints.
 */
import { paintStroke, type DocPoint } from '../../commands/mask-commands';
import { useEditor } from '../../commands/store/store';
import type { LiveSurface, Tool, ToolPointer } from './tool-types';
import { getMask } from '../../commands/blob-store';
import { maskTargetLayer } from '../../model/layer-logic';
import { paintLayerMask } from '../../commands/layer-commands';
import { beginLayerMaskStroke, type LayerMaskStroke } from '../canvas/layer-mask-stroke';
import { getStage } from '../canvas/stage-access';
import { redrawNodeRect } from '../canvas/partial-redraw';
import { dropLiveHidden } from '../canvas/live-hidden';
import type Konva from 'konva';
import type { Rect } from '../../../shared/geometry/rect';
import { candidatesShown } from '../../commands/overlay-visibility';
import { noteStrokeEnd, strokeAnchor } from './stroke-anchor';

/** How far (screen px, squared) the pointer moves before a press over staged candidates paints. */
const CLICK_SLOP_SQ = 16;

/**
 * Redraws the layer whose mask is painted (its stage node found once per stroke): the rectangle `r`
 * (layer px) alone, from the stroke's animation frame; without `r` the whole stage layer, next frame.
 */
function targetLayerRedraw(layerId: string): (r?: Rect) => void {
  const node = getStage()?.findOne<Konva.Image>(`.patch-${layerId}`);
  // The overlay of the part the mask hides follows the stroke as well (its own stage layer).
  const overlay = getStage()?.findOne<Konva.Shape>('.layer-mask-overlay')?.getLayer();
  return (r) => {
    if (r && node) redrawNodeRect(node, r);
    else node?.getLayer()?.batchDraw();
    overlay?.batchDraw();
  };
}

export function createBrushTool(erase: boolean): Tool {
  let state: 'idle' | 'pending' | 'painting' = 'idle';
  /** The press over staged candidates, until the pointer moves (a click there only takes the focus). */
  let pending: ToolPointer | null = null;
  let points: DocPoint[] = [];
  /** Pen pressure per point; null when the stroke is not drawn with a pen. */
  let pressures: number[] | null = null;
  let last: { x: number; y: number } | null = null;
  let layerStroke: LayerMaskStroke | null = null;
  /**
   * This stroke erases: the eraser's, or the brush's with Alt held at the press (and the eraser's with
   * Alt paints), as Alt flips a mask brush in Lightroom and Camera Raw. Photoshop's Alt picks a colour,
   * which a mask has no use for: an Alt+click with the brush painted a dot.
   */
  let strokeErase = erase;
  let redrawLayer: ((r?: Rect) => void) | null = null;

  function styleFor(live: LiveSurface): void {
    const s = useEditor.getState();
    const { ctx } = live;
    const [r, g, b] = s.maskColor;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.max(1, s.brush.size * live.scale());
    ctx.strokeStyle = strokeErase ? 'rgba(240,240,240,0.55)' : `rgba(${r},${g},${b},${Math.max(0.35, s.maskOpacity) * s.brush.opacity})`;
    ctx.fillStyle = ctx.strokeStyle;
  }

  /** Starts the stroke at `p`, or with the straight segment from `from` to `p` (Shift+click). */
  function begin(p: ToolPointer, live: LiveSurface, from: DocPoint | null): void {
    const s = useEditor.getState();
    state = 'painting';
    strokeErase = erase !== p.alt;
    const target = maskTargetLayer(s.doc, s.maskTarget);
    if (target) {
      const redraw = targetLayerRedraw(target.id);
      redrawLayer = redraw;
      layerStroke = beginLayerMaskStroke(
        target,
        target.maskId ? getMask(target.maskId) : null,
        s.brush,
        strokeErase,
        from ?? p.doc,
        redraw,
      );
      if (from) layerStroke.to(p.doc);
      return;
    }
    points = from ? [from, p.doc] : [p.doc];
    pressures = p.pointerType === 'pen' ? points.map(() => p.pressure) : null;
    last = p.screen;
    live.clear();
    styleFor(live);
    live.ctx.beginPath();
    if (from) {
      const a = live.toScreen(from.x, from.y);
      live.ctx.moveTo(a.x, a.y);
      live.ctx.lineTo(p.screen.x, p.screen.y);
      live.ctx.stroke();
    } else {
      live.ctx.arc(p.screen.x, p.screen.y, live.ctx.lineWidth / 2, 0, Math.PI * 2);
      live.ctx.fill();
    }
  }

  return {
    id: erase ? 'eraser' : 'brush',
    state: () => state,
    down(p, live) {
      if (p.button !== 0) return;
      const s = useEditor.getState();
      const from = p.shift ? strokeAnchor(s.doc) : null;
      if (!from && candidatesShown(s)) {
        state = 'pending';
        pending = p;
        return;
      }
      begin(p, live, from);
    },
    move(p, live) {
      if (state === 'pending' && pending) {
        const dx = p.screen.x - pending.screen.x;
        const dy = p.screen.y - pending.screen.y;
        if (dx * dx + dy * dy < CLICK_SLOP_SQ) return;
        const start = pending;
        pending = null;
        begin(start, live, null);
      }
      if (state === 'painting' && layerStroke) {
        layerStroke.to(p.doc);
        return;
      }
      if (state !== 'painting' || !last) return;
      const dx = p.screen.x - last.x;
      const dy = p.screen.y - last.y;
      if (dx * dx + dy * dy < 0.25) return;
      points.push(p.doc);
      pressures?.push(p.pressure);
      const ctx = live.ctx;
      if (pressures) {
        // The live preview follows the pen too (the stroke applied on release is exact).
        const use = useEditor.getState().select.pressure;
        const k = 0.1 + 0.9 * Math.min(1, Math.max(0, p.pressure));
        ctx.lineWidth = Math.max(1, useEditor.getState().brush.size * live.scale() * (use === 'size' || use === 'both' ? k : 1));
        ctx.globalAlpha = use === 'opacity' || use === 'both' ? k : 1;
      }
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.screen.x, p.screen.y);
      ctx.stroke();
      last = p.screen;
    },
    up(p, live) {
      if (state === 'pending') {
        // A click over staged candidates: no dot, no history step — but it is where a Shift+click
        // draws from next, as a click sets the start point in Photoshop (the line came from the end of
        // an older stroke, found by hand).
        state = 'idle';
        if (pending) noteStrokeEnd(useEditor.getState().doc, pending.doc);
        pending = null;
        return;
      }
      if (state === 'painting' && layerStroke) {
        layerStroke.to(p.doc);
        layerStroke.end();
        const stroke = layerStroke;
        layerStroke = null;
        redrawLayer = null;
        state = 'idle';
        const pts = stroke.points();
        paintLayerMask(stroke.layerId, pts, useEditor.getState().brush, strokeErase);
        noteStrokeEnd(useEditor.getState().doc, pts[pts.length - 1]);
        // Committed: the overlay draws the new mask from here on, not the stroke's live view.
        dropLiveHidden();
        return;
      }
      if (state !== 'painting') return;
      if (points.length === 0 || points[points.length - 1] !== p.doc) {
        points.push(p.doc);
        // The release reports pressure 0: the stroke ends at the last pressure drawn.
        pressures?.push(pressures[pressures.length - 1]);
      }
      const stroke = points;
      const pens = pressures;
      state = 'idle';
      points = [];
      pressures = null;
      last = null;
      const s = useEditor.getState();
      paintStroke(stroke, s.brush, strokeErase, pens ?? undefined, pens ? s.select.pressure : 'off');
      noteStrokeEnd(useEditor.getState().doc, stroke[stroke.length - 1]);
      live.ctx.globalAlpha = 1;
      live.clear();
    },
    cancel(live) {
      if (layerStroke) {
        layerStroke.cancel();
        layerStroke = null;
        redrawLayer?.();
        redrawLayer = null;
      }
      state = 'idle';
      pending = null;
      points = [];
      pressures = null;
      live.ctx.globalAlpha = 1;
      last = null;
      live.clear();
    },
  };
}
