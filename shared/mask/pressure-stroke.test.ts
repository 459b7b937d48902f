import { describe, expect, it } from 'vitest';
import { rasterizePressureStroke } from './pressure-stroke';
import { rasterizeStroke } from './brush-stroke';
import type { Coverage } from './tiled-mask';

const at = (c: Coverage, x: number, y: number) => {
  const lx = x - c.rect.x;
  const ly = y - c.rect.y;
  return lx < 0 || ly < 0 || lx >= c.rect.width || ly >= c.rect.height ? 0 : c.data[ly * c.rect.width + lx];
};

const line = (p0: number, p1: number) =>
  Array.from({ length: 41 }, (_, i) => ({ x: 10 + i * 5, y: 50, pressure: p0 + ((p1 - p0) * i) / 40 }));

describe('pressure strokes', () => {
  it('full pressure is the plain stroke', () => {
    const pts = line(1, 1);
    const a = rasterizePressureStroke(pts, { size: 20, hardness: 1 }, 'both');
    const b = rasterizeStroke(pts, { size: 20, hardness: 1 });
    expect(a.rect).toEqual(b.rect);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('size: a light start is thin, a heavy end is wide', () => {
    const c = rasterizePressureStroke(line(0.1, 1), { size: 30, hardness: 1 }, 'size');
    expect(at(c, 20, 50 + 8)).toBe(0);
    expect(at(c, 200, 50 + 12)).toBe(255);
    expect(at(c, 20, 50)).toBe(255);
  });

  it('opacity: a light start is faint, the width stays', () => {
    const c = rasterizePressureStroke(line(0.25, 1), { size: 30, hardness: 1 }, 'opacity');
    expect(at(c, 20, 62)).toBeGreaterThan(0);
    expect(at(c, 20, 50)).toBeLessThan(128);
    expect(at(c, 200, 50)).toBe(255);
  });

  it('joints between runs do not build up or leave gaps', () => {
    const c = rasterizePressureStroke(line(0.3, 0.9), { size: 20, hardness: 1 }, 'opacity');
    let prev = 0;
    for (let x = 12; x <= 208; x++) {
      const v = at(c, x, 50);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeGreaterThanOrEqual(prev - 1);
      prev = v;
    }
  });
});
