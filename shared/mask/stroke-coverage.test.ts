import { describe, expect, it } from 'vitest';
import { rasterizeStroke } from './brush-stroke';
import { StrokeCoverage } from './stroke-coverage';
import type { Coverage } from './tiled-mask';

function at(cov: Coverage, x: number, y: number): number {
  const { rect, data } = cov;
  if (x < rect.x || y < rect.y || x >= rect.x + rect.width || y >= rect.y + rect.height) return 0;
  return data[(y - rect.y) * rect.width + (x - rect.x)];
}

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('StrokeCoverage', () => {
  it('stamped segment by segment equals the whole stroke rasterised at once (random strokes, across tiles and edges)', () => {
    const r = rand(7);
    for (let trial = 0; trial < 25; trial++) {
      const w = 300 + Math.floor(r() * 400);
      const h = 200 + Math.floor(r() * 400);
      const brush = { size: 2 + r() * 90, hardness: r() };
      const pts = Array.from({ length: 2 + Math.floor(r() * 8) }, () => ({ x: -30 + r() * (w + 60), y: -30 + r() * (h + 60) }));
      const sc = new StrokeCoverage(w, h, brush);
      const inChanged = new Uint8Array(w * h);
      const mark = (c: { x: number; y: number; width: number; height: number } | null) => {
        if (c) for (let y = c.y; y < c.y + c.height; y++) inChanged.fill(1, y * w + c.x, y * w + c.x + c.width);
      };
      mark(sc.addSegment(pts[0], pts[0]));
      for (let i = 1; i < pts.length; i++) mark(sc.addSegment(pts[i - 1], pts[i]));
      const whole = rasterizeStroke(pts, brush);
      let off = 0;
      let worst = 0;
      let covered = 0;
      let outside = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const want = at(whole, x, y);
          const got = sc.value(x, y);
          if (want) covered++;
          if (got !== want) off++;
          worst = Math.max(worst, Math.abs(got - want));
          if (got && !inChanged[y * w + x]) outside++;
        }
      }
      expect(covered).toBeGreaterThan(0);
      expect(worst).toBeLessThanOrEqual(1);
      expect(outside).toBe(0);
      expect(off).toBeLessThanOrEqual(covered * 0.001 + 2);
    }
  });

  it('keeps the maximum: crossing a painted spot never lowers it, a single point is one disc', () => {
    const sc = new StrokeCoverage(100, 100, { size: 20, hardness: 0.3 });
    sc.addSegment({ x: 50, y: 50 }, { x: 50, y: 50 });
    expect(sc.value(49, 49)).toBe(255);
    const edge = sc.value(58, 50);
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(255);
    expect(sc.value(62, 50)).toBe(0);
    sc.addSegment({ x: 20, y: 80 }, { x: 80, y: 80 });
    expect(sc.value(58, 50)).toBe(edge);
    expect(sc.value(50, 80)).toBe(255);
  });

  it('reports nothing for a segment off the surface, a zero-size brush or non-finite points', () => {
    const sc = new StrokeCoverage(64, 64, { size: 10, hardness: 1 });
    expect(sc.addSegment({ x: -100, y: -100 }, { x: -80, y: -90 })).toBeNull();
    expect(sc.addSegment({ x: Number.NaN, y: 3 }, { x: 4, y: 4 })).toBeNull();
    expect(new StrokeCoverage(64, 64, { size: 0, hardness: 1 }).addSegment({ x: 5, y: 5 }, { x: 9, y: 9 })).toBeNull();
    expect(sc.addSegment({ x: 60, y: 60 }, { x: 70, y: 70 })).toEqual({ x: 54, y: 54, width: 10, height: 10 });
  });
});
