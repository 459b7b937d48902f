import { describe, expect, it } from 'vitest';
import { MAX_AREAS, groupParts, planRegions, unionRects } from './region-groups';
import type { Rect } from './rect';

const BIG = { width: 6000, height: 4000 };
/** Two spot-healing dabs in opposite corners of a 24 MP photo. */
const CORNERS: Rect[] = [
  { x: 300, y: 300, width: 120, height: 110 },
  { x: 5560, y: 3580, width: 130, height: 120 },
];

describe('groupParts', () => {
  it('keeps parts far apart as separate groups', () => {
    expect(groupParts(CORNERS, BIG).groups).toEqual(CORNERS);
  });

  it('joins parts whose context boxes touch (64 px a side for small dabs)', () => {
    const a = { x: 1000, y: 1000, width: 50, height: 50 };
    const near = { x: 1050 + 128, y: 1000, width: 50, height: 50 }; // 128 px gap: contexts touch
    const far = { x: 1050 + 140, y: 1000, width: 50, height: 50 };
    expect(groupParts([a, near], BIG).groups).toEqual([unionRects([a, near])]);
    expect(groupParts([a, far], BIG).groups).toHaveLength(2);
  });

  it('joins in chains: a joined group whose grown context reaches a third part takes it too', () => {
    const a = { x: 0, y: 0, width: 400, height: 400 };
    const b = { x: 700, y: 0, width: 400, height: 400 }; // 300 px gap, margins 200 each: touch
    const c = { x: 1700, y: 0, width: 40, height: 40 }; // 600 px from b; the joined box's margin is 550
    const { groups } = groupParts([a, b, c], BIG);
    expect(groups).toEqual([unionRects([a, b, c])]);
  });

  it(`caps the groups at ${MAX_AREAS}, joining the nearest first, and says how many there were`, () => {
    // 11 dabs on a grid 1500 px apart across, 1300 down; the 11th is 800 px nearer its left neighbour.
    const dabs = Array.from({ length: 11 }, (_, i) => ({
      x: 100 + (i % 4) * 1500 - (i === 10 ? 800 : 0),
      y: 100 + Math.floor(i / 4) * 1300,
      width: 40,
      height: 40,
    }));
    const r = groupParts(dabs, BIG);
    expect(r.groups).toHaveLength(MAX_AREAS);
    expect(r.capped).toBe(11);
    // The nearest pair was joined first.
    expect(r.groups).toContainEqual(unionRects([dabs[9], dabs[10]]));
    // Every dab is in exactly one group.
    for (const d of dabs)
      expect(
        r.groups.filter((g) => g.x <= d.x && g.y <= d.y && g.x + g.width >= d.x + d.width && g.y + g.height >= d.y + d.height),
      ).toHaveLength(1);
  });
});

describe('planRegions', () => {
  it('splits two corner dabs on a 24 MP photo into two small GPT Image 2 requests', () => {
    const bbox = unionRects(CORNERS);
    const r = planRegions({ canvas: BIG, bbox, parts: CORNERS, model: 'gpt-image-2', quality: 'high' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.plans).toHaveLength(2);
    for (const [i, p] of r.plans.entries()) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expect(p.request.width * p.request.height).toBeLessThan(2304 * 1536);
      expect(p.region.x).toBeLessThanOrEqual(r.groups[i].x);
    }
  });

  it('splits them for the offline engine too (no 24 MP fill for two dabs)', () => {
    const r = planRegions({ canvas: BIG, bbox: unionRects(CORNERS), parts: CORNERS, model: 'local' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.plans).toHaveLength(2);
    expect(r.plans.every((p) => p.region.width * p.region.height < 1e6)).toBe(true);
  });

  it('keeps one region for a single part, and for parts close together', () => {
    const one = planRegions({ canvas: BIG, bbox: CORNERS[0], parts: [CORNERS[0]], model: 'gpt-image-2' });
    expect(one.ok && one.plans.length).toBe(1);
    const pair = [
      { x: 1000, y: 1000, width: 200, height: 200 },
      { x: 1350, y: 1000, width: 200, height: 200 },
    ];
    const near = planRegions({ canvas: BIG, bbox: unionRects(pair), parts: pair, model: 'gpt-image-2' });
    expect(near.ok && near.plans.length).toBe(1);
  });

  it('keeps one region when two requests would cost more and one is not scaled down', () => {
    // Two dabs 600 px apart on a small photo: one 1024-ish request at full scale beats two minimum-size ones.
    const parts = [
      { x: 100, y: 100, width: 30, height: 30 },
      { x: 800, y: 600, width: 30, height: 30 },
    ];
    const r = planRegions({ canvas: { width: 1024, height: 768 }, bbox: unionRects(parts), parts, model: 'gpt-image-2', quality: 'high' });
    expect(r.ok && r.plans.length).toBe(1);
  });
});
