import { describe, it, expect } from 'vitest';
import { brushProfile } from './brush-profile';
import { rasterizeStroke } from './brush-stroke';
import type { Coverage } from './tiled-mask';

function at(cov: Coverage, x: number, y: number): number {
  const { rect, data } = cov;
  if (x < rect.x || y < rect.y || x >= rect.x + rect.width || y >= rect.y + rect.height) return 0;
  return data[(y - rect.y) * rect.width + (x - rect.x)];
}

describe('brushProfile', () => {
  it('is a 1-px anti-aliased edge at hardness 1', () => {
    const p = brushProfile({ size: 20, hardness: 1 });
    expect(p.at(0)).toBe(1);
    expect(p.at(9.5)).toBe(1);
    expect(p.at(10)).toBeCloseTo(0.5, 6);
    expect(p.at(10.5)).toBe(0);
  });

  it('falls off smoothly and monotonically for soft brushes', () => {
    const p = brushProfile({ size: 40, hardness: 0.5 });
    expect(p.at(9)).toBe(1);
    expect(p.at(20.5)).toBe(0);
    let prev = 1;
    for (let d = 0; d <= 21; d += 0.25) {
      const v = p.at(d);
      expect(v).toBeLessThanOrEqual(prev);
      prev = v;
    }
    expect(p.at(15)).toBeGreaterThan(0.3);
    expect(p.at(15)).toBeLessThan(0.7);
  });
});

describe('rasterizeStroke', () => {
  it('stamps a click once: centre 255, outside the radius 0, tight rect', () => {
    const cov = rasterizeStroke([{ x: 50.5, y: 40.5 }], { size: 20, hardness: 1 });
    expect(cov.rect).toEqual({ x: 39, y: 29, width: 23, height: 23 });
    expect(at(cov, 50, 40)).toBe(255);
    expect(at(cov, 59, 40)).toBe(255); // d = 9
    expect(at(cov, 60, 40)).toBe(128); // d = 10: half covered
    expect(at(cov, 61, 40)).toBe(0); // d = 11
    expect(at(cov, 58, 48)).toBe(0); // d = 11.3
    // Radially symmetric.
    expect(at(cov, 40, 40)).toBe(at(cov, 60, 40));
    expect(at(cov, 50, 30)).toBe(at(cov, 50, 50));
    // Nothing outside radius + 0.5 anywhere.
    for (let y = cov.rect.y; y < cov.rect.y + cov.rect.height; y++) {
      for (let x = cov.rect.x; x < cov.rect.x + cov.rect.width; x++) {
        const d = Math.hypot(x + 0.5 - 50.5, y + 0.5 - 40.5);
        if (d >= 10.5) expect(at(cov, x, y)).toBe(0);
        if (d <= 9.5) expect(at(cov, x, y)).toBe(255);
      }
    }
  });

  it('has monotonic falloff from the centre for a soft brush', () => {
    const cov = rasterizeStroke([{ x: 100.5, y: 100.5 }], { size: 60, hardness: 0.2 });
    expect(at(cov, 100, 100)).toBe(255);
    let prev = 255;
    for (let x = 100; x <= 132; x++) {
      const v = at(cov, x, 100);
      expect(v).toBeLessThanOrEqual(prev);
      prev = v;
    }
    expect(at(cov, 115, 100)).toBeGreaterThan(0);
    expect(at(cov, 115, 100)).toBeLessThan(255);
    expect(at(cov, 131, 100)).toBe(0);
  });

  it('covers a line segment with constant width', () => {
    const cov = rasterizeStroke(
      [
        { x: 10, y: 20.5 },
        { x: 110, y: 20.5 },
      ],
      { size: 10, hardness: 1 },
    );
    for (const x of [10, 40, 60, 109]) {
      expect(at(cov, x, 20)).toBe(255);
      expect(at(cov, x, 16)).toBe(255); // d = 4
      expect(at(cov, x, 15)).toBe(128); // d = 5
      expect(at(cov, x, 14)).toBe(0); // d = 6
      expect(at(cov, x, 25)).toBe(128);
    }
    // Round caps: 4 px beyond the end is still covered, 6 px is not.
    expect(at(cov, 113, 20)).toBe(255);
    expect(at(cov, 116, 20)).toBe(0);
  });

  it('covers a diagonal segment by distance to the segment', () => {
    const a = { x: 10, y: 10 };
    const b = { x: 90, y: 70 };
    const cov = rasterizeStroke([a, b], { size: 16, hardness: 1 });
    const dist = (px: number, py: number) => {
      const dx = b.x - a.x,
        dy = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(px - a.x - t * dx, py - a.y - t * dy);
    };
    for (let y = cov.rect.y; y < cov.rect.y + cov.rect.height; y++) {
      for (let x = cov.rect.x; x < cov.rect.x + cov.rect.width; x++) {
        const expected = Math.round(Math.max(0, Math.min(1, 8.5 - dist(x + 0.5, y + 0.5))) * 255);
        expect(Math.abs(at(cov, x, y) - expected)).toBeLessThanOrEqual(8);
      }
    }
  });

  it('does not build up where a stroke overlaps itself', () => {
    const brush = { size: 24, hardness: 0.3 };
    const once = rasterizeStroke(
      [
        { x: 20, y: 20 },
        { x: 80, y: 20 },
      ],
      brush,
    );
    const scribble = rasterizeStroke(
      [
        { x: 20, y: 20 },
        { x: 80, y: 20 },
        { x: 20, y: 20 },
        { x: 80, y: 20 },
        { x: 50, y: 20 },
      ],
      brush,
    );
    expect(scribble.rect).toEqual(once.rect);
    expect(scribble.data).toEqual(once.data);
  });

  it('equals the max of separate single-segment strokes (joins are seamless)', () => {
    const brush = { size: 12, hardness: 0.6 };
    const pts = [
      { x: 10, y: 10 },
      { x: 40, y: 15 },
      { x: 20, y: 40 },
    ];
    const whole = rasterizeStroke(pts, brush);
    const s1 = rasterizeStroke(pts.slice(0, 2), brush);
    const s2 = rasterizeStroke(pts.slice(1), brush);
    for (let y = whole.rect.y; y < whole.rect.y + whole.rect.height; y++) {
      for (let x = whole.rect.x; x < whole.rect.x + whole.rect.width; x++) {
        expect(at(whole, x, y)).toBe(Math.max(at(s1, x, y), at(s2, x, y)));
      }
    }
  });

  it('matches falloff(min distance to the polyline) on jagged random strokes', () => {
    let seed = 99;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (const brush of [
      { size: 14, hardness: 1 },
      { size: 21, hardness: 0.4 },
      { size: 3, hardness: 0 },
    ]) {
      // Sharp turns, reversals, near-collinear runs and repeated points.
      const pts = [{ x: 30, y: 30 }];
      for (let i = 0; i < 25; i++) {
        const last = pts[pts.length - 1];
        const k = rnd();
        if (k < 0.15) pts.push({ ...last });
        else if (k < 0.3 && pts.length > 1) pts.push({ ...pts[pts.length - 2] });
        else pts.push({ x: last.x + (rnd() - 0.5) * 30, y: last.y + (rnd() - 0.5) * 30 });
      }
      const cov = rasterizeStroke(pts, brush);
      const profile = brushProfile(brush);
      const segDist = (px: number, py: number) => {
        let best = Infinity;
        for (let i = 0; i < pts.length; i++) {
          const a = pts[i];
          const b = pts[Math.min(i + 1, pts.length - 1)];
          const dx = b.x - a.x,
            dy = b.y - a.y;
          const l2 = dx * dx + dy * dy;
          const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / l2)) : 0;
          best = Math.min(best, Math.hypot(px - a.x - t * dx, py - a.y - t * dy));
        }
        return best;
      };
      let mismatches = 0;
      for (let y = cov.rect.y; y < cov.rect.y + cov.rect.height; y++) {
        for (let x = cov.rect.x; x < cov.rect.x + cov.rect.width; x++) {
          const expected = Math.round(profile.at(segDist(x + 0.5, y + 0.5)) * 255);
          if (Math.abs(at(cov, x, y) - expected) > 1) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    }
  });

  it('returns an empty patch for no points or zero size', () => {
    expect(rasterizeStroke([], { size: 10, hardness: 1 }).data).toHaveLength(0);
    expect(rasterizeStroke([{ x: 1, y: 1 }], { size: 0, hardness: 1 }).data).toHaveLength(0);
  });

  it('allows negative coordinates (clipping happens in applyCoverage)', () => {
    const cov = rasterizeStroke([{ x: -3, y: -3 }], { size: 10, hardness: 1 });
    expect(cov.rect.x).toBe(-9);
    expect(at(cov, -4, -4)).toBe(255);
    expect(at(cov, 0, -3)).toBe(255); // d = 3.5
    expect(at(cov, 2, -3)).toBe(0); // d = 5.5
  });
});
