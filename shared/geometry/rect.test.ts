import { describe, expect, it } from 'vitest';
import {
  canvasRect,
  clipAll,
  containsRect,
  expandRect,
  intersectRects,
  isEmptyRect,
  rectArea,
  rectBottom,
  rectFromEdges,
  rectRight,
  subtractFromAll,
  subtractRect,
  totalArea,
} from './rect';
import type { Rect } from './rect';

const r = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

describe('rect basics', () => {
  it('intersects overlapping rects and returns an empty rect otherwise', () => {
    expect(intersectRects(r(0, 0, 10, 10), r(5, 5, 10, 10))).toEqual(r(5, 5, 5, 5));
    expect(isEmptyRect(intersectRects(r(0, 0, 10, 10), r(10, 0, 5, 5)))).toBe(true);
  });

  it('treats touching edges as inside', () => {
    expect(containsRect(r(0, 0, 10, 10), r(0, 0, 10, 10))).toBe(true);
    expect(containsRect(r(0, 0, 10, 10), r(5, 5, 6, 1))).toBe(false);
  });

  it('expands on every side', () => {
    expect(expandRect(r(10, 10, 5, 5), 3)).toEqual(r(7, 7, 11, 11));
  });

  it('builds rects from edges and canvases, and measures them', () => {
    expect(rectFromEdges(2, 3, 10, 7)).toEqual(r(2, 3, 8, 4));
    expect(canvasRect({ width: 640, height: 480 })).toEqual(r(0, 0, 640, 480));
    expect(rectArea(r(0, 0, 8, 4))).toBe(32);
    expect(rectArea(r(0, 0, -3, 4))).toBe(0);
    expect([rectRight(r(2, 3, 8, 4)), rectBottom(r(2, 3, 8, 4))]).toEqual([10, 7]);
  });
});

describe('subtractRect', () => {
  it('leaves a frame of four disjoint rects around a hole', () => {
    const parts = subtractRect(r(0, 0, 10, 10), r(3, 3, 4, 4));
    expect(parts).toHaveLength(4);
    expect(totalArea(parts)).toBe(100 - 16);
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) expect(rectArea(intersectRects(parts[i], parts[j]))).toBe(0);
    }
  });

  it('returns the rect unchanged when nothing overlaps, and nothing when covered', () => {
    expect(subtractRect(r(0, 0, 5, 5), r(10, 10, 5, 5))).toEqual([r(0, 0, 5, 5)]);
    expect(subtractRect(r(2, 2, 3, 3), r(0, 0, 10, 10))).toEqual([]);
  });

  it('keeps area bookkeeping exact over a sequence of cuts', () => {
    let set: Rect[] = [r(0, 0, 100, 50)];
    const cuts = [r(10, 0, 30, 50), r(0, 20, 100, 5), r(90, 40, 30, 30)];
    for (const c of cuts) set = subtractFromAll(set, c);
    // 5000 − 1500 (first cut) − 350 (band outside it) − 100 (the 10×10 corner inside the canvas)
    expect(totalArea(set)).toBe(5000 - 1500 - 350 - 100);
    expect(totalArea(clipAll(set, r(0, 0, 10, 50)))).toBe(500 - 50);
  });
});
