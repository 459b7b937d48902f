import { describe, expect, it } from 'vitest';
import { getModel, gatewayModel } from '../../shared/models';
import { computeEstimate, formatUsd } from './estimate';

const canvas = { width: 2100, height: 1400 };
const spec = (id: string) => getModel(id)!;

describe('computeEstimate', () => {
  it('asks for a mask when there is none', () => {
    const e = computeEstimate({ canvas, bbox: null, spec: spec('gpt-image-2'), n: 1, references: [] });
    expect(e).toEqual({ ok: false, code: 'empty-mask', error: 'Paint a mask or select an area first' });
    const z = computeEstimate({ canvas, bbox: { x: 5, y: 5, width: 0, height: 3 }, spec: spec('local'), n: 1, references: [] });
    expect(z.ok).toBe(false);
  });

  it('local is free and says so; the request is the region itself', () => {
    const e = computeEstimate({ canvas, bbox: { x: 900, y: 600, width: 200, height: 100 }, spec: spec('local'), n: 2, references: [] });
    if (!e.ok) throw new Error(e.error);
    expect(e.usd).toBe(0);
    expect(e.costText).toBe('$0.000 — free (offline)');
    expect(e.request).toMatchObject({ width: e.region.width, height: e.region.height });
    // Sent at the region's own size: said once (it read "584×346 from a 584×346 region").
    expect(e.sizeText).toBe(`${e.region.width}×${e.region.height} region at full size`);
    // The region holds the bbox and stays inside the canvas.
    expect(e.region.x).toBeLessThanOrEqual(900);
    expect(e.region.x + e.region.width).toBeGreaterThanOrEqual(1100);
    expect(e.region.x).toBeGreaterThanOrEqual(0);
    expect(e.region.y + e.region.height).toBeLessThanOrEqual(1400);
  });

  it('gpt-image-2: a 16-grid request, priced per image × n plus input tokens, with the basis', () => {
    const one = computeEstimate({
      canvas,
      bbox: { x: 600, y: 400, width: 900, height: 600 },
      spec: spec('gpt-image-2'),
      quality: 'medium',
      n: 1,
      references: [],
    });
    const three = computeEstimate({
      canvas,
      bbox: { x: 600, y: 400, width: 900, height: 600 },
      spec: spec('gpt-image-2'),
      quality: 'medium',
      n: 3,
      references: [],
    });
    if (!one.ok || !three.ok) throw new Error('plan failed');
    expect(one.request.width % 16).toBe(0);
    expect(one.request.height % 16).toBe(0);
    expect(one.usd).toBeGreaterThan(0.01);
    expect(three.usd).toBeGreaterThan(one.usd * 2);
    expect(one.basis).toMatch(/medium/);
    // The model named, as the extension's line names it (the Model list may be scrolled out of view).
    expect(one.costText).toMatch(/^≈ \$\d+\.\d{3} \(GPT Image 2, medium\)$/);
  });

  it('references add input tokens; quality high costs more than low', () => {
    const base = { canvas, bbox: { x: 600, y: 400, width: 900, height: 600 }, spec: spec('gpt-image-2'), n: 1 };
    const plain = computeEstimate({ ...base, quality: 'low', references: [] });
    const refs = computeEstimate({
      ...base,
      quality: 'low',
      references: [
        { width: 1024, height: 1024 },
        { width: 800, height: 600 },
      ],
    });
    const high = computeEstimate({ ...base, quality: 'high', references: [] });
    if (!plain.ok || !refs.ok || !high.ok) throw new Error('plan failed');
    expect(refs.usd).toBeGreaterThan(plain.usd);
    expect(high.usd).toBeGreaterThan(plain.usd);
  });

  it('Gemini: honours an explicit tier, ignores a quality it does not have', () => {
    const e = computeEstimate({
      canvas,
      bbox: { x: 600, y: 400, width: 900, height: 600 },
      spec: spec('gemini-3.1-flash-image'),
      quality: 'low',
      imageSize: '4K',
      n: 2,
      references: [],
    });
    if (!e.ok) throw new Error(e.error);
    expect(e.request.imageSize).toBe('4K');
    expect(e.usd).toBeCloseTo(0.302, 6);
  });

  it('reports needs-tiling with the planner reason', () => {
    const wide = { width: 8000, height: 1000 };
    const e = computeEstimate({
      canvas: wide,
      bbox: { x: 0, y: 400, width: 8000, height: 100 },
      spec: spec('gpt-image-1.5'),
      n: 1,
      references: [],
    });
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.code).toBe('needs-tiling');
    expect(e.error).toMatch(/too long and thin for gpt-image-1\.5/);
    expect(e.error).not.toMatch(/tiles|aspect/);
  });

  it('prices gateway models with their template', () => {
    const gw = gatewayModel({ id: 'gateway:gw/img', name: 'GW: img', upstreamModel: 'img' }, 'gpt-image-2');
    const e = computeEstimate({
      canvas,
      bbox: { x: 600, y: 400, width: 900, height: 600 },
      spec: gw,
      quality: 'medium',
      n: 1,
      references: [],
    });
    if (!e.ok) throw new Error(e.error);
    expect(e.usd).toBeGreaterThan(0);
    expect(e.basis).toMatch(/gateway/);
  });

  it('parts far apart: priced as their areas, one request each, and said so', () => {
    const big = { width: 6000, height: 4000 };
    const parts = [
      { x: 340, y: 340, width: 160, height: 120 },
      { x: 5540, y: 3540, width: 160, height: 120 },
    ];
    const bbox = { x: 340, y: 340, width: 5360, height: 3320 };
    const input = { canvas: big, bbox, spec: spec('gpt-image-2'), quality: 'medium' as const, n: 2, references: [] };
    const one = computeEstimate(input);
    const areas = computeEstimate({ ...input, parts });
    if (!one.ok || !areas.ok) throw new Error('no estimate');
    expect(one.sizeText).toBe('2304×1536 from a 6000×4000 region');
    expect(areas.areas).toHaveLength(2);
    const each = computeEstimate({ ...input, bbox: parts[0], parts: [parts[0]] });
    if (!each.ok) throw new Error(each.error);
    expect(areas.usd).toBeCloseTo(2 * each.usd, 9);
    expect(areas.usd).toBeLessThan(one.usd);
    expect(areas.costText).toBe(`2 areas, 2 requests: ≈ ${formatUsd(areas.usd)} (GPT Image 2, medium)`);
    expect(areas.sizeText).toBe('2 areas, one request each: 896×784 from a 320×280 region; 896×784 from a 320×280 region');
    expect(areas.basis.split('\n')).toHaveLength(2);
    // Gemini makes one image per request: 2 candidates in 2 areas are 4 requests.
    const gemini = computeEstimate({ ...input, spec: spec('gemini-3.1-flash-image'), quality: undefined, parts });
    if (!gemini.ok) throw new Error(gemini.error);
    expect(gemini.costText).toMatch(/^2 areas, 4 requests: /);
    const local = computeEstimate({ ...input, spec: spec('local'), parts });
    if (!local.ok) throw new Error(local.error);
    expect(local.costText).toBe('$0.000 — free (offline), 2 areas');
    expect(local.sizeText).toMatch(/^2 areas, filled one after another: 320×280 region at full size; /);
  });

  it('more than 8 areas apart: the nearest are joined, and the size line says so', () => {
    const dabs = Array.from({ length: 11 }, (_, i) => ({
      x: 100 + (i % 4) * 1500 - (i === 10 ? 800 : 0),
      y: 100 + Math.floor(i / 4) * 1300,
      width: 40,
      height: 40,
    }));
    const bbox = { x: 100, y: 100, width: 4540, height: 2640 };
    const e = computeEstimate({ canvas: { width: 6000, height: 4000 }, bbox, parts: dabs, spec: spec('local'), n: 1, references: [] });
    if (!e.ok) throw new Error(e.error);
    expect(e.areas).toHaveLength(8);
    expect(e.sizeText).toMatch(/^8 areas \(of 11 apart, the nearest joined\), filled one after another: /);
  });

  it('past 8 areas, back to one region: the cost line says why (it only dropped "areas")', () => {
    // Dabs on a 4-wide grid over a 1280×960 photo (found by hand: 11 dabs or more were one region, silently).
    const dabs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ x: 100 + (i % 4) * 330, y: 100 + Math.floor(i / 4) * 240, width: 50, height: 50 }));
    const input = (n: number) => {
      const parts = dabs(n);
      const bbox = {
        x: 100,
        y: 100,
        width: Math.max(...parts.map((p) => p.x + 50)) - 100,
        height: Math.max(...parts.map((p) => p.y + 50)) - 100,
      };
      return { canvas: { width: 1280, height: 960 }, bbox, parts, n: 1, references: [] };
    };
    const ten = computeEstimate({ ...input(10), spec: spec('local') });
    if (!ten.ok) throw new Error(ten.error);
    expect(ten.costText).toBe('$0.000 — free (offline), 8 areas');
    // Eleven: each its own area would beat one region; the nearest joined down to 8 do not.
    const eleven = computeEstimate({ ...input(11), spec: spec('local') });
    if (!eleven.ok) throw new Error(eleven.error);
    expect(eleven.areas).toBeUndefined();
    expect(eleven.costText).toBe('$0.000 — free (offline) · one region: 11 areas apart, more than 8');
    expect(eleven.sizeText).toBe(
      '1280×960 region at full size — one region: 11 areas apart are more than 8, and joined down to 8 they were no smaller',
    );
    // GPT Image 2 sends the same dabs as one region for its own reason (one request costs less than
    // eight, at full size): nothing said about areas, as before.
    const paid = computeEstimate({ ...input(11), spec: spec('gpt-image-2'), quality: 'medium' });
    if (!paid.ok) throw new Error(paid.error);
    expect(paid.costText).toBe(`≈ ${formatUsd(paid.usd)} (GPT Image 2, medium)`);
  });

  it('formats dollars with three decimals under a dollar, cents above (shared/money.ts)', () => {
    expect(formatUsd(0)).toBe('$0.000');
    expect(formatUsd(0.0534)).toBe('$0.053');
    expect(formatUsd(1.2)).toBe('$1.20');
  });
});
