import { describe, it, expect } from 'vitest';
import { rasterizeEllipse, rasterizeRect } from './shapes';
import type { Coverage } from './tiled-mask';

function at(cov: Coverage, x: number, y: number): number {
  const { rect, data } = cov;
  if (x < rect.x || y < rect.y || x >= rect.x + rect.width || y >= rect.y + rect.height) return 0;
  return data[(y - rect.y) * rect.width + (x - rect.x)];
}

describe('rasterizeRect', () => {
  it('fills an integer rect exactly', () => {
    const cov = rasterizeRect({ x: 3, y: 4, width: 5, height: 2 });
    expect(cov.rect).toEqual({ x: 3, y: 4, width: 5, height: 2 });
    expect(cov.data.every((v) => v === 255)).toBe(true);
  });

  it('normalises negative sizes', () => {
    const cov = rasterizeRect({ x: 8, y: 6, width: -5, height: -2 });
    expect(cov.rect).toEqual({ x: 3, y: 4, width: 5, height: 2 });
    expect(cov.data.every((v) => v === 255)).toBe(true);
  });

  it('gives area coverage to fractional edges', () => {
    const cov = rasterizeRect({ x: 0.5, y: 0, width: 2, height: 1.25 });
    expect(cov.rect).toEqual({ x: 0, y: 0, width: 3, height: 2 });
    expect(Array.from(cov.data)).toEqual([128, 255, 128, 32, 64, 32]);
  });

  it('is empty for a zero-size rect', () => {
    expect(rasterizeRect({ x: 1, y: 1, width: 0, height: 5 }).data.every((v) => v === 0)).toBe(true);
  });
});

describe('rasterizeEllipse', () => {
  it('fills the inscribed ellipse with anti-aliased edges', () => {
    const cov = rasterizeEllipse({ x: 0, y: 0, width: 40, height: 20 });
    expect(cov.rect).toEqual({ x: 0, y: 0, width: 40, height: 20 });
    expect(at(cov, 20, 10)).toBe(255);
    expect(at(cov, 1, 10)).toBe(255);
    expect(at(cov, 0, 0)).toBe(0);
    expect(at(cov, 39, 0)).toBe(0);
    // Symmetric.
    expect(at(cov, 5, 3)).toBe(at(cov, 34, 16));
    let area = 0;
    for (const v of cov.data) area += v / 255;
    expect(area).toBeCloseTo(Math.PI * 20 * 10, -1);
    expect(Math.abs(area - Math.PI * 200)).toBeLessThan(2);
  });
});
