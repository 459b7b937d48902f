import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import type { ModelSpec } from '../models/model-types';
import { checkRegionPlan, regionAspectReachable } from './plan-checks';
import type { Rect, Size } from './rect';
import { canvasRect, containsRect, expandRect, intersectRects } from './rect';
import type { RegionInput, RegionPlan } from './region';
import { planRegion, rectScaleFor, regionToRequest, requestToRegion } from './region';

interface Shape {
  readonly name: string;
  readonly canvas: Size;
  readonly bbox: Rect;
  /** The bbox plus margin fits comfortably, so the region must contain it. */
  readonly roomy?: boolean;
}

const C = { width: 4000, height: 3000 };
const SHAPES: Shape[] = [
  { name: '1×1 mask mid-canvas', canvas: C, bbox: { x: 2000, y: 1500, width: 1, height: 1 }, roomy: true },
  { name: '1×1 mask at the top-left pixel', canvas: C, bbox: { x: 0, y: 0, width: 1, height: 1 } },
  { name: '1×1 mask at the bottom-right pixel', canvas: C, bbox: { x: 3999, y: 2999, width: 1, height: 1 } },
  { name: 'mask in the top-left corner', canvas: C, bbox: { x: 0, y: 0, width: 200, height: 150 } },
  { name: 'mask in the top-right corner', canvas: C, bbox: { x: 3800, y: 0, width: 200, height: 150 } },
  { name: 'mask in the bottom-left corner', canvas: C, bbox: { x: 0, y: 2850, width: 200, height: 150 } },
  { name: 'mask in the bottom-right corner', canvas: C, bbox: { x: 3800, y: 2850, width: 200, height: 150 } },
  { name: 'mask on the top edge', canvas: C, bbox: { x: 1900, y: 0, width: 200, height: 150 } },
  { name: 'mask on the bottom edge', canvas: C, bbox: { x: 1900, y: 2850, width: 200, height: 150 } },
  { name: 'mask on the left edge', canvas: C, bbox: { x: 0, y: 1400, width: 200, height: 150 } },
  { name: 'mask on the right edge', canvas: C, bbox: { x: 3800, y: 1400, width: 200, height: 150 } },
  { name: 'small mask mid-canvas', canvas: C, bbox: { x: 1800, y: 1400, width: 200, height: 150 }, roomy: true },
  { name: 'thin horizontal stripe', canvas: C, bbox: { x: 500, y: 1500, width: 3000, height: 4 } },
  { name: 'thin vertical stripe', canvas: C, bbox: { x: 2000, y: 250, width: 4, height: 2500 } },
  { name: 'full-width hairline', canvas: C, bbox: { x: 0, y: 1000, width: 4000, height: 2 } },
  { name: 'full-height hairline', canvas: C, bbox: { x: 1000, y: 0, width: 2, height: 3000 } },
  { name: 'full 4:3 canvas', canvas: C, bbox: canvasRect(C) },
  { name: 'full square canvas', canvas: { width: 1000, height: 1000 }, bbox: { x: 0, y: 0, width: 1000, height: 1000 } },
  { name: 'full 3:2 canvas', canvas: { width: 6000, height: 4000 }, bbox: { x: 0, y: 0, width: 6000, height: 4000 } },
  { name: 'full 16:9 canvas', canvas: { width: 1920, height: 1080 }, bbox: { x: 0, y: 0, width: 1920, height: 1080 } },
  {
    name: 'small mask on a 12000×8000 canvas',
    canvas: { width: 12000, height: 8000 },
    bbox: { x: 6000, y: 4000, width: 100, height: 80 },
    roomy: true,
  },
  { name: 'big mask on a 12000×8000 canvas', canvas: { width: 12000, height: 8000 }, bbox: { x: 500, y: 500, width: 11000, height: 7000 } },
  { name: 'canvas below the model minimum', canvas: { width: 300, height: 200 }, bbox: { x: 100, y: 60, width: 50, height: 50 } },
  { name: 'whole tiny canvas', canvas: { width: 300, height: 200 }, bbox: { x: 0, y: 0, width: 300, height: 200 } },
  { name: 'full-width mask on an 8:1 canvas', canvas: { width: 8000, height: 1000 }, bbox: { x: 0, y: 0, width: 8000, height: 1000 } },
  { name: '5000×200 stripe on a roomy canvas', canvas: { width: 6000, height: 4000 }, bbox: { x: 500, y: 1900, width: 5000, height: 200 } },
  { name: '5000×200 stripe on a 5000×300 canvas', canvas: { width: 5000, height: 300 }, bbox: { x: 0, y: 50, width: 5000, height: 200 } },
];

/** The scale rules of each model family, stated from the brief rather than from the code. */
function expectSaneScale(m: ModelSpec, plan: RegionPlan): void {
  const regionPx = plan.region.width * plan.region.height;
  const reqPx = plan.request.width * plan.request.height;
  expect(plan.scale).toBeGreaterThan(0);
  switch (m.sizeRule.kind) {
    case 'grid':
      if (regionPx < m.sizeRule.minPixels) expect(plan.scale).toBeGreaterThanOrEqual(1);
      if (regionPx > 2560 * 1440) expect(reqPx).toBeLessThanOrEqual(2560 * 1440);
      if (regionPx >= m.sizeRule.minPixels && regionPx <= 2560 * 1440) expect(Math.abs(Math.log(reqPx / regionPx))).toBeLessThan(0.25);
      break;
    case 'aspect-list':
      if (plan.request.imageSize !== '2K') {
        expect(Math.min(plan.request.width, plan.request.height)).toBeGreaterThanOrEqual(Math.min(plan.region.width, plan.region.height));
      }
      break;
    case 'any':
      expect(plan.scale).toBeLessThanOrEqual(1);
      if (regionPx <= m.sizeRule.maxPixels) expect(plan.request).toEqual({ width: plan.region.width, height: plan.region.height });
      break;
    case 'fixed':
      break;
  }
}

describe('planRegion on named shapes × every offered model', () => {
  for (const m of offeredModels()) {
    describe(m.id, () => {
      for (const shape of SHAPES) {
        it(`plans "${shape.name}" legally or says to tile`, () => {
          const input: RegionInput = { canvas: shape.canvas, bbox: shape.bbox, model: m.id };
          const plan = planRegion(input);
          if (!plan.ok) {
            expect(plan.code).toBe('needs-tiling');
            expect(regionAspectReachable(input)).toBe(false);
            return;
          }
          expect(checkRegionPlan(input, plan)).toEqual([]);
          expectSaneScale(m, plan);
          if (shape.roomy) {
            const margin = Math.max(64, 0.5 * Math.max(shape.bbox.width, shape.bbox.height));
            expect(containsRect(plan.region, intersectRects(expandRect(shape.bbox, margin), canvasRect(shape.canvas))!)).toBe(true);
          }
        });
      }
    });
  }
});

describe('planRegion decisions', () => {
  it('upscales a mask on a canvas smaller than the gpt-image-2 minimum', () => {
    const plan = planRegion({ canvas: { width: 300, height: 200 }, bbox: { x: 0, y: 0, width: 300, height: 200 }, model: 'gpt-image-2' });
    expect(plan.ok && plan.request).toEqual({ width: 1008, height: 672 });
    expect(plan.ok && plan.scale).toBeCloseTo(3.36, 6);
  });

  it('grows a thin stripe with context to reach 3:1', () => {
    const plan = planRegion({
      canvas: { width: 6000, height: 4000 },
      bbox: { x: 500, y: 1900, width: 5000, height: 10 },
      model: 'gpt-image-2',
      margin: { minPx: 64, fraction: 0 },
    });
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.region.width / plan.region.height).toBeLessThanOrEqual(3.0001);
  });

  it('tells the caller to tile an 8:1 full-width mask for a 3:1 model, but not for Nano Banana 2', () => {
    const input = { canvas: { width: 8000, height: 1000 }, bbox: { x: 0, y: 0, width: 8000, height: 1000 } };
    const refused = planRegion({ ...input, model: 'gpt-image-2' });
    expect(refused).toMatchObject({ ok: false, code: 'needs-tiling' });
    expect(!refused.ok && refused.reason).toBe(
      'the 8000×1000 px mask is too long and thin for gpt-image-2 to paint in one request ' +
        '(it makes pictures at most 3× as wide as they are tall): paint a shorter mask, or choose Nano Banana 2 or the offline engine',
    );
    expect(!refused.ok && refused.reason).not.toMatch(/tiles|aspect|\d:\d/);
    expect(planRegion({ ...input, model: 'gemini-3.1-flash-image' })).toMatchObject({ ok: true, request: { aspect: '8:1' } });
  });

  it('pads (rather than refuses) a whole-photo mask on a photo of a shape Gemini does not make (details: region-pad.test.ts)', () => {
    // 868×600 (≈ 1.45:1) sits between 4:3 and 3:2: the mask is not long and thin, the photo's edges stop the region.
    const input = { canvas: { width: 868, height: 600 }, bbox: { x: 0, y: 0, width: 868, height: 600 } };
    for (const model of ['gemini-3.1-flash-image', 'gemini-3-pro-image', 'gpt-image-1.5']) {
      const plan = planRegion({ ...input, model });
      expect(plan.ok && plan.frame, model).toMatchObject({ y: 0, height: 600 });
    }
    const gpt2 = planRegion({ ...input, model: 'gpt-image-2' });
    expect(gpt2.ok && !gpt2.frame).toBe(true);
    // A strip left along the bottom lets Nano Banana 2 grow the region to 3:2 inside the photo: no padding.
    const strip = planRegion({ ...input, bbox: { x: 0, y: 0, width: 868, height: 570 }, model: 'gemini-3.1-flash-image' });
    expect(strip.ok && !strip.frame).toBe(true);
  });

  it('does not suggest the chosen model, nor one that cannot hold the mask either', () => {
    // 13:1: past Nano Banana 2's widest 8:1 by more than padding allows (1.6×); gpt-image-2 stops at 3:1.
    const input = { canvas: { width: 13000, height: 1000 }, bbox: { x: 0, y: 0, width: 13000, height: 1000 } };
    const nb2 = planRegion({ ...input, model: 'gemini-3.1-flash-image' });
    expect(!nb2.ok && nb2.reason).toBe(
      'the 13000×1000 px mask is too long and thin for gemini-3.1-flash-image to paint in one request ' +
        '(it makes pictures at most 8× as wide as they are tall): paint a shorter mask, or choose the offline engine',
    );
  });

  it('refuses retired and unknown models and empty masks', () => {
    const base = { canvas: C, bbox: { x: 10, y: 10, width: 10, height: 10 } };
    expect(planRegion({ ...base, model: 'gpt-image-1' })).toMatchObject({ ok: false, code: 'retired' });
    expect(planRegion({ ...base, model: 'nope' })).toMatchObject({ ok: false, code: 'unknown-model' });
    expect(planRegion({ ...base, bbox: { x: 5000, y: 0, width: 10, height: 10 }, model: 'local' })).toMatchObject({
      ok: false,
      code: 'empty-mask',
    });
  });

  it('chooses a larger Gemini tier and gpt-image-2 size for quality high', () => {
    const input = { canvas: { width: 12000, height: 8000 }, bbox: { x: 500, y: 500, width: 11000, height: 7000 } };
    const pro = planRegion({ ...input, model: 'gemini-3-pro-image', quality: 'high' });
    expect(pro.ok && pro.request.imageSize).toBe('4K');
    const gpt = planRegion({ ...input, model: 'gpt-image-2', quality: 'high' });
    expect(gpt.ok && gpt.request.width * gpt.request.height).toBeGreaterThan(2560 * 1440);
  });
});

describe('region ↔ request mapping', () => {
  const plan = planRegion({ canvas: C, bbox: { x: 1000, y: 700, width: 333, height: 121 }, model: 'gpt-image-2' });
  if (!plan.ok) throw new Error('expected a plan');

  it('maps the region corners onto the request corners', () => {
    expect(regionToRequest(plan, { x: plan.region.x, y: plan.region.y })).toEqual({ x: 0, y: 0 });
    const far = regionToRequest(plan, { x: plan.region.x + plan.region.width, y: plan.region.y + plan.region.height });
    expect(far.x).toBeCloseTo(plan.request.width, 9);
    expect(far.y).toBeCloseTo(plan.request.height, 9);
  });

  it('round-trips points', () => {
    const p = { x: 1111.5, y: 777.25 };
    const back = requestToRegion(plan, regionToRequest(plan, p));
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });

  it('reports per-axis scales and their mismatch', () => {
    const s = rectScaleFor({ width: 100, height: 50 }, { width: 202, height: 100 });
    expect(s).toMatchObject({ scaleX: 2.02, scaleY: 2 });
    expect(s.scale).toBeCloseTo(Math.sqrt(4.04), 12);
    expect(s.anisotropy).toBeCloseTo(1 - 2 / 2.02, 12);
  });
});

describe('planRegion: a region near its request size is that size (no resampling either way)', () => {
  const plan = (bbox: Rect, canvas: Size) => {
    const p = planRegion({ canvas, bbox, model: 'gpt-image-2' });
    if (!p.ok) throw new Error(p.reason);
    return p;
  };
  it('a 600×450 mask on 24 MP: region and request are the same size, the region holds the mask inside the canvas', () => {
    const bbox = { x: 200, y: 200, width: 600, height: 450 };
    const p = plan(bbox, { width: 6000, height: 4000 });
    expect({ width: p.region.width, height: p.region.height }).toEqual({ width: p.request.width, height: p.request.height });
    expect(p.scale).toBe(1);
    expect(containsRect(p.region, bbox)).toBe(true);
    expect(containsRect(canvasRect({ width: 6000, height: 4000 }), p.region)).toBe(true);
  });
  it('grows the context (≤ 25 %) rather than enlarge a region below the model’s smallest request', () => {
    const p = plan({ x: 900, y: 600, width: 400, height: 300 }, { width: 2560, height: 1600 });
    expect(p.scale).toBe(1);
  });
  it('keeps scaling when the sizes are far apart or the canvas has no room', () => {
    expect(plan({ x: 10, y: 10, width: 100, height: 80 }, { width: 2560, height: 1600 }).scale).toBeGreaterThan(5);
    expect(plan({ x: 100, y: 100, width: 2000, height: 1400 }, { width: 6000, height: 4000 }).scale).toBeLessThan(0.7);
    // A canvas just larger than the mask: the region cannot grow to the request's size.
    const small = plan({ x: 0, y: 0, width: 700, height: 700 }, { width: 720, height: 720 });
    expect(small.region.width).toBeLessThanOrEqual(720);
    expect(small.scale).toBeGreaterThan(1);
  });
});
