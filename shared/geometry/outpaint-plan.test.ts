import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import { ASPECT_PRESETS, extendBySides, extendToAspect, originalRect } from './outpaint-extend';
import type { OutpaintInput } from './outpaint-phases';
import type { OutpaintPlan } from './outpaint-plan';
import { planOutpaint } from './outpaint-plan';
import { checkOutpaintPlan, isFramePlan, knownLines } from './plan-checks';
import type { Size } from './rect';
import { minimumTileCount } from './tile-bounds';
import { longestChain, tileWaits } from './tile-order';
import { estimateCost } from '../models/cost';

function presetInput(original: Size, preset: string, model: string, anchor: 'centre' | 'left' = 'centre'): OutpaintInput {
  const ext = extendToAspect(original, preset, anchor);
  return { canvas: ext.canvas, original: originalRect(original, ext), model };
}

function planned(input: OutpaintInput): OutpaintPlan {
  const plan = planOutpaint(input);
  if (!plan.ok) throw new Error(plan.reason);
  return plan;
}

const ORIGINALS: Array<[string, Size]> = [
  ['1000×1000', { width: 1000, height: 1000 }],
  ['1080×1920 (9:16)', { width: 1080, height: 1920 }],
];

describe('planOutpaint for every preset × offered model', () => {
  for (const [name, original] of ORIGINALS) {
    for (const m of offeredModels()) {
      it(`${name} with ${m.id}: legal tiles, full coverage, known context, minimal count`, () => {
        for (const preset of ASPECT_PRESETS) {
          const input = presetInput(original, preset, m.id);
          const plan = planned(input);
          expect(checkOutpaintPlan(input, plan), preset).toEqual([]);
          expect(plan.tiles.length, preset).toBe(minimumTileCount(input));
        }
      });
    }
  }

  it('also plans left-anchored extensions minimally', () => {
    for (const m of offeredModels()) {
      for (const preset of ASPECT_PRESETS) {
        const input = presetInput({ width: 1000, height: 1000 }, preset, m.id, 'left');
        const plan = planned(input);
        expect(checkOutpaintPlan(input, plan), `${m.id} ${preset}`).toEqual([]);
        expect(plan.tiles.length, `${m.id} ${preset}`).toBe(minimumTileCount(input));
      }
    }
  });
});

describe('planOutpaint decisions', () => {
  it('extends 1:1 to 8:1 with gpt-image-2 in four 3:1 tiles', () => {
    const input = presetInput({ width: 1000, height: 1000 }, '8:1', 'gpt-image-2');
    const plan = planned(input);
    expect(plan.tiles).toHaveLength(4);
    for (const t of plan.tiles) {
      expect(t.rect.width / t.rect.height).toBeLessThanOrEqual(3 * 1.015);
      expect(t.context).toBeGreaterThanOrEqual(Math.max(64, Math.ceil(t.rect.width / 4)));
      expect(t.request.width / t.request.height).toBeLessThanOrEqual(3);
    }
  });

  it('turns a 9:16 poster into 21:9 with gpt-image-2 in two requests', () => {
    const input = presetInput({ width: 1080, height: 1920 }, '21:9', 'gpt-image-2');
    const plan = planned(input);
    expect(input.canvas).toEqual({ width: 4480, height: 1920 });
    expect(plan.tiles).toHaveLength(2);
    // One tile cannot do it: the whole canvas would need 25 % of 4480 = 1120 px of context, the poster has 1080.
    expect(minimumTileCount(input)).toBe(2);
    expect(checkOutpaintPlan(input, plan)).toEqual([]);
  });

  it('uses one 4:1 request with Nano Banana 2 where gpt-image-2 needs two', () => {
    expect(planned(presetInput({ width: 1000, height: 1000 }, '4:1', 'gemini-3.1-flash-image')).tiles).toHaveLength(1);
    expect(planned(presetInput({ width: 1000, height: 1000 }, '4:1', 'gpt-image-2')).tiles).toHaveLength(2);
  });

  it('grows both sides of a centred photo with one tile per side that waits for nothing, when that takes no more tiles', () => {
    // colorful-cups (2560×1600) to 4:1: one tile across the photo then the rest of the right side (made
    // of the first's answer) was the plan before — 4809 + 2122 px of tiles, two round trips in a row.
    const input = { ...presetInput({ width: 2560, height: 1600 }, '4:1', 'gpt-image-2'), quality: 'medium' as const };
    const plan = planned(input);
    expect(plan.tiles.map((t) => t.rect)).toEqual([
      { x: 0, y: 0, width: 2560, height: 1600 },
      { x: 3840, y: 0, width: 2560, height: 1600 },
    ]);
    expect(tileWaits(plan.tiles)).toEqual([[], []]);
    expect(checkOutpaintPlan(input, plan)).toEqual([]);
    // Where splitting would cost a tile more, the shared tile stays: 1300² to 7300×1300 is 3 tiles, not 4.
    const wide = planned({
      canvas: { width: 7300, height: 1300 },
      original: { x: 3000, y: 0, width: 1300, height: 1300 },
      model: 'gpt-image-2',
    });
    expect(wide.tiles).toHaveLength(3);
    expect(tileWaits(wide.tiles)).toEqual([[], [0], [0]]);
    // Fewer round trips in a row, as many requests, never a higher price (medium quality; the chain
    // before in brackets).
    const chain = (o: Size, preset: string, model: string) => {
      const p = planned({ ...presetInput(o, preset, model), quality: 'medium' });
      return [p.tiles.length, longestChain(p.tiles, () => 1)];
    };
    expect(chain({ width: 1000, height: 1000 }, '4:1', 'gpt-image-1.5')).toEqual([4, 2]); // (3)
    expect(chain({ width: 1000, height: 1000 }, '8:1', 'gpt-image-2')).toEqual([4, 2]); // (3)
    expect(chain({ width: 1000, height: 1000 }, '16:9', 'gpt-image-1.5')).toEqual([2, 1]); // (2)
    expect(chain({ width: 6000, height: 4000 }, '3:1', 'gemini-3.1-flash-image')).toEqual([2, 1]); // (2)
  });

  it('of plans with as many requests, takes the cheapest: one tile per side only where it costs no more', () => {
    const usd = (p: OutpaintPlan, model: string) =>
      p.tiles.reduce(
        (t, x) =>
          t +
          estimateCost({
            modelId: model,
            width: x.request.width,
            height: x.request.height,
            quality: 'medium',
            imageSize: x.request.imageSize,
          }).usd,
        0,
      );
    // 1080×1920 to 16:9 with gpt-image-1.5: one 1536×1024 request per side ($0.040 each) instead of a
    // pair made one of the other ($0.118 before): cheaper and one round trip.
    const poster = planned({ ...presetInput({ width: 1080, height: 1920 }, '16:9', 'gpt-image-1.5'), quality: 'medium' });
    expect(usd(poster, 'gpt-image-1.5')).toBeCloseTo(0.0802, 3);
    expect(tileWaits(poster.tiles)).toEqual([[], []]);
    // Nano Banana 2, 1000² to 3:1: one tile per side would cross into the 2K tier ($0.202); the pair
    // made one of the other stays at 1K ($0.168), so it stays.
    const banana = planned({ ...presetInput({ width: 1000, height: 1000 }, '3:1', 'gemini-3.1-flash-image'), quality: 'medium' });
    expect(usd(banana, 'gemini-3.1-flash-image')).toBeCloseTo(0.168, 3);
    expect(longestChain(banana.tiles, () => 1)).toBe(2);
  });

  it('sends the whole canvas to the local engine in one tile', () => {
    const input = presetInput({ width: 1000, height: 1000 }, '8:1', 'local');
    const plan = planned(input);
    expect(plan.tiles).toHaveLength(1);
    expect(plan.tiles[0].rect).toEqual({ x: 0, y: 0, width: 8000, height: 1000 });
    expect(plan.tiles[0].request.width * plan.tiles[0].request.height).toBeLessThanOrEqual(4096 * 4096);
  });

  it('returns no tiles when nothing is new', () => {
    expect(planned(presetInput({ width: 1000, height: 1000 }, '1:1', 'gpt-image-2')).tiles).toEqual([]);
  });

  it('grows both axes for a per-side extension, tiles in generation order', () => {
    const original = { width: 1200, height: 800 };
    const ext = extendBySides(original, { left: 900, right: 300, top: 500, bottom: 700 });
    for (const m of offeredModels()) {
      const input = { canvas: ext.canvas, original: originalRect(original, ext), model: m.id };
      const plan = planned(input);
      expect(checkOutpaintPlan(input, plan), m.id).toEqual([]);
      // One request for the whole canvas where the model makes its 6:5 shape (gpt-image-2, the
      // offline engine); the others take the phases' fewest tiles.
      if (m.id === 'gpt-image-2' || m.id === 'local') expect(isFramePlan(input, plan), m.id).toBe(true);
      else expect(plan.tiles.length, m.id).toBe(minimumTileCount(input));
    }
  });

  it('both axes in one request only without losing resolution or context; otherwise the phases', () => {
    // 24 MP grown by 600 / 400 px on every side: the phases' second tile was this whole canvas at the same scale.
    const big = { canvas: { width: 7200, height: 4800 }, original: { x: 600, y: 400, width: 6000, height: 4000 }, model: 'gpt-image-2' };
    const one = planned(big);
    expect(isFramePlan(big, one)).toBe(true);
    expect(one.tiles[0].request).toMatchObject({ width: 2304, height: 1536 });
    expect(checkOutpaintPlan(big, one)).toEqual([]);
    // Nano Banana 2, 1200×800 grown by 200 px on every side: 4:3 is one of its aspects.
    const nb = {
      canvas: { width: 1600, height: 1200 },
      original: { x: 200, y: 200, width: 1200, height: 800 },
      model: 'gemini-3.1-flash-image',
    };
    expect(isFramePlan(nb, planned(nb))).toBe(true);
    // gpt-image-1.5's fixed sizes cannot make 4:3 within tolerance: the phases.
    const fixed = { ...nb, model: 'gpt-image-1.5' };
    expect(planned(fixed).tiles.length).toBeGreaterThan(1);
    expect(checkOutpaintPlan(fixed, planned(fixed))).toEqual([]);
    // A photo under a quarter of the canvas on one axis: not enough context for one tile.
    const thin = { canvas: { width: 2200, height: 1000 }, original: { x: 900, y: 100, width: 400, height: 800 }, model: 'gpt-image-2' };
    const p = planned(thin);
    expect(isFramePlan(thin, p)).toBe(false);
    expect(checkOutpaintPlan(thin, p)).toEqual([]);
  });

  it('keeps the feather band inside each tile’s known overlap', () => {
    const input = { ...presetInput({ width: 1000, height: 1000 }, '16:9', 'gpt-image-1.5'), featherPx: 200 };
    const plan = planned(input);
    const known = [input.original];
    for (const t of plan.tiles) {
      expect(knownLines(t.rect, t.axis, known)).toBeGreaterThanOrEqual(200);
      known.push(t.rect);
    }
  });

  it('refuses retired models, unknown models and an original outside the canvas', () => {
    const input = presetInput({ width: 1000, height: 1000 }, '3:1', 'gpt-image-1');
    expect(planOutpaint(input)).toMatchObject({ ok: false, code: 'retired' });
    expect(planOutpaint({ ...input, model: 'nope' })).toMatchObject({ ok: false, code: 'unknown-model' });
    expect(planOutpaint({ ...input, model: 'gpt-image-2', original: { x: 2500, y: 0, width: 1000, height: 1000 } })).toMatchObject({
      ok: false,
      code: 'bad-original',
    });
  });
});
