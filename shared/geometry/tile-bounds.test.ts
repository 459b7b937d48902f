import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import { extendBySides, extendToAspect, originalRect } from './outpaint-extend';
import { planOutpaint } from './outpaint-plan';
import { checkOutpaintPlan, isFramePlan } from './plan-checks';
import type { Size } from './rect';
import type { StripProblem } from './strip-solver';
import { MAX_TILES_PER_AXIS } from './strip-solver';
import { minimumTileCount, stripLowerBound } from './tile-bounds';

const CONTEXT = { fraction: 0.25, minPx: 64, featherPx: 64 };
const GRID_3 = { kind: 'range', min: 1 / 3, max: 3 } as const;

function strip(length: number, k0: number, k1: number, cross: number, ratios: StripProblem['ratios'] = GRID_3): StripProblem {
  return { length, known: [k0, k1], cross, ratios, context: CONTEXT };
}

describe('stripLowerBound, worked by hand', () => {
  it('is ⌈3500 / (3000 − 750)⌉ per side for 1:1 → 8:1 at 3:1', () => {
    expect(stripLowerBound(strip(8000, 3500, 4500, 1000), 0)).toBe(4);
  });

  it('is 1 when one tile spanning the canvas keeps 25 % context', () => {
    expect(stripLowerBound(strip(3000, 1000, 2000, 1000), 0)).toBe(1);
  });

  it('is 2 for 9:16 → 21:9: one tile would need 1120 px of context, the poster has 1080', () => {
    expect(stripLowerBound(strip(4480, 1700, 2780, 1920), 0)).toBe(2);
  });

  it('counts that a thin original limits the first tile (1080 px of context → at most 4320 px wide)', () => {
    // 4:1 from 9:16: each side lacks 3300 px; the first tile adds ≤ 3240, so it cannot finish a side.
    expect(stripLowerBound(strip(7680, 3300, 4380, 1920), 0)).toBe(3);
  });

  it('uses only the extents a fixed-size model allows', () => {
    const fixed = { kind: 'list', values: [1, 1.5, 1 / 1.5] } as const;
    // Each tile: 1500 wide, 375 context → 1125 new; 3500 per side → but a first tile spanning
    // the original adds 250 + 250 and leaves 3250 per side = 3 + 3.
    expect(stripLowerBound(strip(8000, 3500, 4500, 1000, fixed), 0)).toBe(7);
  });

  it('is 0 with nothing to add and Infinity when no extent fits the context', () => {
    expect(stripLowerBound(strip(1000, 0, 1000, 1000), 0)).toBe(0);
    // 1:3..3:1 tiles 1000 px tall are ≥ 333 px wide and need ≥ 84 px of context; the original is 40 px.
    expect(stripLowerBound({ ...strip(2000, 0, 40, 1000), context: { ...CONTEXT, minPx: 40, featherPx: 40 } }, 0)).toBe(Infinity);
  });
});

describe('minimumTileCount', () => {
  it('is 0 for no extension, 1 for the local engine, undefined for a retired model', () => {
    const same = { canvas: { width: 100, height: 100 }, original: { x: 0, y: 0, width: 100, height: 100 } };
    expect(minimumTileCount({ ...same, model: 'gpt-image-2' })).toBe(0);
    const ext = extendToAspect({ width: 1000, height: 1000 }, '8:1');
    const input = { canvas: ext.canvas, original: originalRect({ width: 1000, height: 1000 }, ext) };
    expect(minimumTileCount({ ...input, model: 'local' })).toBe(1);
    expect(minimumTileCount({ ...input, model: 'gpt-image-2' })).toBe(4);
    expect(minimumTileCount({ ...input, model: 'dall-e-2' })).toBeUndefined();
  });
});

/** mulberry32, seeded, floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('planOutpaint meets the bound on random extensions (seeded)', () => {
  for (const [index, m] of offeredModels().entries()) {
    it(`${m.id}: 60 random one- and two-axis extensions`, () => {
      const rand = prng(0xbead + index);
      const side = (o: number): number => (rand() < 0.4 ? 0 : Math.round(o * 4 * rand() ** 2));
      for (let i = 0; i < 60; i++) {
        const original: Size = { width: 200 + Math.round(rand() * 3000), height: 200 + Math.round(rand() * 3000) };
        const twoAxes = rand() < 0.3;
        const sides = twoAxes
          ? { left: side(original.width), right: side(original.width), top: side(original.height), bottom: side(original.height) }
          : rand() < 0.5
            ? { left: side(original.width), right: side(original.width) }
            : { top: side(original.height), bottom: side(original.height) };
        const ext = extendBySides(original, sides);
        const input = { canvas: ext.canvas, original: originalRect(original, ext), model: m.id };
        const label = `case ${i}: ${JSON.stringify({ original, sides })}`;
        const plan = planOutpaint(input);
        const bound = minimumTileCount(input);
        if (!plan.ok) {
          expect(plan.code, label).toBe('no-legal-tile');
          expect(bound, label).toBeGreaterThan(MAX_TILES_PER_AXIS);
          continue;
        }
        expect(checkOutpaintPlan(input, plan), label).toEqual([]);
        // Both axes in one whole-canvas request (fewer than the phases' bound) or the phases' fewest tiles.
        expect(plan.tiles.length, label).toBe(isFramePlan(input, plan) ? 1 : bound);
      }
    });
  }
});
