import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import { checkRegionPlan, regionAspectReachable } from './plan-checks';
import type { Rect, Size } from './rect';
import { canvasRect, containsRect, expandRect, intersectRects } from './rect';
import { planRegion } from './region';

/** mulberry32: a tiny seeded PRNG so failures reproduce. Returns floats in [0, 1). */
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

/** Log-uniform integer in [lo, hi]: small and large values are equally likely. */
function logInt(rand: () => number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))))));
}

interface Case {
  readonly canvas: Size;
  readonly bbox: Rect;
}

function randomCase(rand: () => number): Case {
  const canvas = { width: logInt(rand, 64, 12000), height: logInt(rand, 64, 12000) };
  const kind = rand();
  // A mix of tiny masks, stripes, canvas-wide masks and masks hugging edges.
  const width = kind < 0.1 ? canvas.width : logInt(rand, 1, canvas.width);
  const height = kind > 0.9 ? canvas.height : logInt(rand, 1, canvas.height);
  const edge = rand();
  const x = edge < 0.15 ? 0 : edge < 0.3 ? canvas.width - width : Math.floor(rand() * (canvas.width - width + 1));
  const y = edge > 0.85 ? 0 : edge > 0.7 ? canvas.height - height : Math.floor(rand() * (canvas.height - height + 1));
  return { canvas, bbox: { x, y, width, height } };
}

const CASES_PER_MODEL = 500;

describe('planRegion on 500 random shapes per model (seeded)', () => {
  for (const [index, m] of offeredModels().entries()) {
    it(`${m.id}: every plan is legal, holds the mask, stays in the canvas and scales uniformly`, () => {
      const rand = prng(0x5eed + index);
      let planned = 0;
      for (let i = 0; i < CASES_PER_MODEL; i++) {
        const c = randomCase(rand);
        const input = { ...c, model: m.id };
        const plan = planRegion(input);
        const label = `case ${i}: ${JSON.stringify(c)}`;
        if (!plan.ok) {
          expect(plan.code, label).toBe('needs-tiling');
          expect(regionAspectReachable(input), label).toBe(false);
          continue;
        }
        planned++;
        expect(checkRegionPlan(input, plan), label).toEqual([]);
        // Regions away from the canvas limits match the request aspect to rounding, not just tolerance.
        const pinned = plan.region.width === c.canvas.width || plan.region.height === c.canvas.height;
        if (!pinned) {
          const err = Math.abs(plan.scaleY / plan.scaleX - 1);
          expect(err, label).toBeLessThanOrEqual(1 / Math.min(plan.region.width, plan.region.height) + 1e-9);
        }
        // Context: the bbox plus margin is kept whenever the canvas has room for it.
        const margin = Math.round(Math.max(64, 0.5 * Math.max(c.bbox.width, c.bbox.height)));
        const wanted = expandRect(c.bbox, margin);
        if (containsRect(canvasRect(c.canvas), expandRect(wanted, Math.max(wanted.width, wanted.height) * 3))) {
          expect(containsRect(plan.region, intersectRects(wanted, canvasRect(c.canvas))!), label).toBe(true);
        }
      }
      // Most random shapes fit in one region; tiling is the exception.
      expect(planned).toBeGreaterThan(CASES_PER_MODEL * 0.6);
    });
  }
});
