import { describe, it, expect } from 'vitest';
import { rasterizePolygon } from './polygon';
import type { Coverage } from './tiled-mask';

function at(cov: Coverage, x: number, y: number): number {
  const { rect, data } = cov;
  if (x < rect.x || y < rect.y || x >= rect.x + rect.width || y >= rect.y + rect.height) return 0;
  return data[(y - rect.y) * rect.width + (x - rect.x)];
}

function area(cov: Coverage): number {
  let s = 0;
  for (const v of cov.data) s += v;
  return s / 255;
}

describe('rasterizePolygon', () => {
  const triangle = [
    { x: 0, y: 0 },
    { x: 20, y: 0 },
    { x: 0, y: 20 },
  ];

  it('fills a triangle by pixel centres without antialiasing', () => {
    const cov = rasterizePolygon(triangle, { antialias: false });
    expect(cov.rect).toEqual({ x: 0, y: 0, width: 20, height: 20 });
    expect(at(cov, 0, 0)).toBe(255);
    expect(at(cov, 5, 5)).toBe(255);
    expect(at(cov, 9, 9)).toBe(255); // centre (9.5, 9.5): x + y = 19 < 20
    expect(at(cov, 10, 10)).toBe(0); // x + y = 21
    expect(at(cov, 18, 0)).toBe(255); // x + y = 19
    expect(at(cov, 19, 0)).toBe(0); // centre exactly on the hypotenuse: outside (half-open)
    expect(new Set(cov.data)).toEqual(new Set([0, 255]));
    // Exactly the pixels with x + y + 1 < 20: 1 + 2 + ... + 19 = 190 (no centre on the edge).
    expect(cov.data.filter((v) => v === 255)).toHaveLength(190);
  });

  it('anti-aliases edges with area-accurate coverage', () => {
    const cov = rasterizePolygon(triangle);
    expect(at(cov, 5, 5)).toBe(255);
    expect(at(cov, 15, 15)).toBe(0);
    // Pixels crossed by the hypotenuse are half covered.
    expect(at(cov, 10, 9)).toBeGreaterThan(100);
    expect(at(cov, 10, 9)).toBeLessThan(155);
    expect(area(cov)).toBeCloseTo(200, 0);
  });

  it('fills a concave L shape and not its notch', () => {
    const L = [
      { x: 10, y: 10 },
      { x: 20, y: 10 },
      { x: 20, y: 30 },
      { x: 40, y: 30 },
      { x: 40, y: 40 },
      { x: 10, y: 40 },
    ];
    for (const antialias of [false, true]) {
      const cov = rasterizePolygon(L, { antialias });
      expect(at(cov, 15, 15)).toBe(255); // vertical arm
      expect(at(cov, 35, 35)).toBe(255); // horizontal arm
      expect(at(cov, 30, 20)).toBe(0); // the notch
      expect(at(cov, 25, 29)).toBe(0);
      expect(at(cov, 25, 30)).toBe(255);
      expect(at(cov, 19, 20)).toBe(255);
      expect(at(cov, 20, 20)).toBe(0);
      expect(area(cov)).toBeCloseTo(10 * 20 + 30 * 10, 5);
    }
  });

  it('uses the non-zero winding rule for a self-intersecting star', () => {
    // Pentagram: the central pentagon has winding number 2 (even-odd would leave it empty).
    const star = [0, 2, 4, 1, 3].map((k) => {
      const a = -Math.PI / 2 + (k * 2 * Math.PI) / 5;
      return { x: 50 + 40 * Math.cos(a), y: 50 + 40 * Math.sin(a) };
    });
    const cov = rasterizePolygon(star, { antialias: false });
    expect(at(cov, 50, 50)).toBe(255);
    expect(at(cov, 50, 15)).toBe(255); // top point
    expect(at(cov, 20, 20)).toBe(0); // between points
  });

  it('treats oppositely wound overlapping loops as a hole (winding 0)', () => {
    // Outer square clockwise, inner square counter-clockwise, joined into one path.
    const path = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 30 },
      { x: 0, y: 30 },
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 10, y: 20 },
      { x: 20, y: 20 },
      { x: 20, y: 10 },
      { x: 10, y: 10 },
    ];
    const cov = rasterizePolygon(path, { antialias: false });
    expect(at(cov, 5, 5)).toBe(255);
    expect(at(cov, 15, 15)).toBe(0);
    // Same-direction inner loop: winding 2 → filled.
    const same = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 30 },
      { x: 0, y: 30 },
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 10 },
      { x: 20, y: 20 },
      { x: 10, y: 20 },
      { x: 10, y: 10 },
    ];
    expect(at(rasterizePolygon(same, { antialias: false }), 15, 15)).toBe(255);
  });

  it('gives the same result for either orientation', () => {
    const cw = rasterizePolygon(triangle);
    const ccw = rasterizePolygon([...triangle].reverse());
    expect(ccw.data).toEqual(cw.data);
  });

  it('honours the clip rect and fractional bounds', () => {
    const sq = [
      { x: -10, y: -10 },
      { x: 10.5, y: -10 },
      { x: 10.5, y: 10 },
      { x: -10, y: 10 },
    ];
    const cov = rasterizePolygon(sq, { clip: { x: 0, y: 0, width: 100, height: 100 } });
    expect(cov.rect).toEqual({ x: 0, y: 0, width: 11, height: 10 });
    expect(at(cov, 0, 0)).toBe(255);
    expect(at(cov, 9, 9)).toBe(255);
    expect(at(cov, 10, 5)).toBe(128);
  });

  it('returns an empty patch for fewer than 3 points', () => {
    expect(
      rasterizePolygon([
        { x: 0, y: 0 },
        { x: 5, y: 5 },
      ]).data,
    ).toHaveLength(0);
  });
});
