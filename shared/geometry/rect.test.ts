import { describe, expect, it } from 'vitest';
import {
  boundingIntRect,
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
  it('intersects overlapping rects and returns null when no pixel is shared (touching edges included)', () => {
    expect(intersectRects(r(0, 0, 10, 10), r(5, 5, 10, 10))).toEqual(r(5, 5, 5, 5));
    expect(intersectRects(r(5, 5, 10, 10), r(0, 0, 10, 10))).toEqual(r(5, 5, 5, 5));
    expect(intersectRects(r(0, 0, 10, 10), r(2, 3, 1, 1))).toEqual(r(2, 3, 1, 1));
    expect(intersectRects(r(-4, -4, 10, 10), r(0, 0, 3, 100))).toEqual(r(0, 0, 3, 6));
    expect(intersectRects(r(0, 0, 10, 10), r(10, 0, 5, 5))).toBeNull();
    expect(intersectRects(r(0, 0, 10, 10), r(0, 10, 5, 5))).toBeNull();
    expect(intersectRects(r(0, 0, 10, 10), r(20, 20, 5, 5))).toBeNull();
    expect(intersectRects(r(0, 0, 0, 10), r(0, 0, 10, 10))).toBeNull();
  });

  it('agrees with counting shared pixels on random rects', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const covers = (q: Rect, x: number, y: number) => x >= q.x && x < q.x + q.width && y >= q.y && y < q.y + q.height;
    for (let k = 0; k < 300; k++) {
      const a = r(rnd(20) - 5, rnd(20) - 5, rnd(12), rnd(12));
      const b = r(rnd(20) - 5, rnd(20) - 5, rnd(12), rnd(12));
      const cut = intersectRects(a, b);
      let shared = 0;
      for (let y = -5; y < 30; y++) for (let x = -5; x < 30; x++) if (covers(a, x, y) && covers(b, x, y)) shared++;
      if (shared === 0) expect(cut).toBeNull();
      else {
        expect(cut).not.toBeNull();
        expect(rectArea(cut as Rect)).toBe(shared);
      }
    }
  });

  it('treats touching edges as inside', () => {
    expect(containsRect(r(0, 0, 10, 10), r(0, 0, 10, 10))).toBe(true);
    expect(containsRect(r(0, 0, 10, 10), r(5, 5, 6, 1))).toBe(false);
  });

  it('expands on every side; a negative margin shrinks, never below zero size', () => {
    expect(expandRect(r(10, 10, 5, 5), 3)).toEqual(r(7, 7, 11, 11));
    expect(expandRect(r(10, 10, 5, 5), -1)).toEqual(r(11, 11, 3, 3));
    expect(expandRect(r(10, 10, 5, 5), -4)).toEqual(r(14, 14, 0, 0));
    expect(isEmptyRect(expandRect(r(10, 10, 5, 5), -4))).toBe(true);
  });

  it('bounds a real-valued box by whole pixels, swapping reversed bounds', () => {
    expect(boundingIntRect(1.2, 2.7, 4.1, 5)).toEqual(r(1, 2, 4, 3));
    expect(boundingIntRect(4.1, 5, 1.2, 2.7)).toEqual(r(1, 2, 4, 3));
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
      for (let j = i + 1; j < parts.length; j++) expect(intersectRects(parts[i], parts[j])).toBeNull();
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
