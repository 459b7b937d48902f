import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCoverage, createFullMask, getMaskValue, rasterizeStroke, rasterizeRect, type Rect } from '../../../shared/mask';
import type { PatchLayer } from '../../../shared/document/schema';
import { docPoint } from '../../../shared/geometry/point';

const shown: { id: string; r: Rect; alpha: Uint8Array }[] = [];
const restored: { id: string; r: Rect }[] = [];
vi.mock('./layer-display', () => ({
  showLiveMask: (id: string, r: Rect, fill: (d: Uint8ClampedArray, stride: number) => void) => {
    const stride = r.width + 3; // wider than the rectangle, like the reused ImageData
    const data = new Uint8ClampedArray(stride * r.height * 4);
    fill(data, stride);
    const alpha = new Uint8Array(r.width * r.height);
    for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) alpha[y * r.width + x] = data[(y * stride + x) * 4 + 3];
    shown.push({ id, r, alpha });
    return true;
  },
  restoreRect: (id: string, r: Rect) => restored.push({ id, r }),
}));

const { beginLayerMaskStroke } = await import('./layer-mask-stroke');

const layer = { id: 'L1', x: 1000, y: 500, width: 600, height: 400 } as PatchLayer;
const brush = { size: 40, hardness: 0.6, opacity: 0.8 };

function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    requests: 0,
    request(cb: () => void) {
      this.requests++;
      queue.set(next, cb);
      return next++;
    },
    cancel: (h: number) => void queue.delete(h),
    pending: () => queue.size,
    run() {
      const cbs = [...queue.values()];
      queue.clear();
      for (const cb of cbs) cb();
    },
  };
}

beforeEach(() => {
  shown.length = 0;
  restored.length = 0;
});

describe('layer mask stroke (live)', () => {
  it('moves only stamp; one frame shows the union of the moves with the values the commit will give', () => {
    // A base mask with a hidden square, so "subtract" and the base both matter.
    const base = applyCoverage(createFullMask(600, 400), rasterizeRect({ x: 100, y: 100, width: 80, height: 80 }), 'subtract', 1);
    const frames = manualFrames();
    const redraws: Rect[] = [];
    const pts = [docPoint(1080, 590), docPoint(1120, 610), docPoint(1160, 640), docPoint(1230, 650)];
    const s = beginLayerMaskStroke(layer, base, brush, true, pts[0], (r) => redraws.push(r), frames);
    for (const p of pts.slice(1)) s.to(p);
    expect(shown).toHaveLength(0); // nothing drawn in the pointer handler
    expect(frames.requests).toBe(1); // one frame asked for, however many moves
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(shown).toHaveLength(1);
    const { r, alpha } = shown[0];
    expect(redraws).toEqual([r]); // the stage redraws that rectangle only
    const want = applyCoverage(
      base,
      rasterizeStroke(
        pts.map((p) => ({ x: p.x - layer.x, y: p.y - layer.y })),
        brush,
      ),
      'subtract',
      brush.opacity,
    );
    let off = 0;
    let changed = 0;
    for (let y = 0; y < 400; y++) {
      for (let x = 0; x < 600; x++) {
        const inside = x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
        const w = getMaskValue(want, x, y);
        if (w !== getMaskValue(base, x, y)) {
          changed++;
          expect(inside).toBe(true); // every changed pixel is in the shown rectangle
        }
        if (inside) off = Math.max(off, Math.abs(alpha[(y - r.y) * r.width + (x - r.x)] - w));
      }
    }
    expect(changed).toBeGreaterThan(1000);
    expect(off).toBeLessThanOrEqual(1);
    expect(s.points()).toEqual(pts);
  });

  it('a frame after more moves shows only their rectangle; end drops a pending frame; cancel restores all it touched', () => {
    const frames = manualFrames();
    const s = beginLayerMaskStroke(layer, null, { ...brush, opacity: 1 }, true, docPoint(1050, 550), () => {}, frames);
    frames.run();
    const first = shown[0].r;
    s.to(docPoint(1400, 800));
    frames.run();
    expect(shown).toHaveLength(2);
    expect(shown[1].r.x + shown[1].r.width).toBeGreaterThan(400); // the new segment's rectangle, to (400, 300) in layer px
    expect(first.x + first.width).toBeLessThan(100); // the first frame: the start disc only
    // Repeating the last point is no move: no frame is asked for.
    s.to(docPoint(1400, 800));
    expect(frames.pending()).toBe(0);
    s.to(docPoint(1500, 850));
    s.end();
    expect(frames.pending()).toBe(0);
    s.cancel();
    expect(restored).toHaveLength(1);
    const t = restored[0].r;
    expect(t.x).toBeLessThanOrEqual(first.x);
    expect(t.x + t.width).toBeGreaterThan(500); // reaches the last point (x = 500 in layer px), never shown
  });

  it('a stroke outside the layer shows nothing and cancel has nothing to restore', () => {
    const frames = manualFrames();
    const s = beginLayerMaskStroke(layer, null, brush, false, docPoint(10, 10), () => {}, frames);
    s.to(docPoint(40, 30));
    expect(frames.pending()).toBe(0);
    s.cancel();
    expect(restored).toHaveLength(0);
  });
});
