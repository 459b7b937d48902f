/**
 * A brush or eraser stroke on a layer mask while the pointer is down. A pointer move only stamps its
 * new segment into the stroke's coverage (shared/mask/stroke-coverage: the maximum seen per pixel,
 * tiles allocated on first touch, nothing per move) and grows a dirty rectangle — the same
 * incremental work as painting the document mask — and asks for one animation frame if none is
 * pending. That frame shows the dirty rectangle's mask values on the layer's canvas and redraws
 * that rectangle alone on the stage; a pointer move never draws. Pointer up commits the exact
 * full stroke as one history step (renderer/commands/layer-commands.ts); Escape redraws the touched
 * area as it was.
 */
import type { DocPoint } from '../../../shared/geometry/point';
import { coverageLut, createFullMask, getMaskValue, StrokeCoverage, type Rect, type TiledMask } from '../../../shared/mask';
import type { PatchLayer } from '../../../shared/document/schema';
import { restoreRect, showLiveMask } from './layer-display';
import { beginLiveHidden } from './live-hidden';
import { hiddenPart } from './mask-overlay';

export interface LayerMaskStroke {
  readonly layerId: string;
  /** Adds the segment from the previous point to `p` (document px); the canvas follows on the next frame. */
  to(p: DocPoint): void;
  /** The stroke's points so far (document px). */
  points(): DocPoint[];
  /** Ends the live display (the commit redraws from the new mask). */
  end(): void;
  /** Puts the touched area back as the committed mask shows it. */
  cancel(): void;
}

/** How the stroke asks for the next frame (requestAnimationFrame in the app; tests pass their own). */
export interface FrameScheduler {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export function beginLayerMaskStroke(
  layer: PatchLayer,
  base: TiledMask | null,
  brush: { size: number; hardness: number; opacity: number },
  erase: boolean,
  start: DocPoint,
  /** Redraws the layer on the stage where `r` (layer px) changed; called from the animation frame. */
  redraw: (r: Rect) => void,
  frames: FrameScheduler = animationFrames,
): LayerMaskStroke {
  const mask = base ?? createFullMask(layer.width, layer.height);
  const lut = coverageLut(erase ? 'subtract' : 'add', brush.opacity);
  const cov = new StrokeCoverage(layer.width, layer.height, brush);
  const pts: DocPoint[] = [start];
  let dirty: Rect | null = null;
  let touched: Rect | null = null;
  let frame = 0;
  // The overlay's red shows where the mask hides the layer: it follows the stroke too.
  const overlay = beginLiveHidden(layer.id, layer.maskId, layer.maskId ? hiddenPart(layer.maskId) : null, layer);
  /** The frame's mask values (row-major, reused and grown, never shrunk): read once, used by both views. */
  let values = new Uint8Array(0);

  /** The mask values the stroke gives in `r`, into `values`. */
  function read(r: Rect): Uint8Array {
    if (values.length < r.width * r.height) values = new Uint8Array(r.width * r.height);
    for (let y = 0, i = 0; y < r.height; y++) {
      const ly = r.y + y;
      for (let x = 0; x < r.width; x++, i++) {
        const lx = r.x + x;
        values[i] = lut[(getMaskValue(mask, lx, ly) << 8) | cov.value(lx, ly)];
      }
    }
    return values;
  }

  /** `v` (the values of `r`) as alpha. */
  const fillFrom =
    (r: Rect, v: Uint8Array) =>
    (data: Uint8ClampedArray, stride: number): void => {
      for (let y = 0, i = 0; y < r.height; y++) for (let x = 0, q = y * stride * 4 + 3; x < r.width; x++, q += 4, i++) data[q] = v[i];
    };

  /** The next frame shows what the moves since the last one changed. */
  function flush(): void {
    frame = 0;
    const r = dirty;
    dirty = null;
    if (!r) return;
    const v = read(r);
    overlay.update(r, v);
    if (showLiveMask(layer.id, r, fillFrom(r, v))) redraw(r);
  }

  function stamp(a: DocPoint, b: DocPoint): void {
    const r = cov.addSegment({ x: a.x - layer.x, y: a.y - layer.y }, { x: b.x - layer.x, y: b.y - layer.y });
    if (!r) return;
    dirty = dirty ? unite(dirty, r) : r;
    touched = touched ? unite(touched, r) : r;
    if (!frame) frame = frames.request(flush);
  }

  function stop(): void {
    if (frame) frames.cancel(frame);
    frame = 0;
    dirty = null;
  }

  stamp(start, start);
  return {
    layerId: layer.id,
    to(p) {
      const last = pts[pts.length - 1];
      if (last.x === p.x && last.y === p.y) return;
      pts.push(p);
      stamp(last, p);
    },
    points: () => pts.slice(),
    end: stop,
    cancel() {
      stop();
      overlay.cancel();
      if (touched) restoreRect(layer.id, touched);
    },
  };
}

function unite(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
