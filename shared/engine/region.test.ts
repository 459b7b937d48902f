import { describe, expect, it } from 'vitest';
import { mulberry32, deriveSeed } from './random';
import { fillRegionFor, maskBounds } from './region';
import { buildPyramid, depthMap, makeLevel } from './pyramid';
import { boxMask, gradientImage } from './test-helpers';
import { cropToLayer } from './region';

describe('maskBounds and fillRegionFor', () => {
  it('finds the hole bounding box, or null for an empty mask', () => {
    expect(maskBounds(boxMask(50, 40, 10, 5, 20, 9), 50, 40)).toEqual({ x: 10, y: 5, width: 10, height: 4 });
    expect(maskBounds(new Uint8Array(20), 5, 4)).toBeNull();
  });

  it('grows by max(3 × patch, half the hole size) and clips to the image', () => {
    expect(fillRegionFor({ x: 100, y: 100, width: 10, height: 10 }, 1000, 1000)).toEqual({ x: 79, y: 79, width: 52, height: 52 });
    expect(fillRegionFor({ x: 400, y: 400, width: 200, height: 100 }, 1000, 1000)).toEqual({ x: 300, y: 300, width: 400, height: 300 });
    expect(fillRegionFor({ x: 0, y: 0, width: 5, height: 5 }, 10, 10)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });
});

describe('pyramid maps', () => {
  it('marks targets (patches touching the hole) and sources (fully known patches)', () => {
    const img = gradientImage(30, 30);
    const level = makeLevel(cropToLayer(img, boxMask(30, 30, 14, 14, 16, 16), { x: 0, y: 0, width: 30, height: 30 }), 3);
    expect(level.targets.length).toBe(8 * 8);
    expect(level.srcOk[3 * 30 + 3]).toBe(1);
    expect(level.srcOk[2 * 30 + 3]).toBe(0); // patch would leave the image
    expect(level.srcOk[15 * 30 + 15]).toBe(0); // inside the hole
  });

  it('measures depth into the hole', () => {
    const d = depthMap(
      boxMask(9, 9, 2, 2, 7, 7).map((v) => (v ? 1 : 0)),
      9,
      9,
    );
    expect(d[4 * 9 + 4]).toBe(3);
    expect(d[0]).toBe(0);
  });

  it('stops halving once the hole is shallow', () => {
    const img = gradientImage(400, 300);
    const rect = { x: 0, y: 0, width: 400, height: 300 };
    expect(buildPyramid(cropToLayer(img, boxMask(400, 300, 100, 100, 104, 104), rect), 3)).toHaveLength(1);
    expect(buildPyramid(cropToLayer(img, boxMask(400, 300, 100, 80, 260, 220), rect), 3).length).toBeGreaterThan(2);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and uniform-ish in [0, 1)', () => {
    const a = mulberry32(42),
      b = mulberry32(42),
      c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.slice(0, 5)).not.toEqual(Array.from({ length: 5 }, () => c.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / 1000).toBeCloseTo(0.5, 1);
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });
});
