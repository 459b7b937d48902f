import { describe, expect, it } from 'vitest';
import { bandOutline } from './band-outline';
import { applyCoverage, createEmptyMask, rasterizeRect } from './index';
import { buildMask, materializeTile, tileExtent, type Rect, type TiledMask } from './tiled-mask';
import { frameMask } from './frame-mask';

/** The same mask with every uniform tile held as bytes (read pixel by pixel). */
function asBytes(m: TiledMask): TiledMask {
  return buildMask(
    m.width,
    m.height,
    m.tiles.map((t, i) => {
      const { w, h } = tileExtent(m, i % m.cols, Math.floor(i / m.cols));
      return materializeTile(t, w, h);
    }),
  );
}

const applyRectToMask = (m: ReturnType<typeof createEmptyMask>, r: Rect) => applyCoverage(m, rasterizeRect(r), 'add');

function bounds(seg: Float32Array) {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < seg.length; i += 2) {
    x0 = Math.min(x0, seg[i]);
    x1 = Math.max(x1, seg[i]);
    y0 = Math.min(y0, seg[i + 1]);
    y1 = Math.max(y1, seg[i + 1]);
  }
  return { x0, y0, x1, y1 };
}

describe('bandOutline', () => {
  it('is null for an empty mask', () => {
    expect(bandOutline(createEmptyMask(300, 200), 12)).toBeNull();
  });

  it('traces the mask grown by the radius: a 100-px square with radius 12 gives an outline 12 px outside it', () => {
    const mask = applyRectToMask(createEmptyMask(400, 300), { x: 150, y: 100, width: 100, height: 100 });
    const out = bandOutline(mask, 12)!;
    expect(out.cell).toBe(1);
    expect(bounds(out.segments)).toEqual({ x0: 138, y0: 88, x1: 262, y1: 212 });
    // Radius 0: the outline is the mask's own edge.
    const none = bandOutline(mask, 0)!;
    expect(bounds(none.segments)).toEqual({ x0: 150, y0: 100, x1: 250, y1: 200 });
  });

  it('works on a coarse grid for a large mask and stays inside the canvas', () => {
    const mask = applyRectToMask(createEmptyMask(6000, 4000), { x: 0, y: 1000, width: 500, height: 500 });
    const out = bandOutline(mask, 24)!;
    expect(out.cell).toBe(12);
    const b = bounds(out.segments);
    expect(b.x0).toBe(0);
    expect(b.x1).toBeGreaterThanOrEqual(500 + 24);
    expect(b.x1).toBeLessThanOrEqual(500 + 24 + 2 * 12);
    expect(b.y0).toBeLessThanOrEqual(1000 - 24);
    expect(b.y0).toBeGreaterThanOrEqual(1000 - 24 - 2 * 12);
  });

  it('reads a full tile as a whole: the same outline as its pixels give (cells across tile edges, a 37-tile-wide frame)', () => {
    for (const [m, r] of [
      [frameMask(9333, 4000, { x: 1690, y: 0, width: 5953, height: 4000 }), 24],
      [frameMask(1000, 700, { x: 300, y: 130, width: 333, height: 411 }), 12],
      [applyRectToMask(createEmptyMask(3001, 1999), { x: 7, y: 250, width: 1500, height: 777 }), 0],
    ] as const) {
      const a = bandOutline(m, r)!;
      const b = bandOutline(asBytes(m), r)!;
      expect(a.cell).toBe(b.cell);
      expect(Array.from(a.segments)).toEqual(Array.from(b.segments));
    }
  });
});
