import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG, gatewayModel, getModel, maxReferenceImages, offeredModels, resolveModel } from './catalog';
import type { GatewayTemplateId } from './catalog';
import type { AspectListSizeRule } from './model-types';

const OFFERED = ['gpt-image-2', 'gpt-image-1.5', 'gpt-image-1-mini', 'gemini-3.1-flash-image', 'gemini-3-pro-image', 'local'];
const RETIRED = ['gpt-image-1', 'dall-e-2', 'gemini-2.5-flash-image'];

function geminiRule(id: string): AspectListSizeRule {
  const rule = getModel(id)?.sizeRule;
  if (rule?.kind !== 'aspect-list') throw new Error(`${id} has no aspect list`);
  return rule;
}

describe('the model catalog', () => {
  it('offers the six usable models and never a retired one', () => {
    expect(offeredModels().map((m) => m.id)).toEqual(OFFERED);
    expect(offeredModels().every((m) => m.status !== 'retired')).toBe(true);
  });

  it('keeps retired models so callers can say when they were shut down', () => {
    for (const id of RETIRED) {
      const m = getModel(id);
      expect(m?.status).toBe('retired');
      expect(m?.retirement?.replacement).toBeDefined();
      expect(getModel(m!.retirement!.replacement)?.status).toBe('active');
    }
    expect(getModel('gpt-image-1')?.retirement?.date).toBe('2026-10-23');
  });

  it('has unique ids and answers undefined for an unknown one', () => {
    expect(new Set(MODEL_CATALOG.map((m) => m.id)).size).toBe(MODEL_CATALOG.length);
    expect(getModel('dall-e-3')).toBeUndefined();
  });

  it('marks gpt-image-1-mini deprecated but usable', () => {
    expect(getModel('gpt-image-1-mini')?.status).toBe('deprecated');
    expect(offeredModels().some((m) => m.id === 'gpt-image-1-mini')).toBe(true);
  });

  it('records the gpt-image-2 grid rule of providers.md §1.2', () => {
    expect(getModel('gpt-image-2')?.sizeRule).toEqual({
      kind: 'grid',
      multiple: 16,
      minPixels: 655_360,
      maxPixels: 8_294_400,
      maxEdge: 3824,
      maxAspect: 3,
    });
  });

  it('gives gpt-image-1.5 and gpt-image-1-mini the three fixed sizes', () => {
    for (const id of ['gpt-image-1.5', 'gpt-image-1-mini']) {
      expect(getModel(id)?.sizeRule).toEqual({
        kind: 'fixed',
        sizes: [
          [1024, 1024],
          [1536, 1024],
          [1024, 1536],
        ],
      });
    }
  });

  it('gives Nano Banana 2 fourteen aspects and the 512 tier, Nano Banana Pro ten aspects', () => {
    const flash = geminiRule('gemini-3.1-flash-image');
    expect(flash.aspects).toHaveLength(14);
    expect(flash.aspects).toEqual(expect.arrayContaining(['1:4', '4:1', '1:8', '8:1']));
    expect(flash.imageSizes).toEqual(['512', '1K', '2K', '4K']);
    const pro = geminiRule('gemini-3-pro-image');
    expect(pro.aspects).toHaveLength(10);
    expect(pro.aspects).not.toContain('8:1');
    expect(pro.imageSizes).toEqual(['1K', '2K', '4K']);
  });

  it('uses the published Gemini output table', () => {
    const d = geminiRule('gemini-3-pro-image').dimensions;
    expect(d['1:1']['1K']).toEqual([1024, 1024]);
    expect(d['16:9']['1K']).toEqual([1376, 768]);
    expect(d['16:9']['2K']).toEqual([2752, 1536]);
    expect(d['16:9']['4K']).toEqual([5504, 3072]);
    expect(d['21:9']['1K']).toEqual([1584, 672]);
    expect(geminiRule('gemini-3.1-flash-image').dimensions['1:1']['512']).toEqual([512, 512]);
  });

  it('keeps every Gemini size near its nominal aspect and its tier pixel count', () => {
    const megapixels = { '512': 0.25, '1K': 1, '2K': 4, '4K': 16 } as const;
    for (const id of ['gemini-3.1-flash-image', 'gemini-3-pro-image']) {
      const rule = geminiRule(id);
      for (const aspect of rule.aspects) {
        const [aw, ah] = aspect.split(':').map(Number);
        for (const tier of rule.imageSizes) {
          const [w, h] = rule.dimensions[aspect][tier]!;
          expect(Math.abs(w / h / (aw / ah) - 1)).toBeLessThanOrEqual(0.015);
          expect((w * h) / 2 ** 20 / megapixels[tier]).toBeGreaterThan(0.85);
          expect((w * h) / 2 ** 20 / megapixels[tier]).toBeLessThan(1.2);
          if (tier !== '512') expect([w % 16, h % 16]).toEqual([0, 0]);
        }
      }
    }
  });

  it('records input-image, n, mask and streaming limits', () => {
    expect(getModel('gpt-image-2')).toMatchObject({
      maxInputImages: 16,
      n: { min: 1, max: 10, native: true },
      mask: 'native-alpha',
      streaming: 'partial-images',
    });
    for (const id of ['gemini-3.1-flash-image', 'gemini-3-pro-image']) {
      expect(getModel(id)).toMatchObject({
        maxInputImages: 14,
        n: { min: 1, max: 4, native: false },
        mask: 'emulated',
        streaming: 'sse',
        qualities: [],
      });
    }
    expect(getModel('local')).toMatchObject({ provider: 'local', mask: 'engine', streaming: 'progress', pricing: { kind: 'free' } });
    expect(getModel('gpt-image-1.5')?.qualities).toEqual(['low', 'medium', 'high', 'auto']);
  });

  it('leaves room for the source (and an emulated mask) when counting reference images', () => {
    expect(maxReferenceImages(getModel('gpt-image-2')!)).toBe(15);
    expect(maxReferenceImages(getModel('gemini-3-pro-image')!)).toBe(12);
    expect(maxReferenceImages(getModel('local')!)).toBe(0);
  });
});

describe('gateway models', () => {
  it('copy the size rules and limits of their template under the user id', () => {
    const gw = gatewayModel({ id: 'router/gpt-image-2', name: 'GPT Image 2 via router' }, 'gpt-image-2');
    const template = getModel('gpt-image-2')!;
    expect(gw).toMatchObject({ id: 'router/gpt-image-2', provider: 'gateway', status: 'active', template: 'gpt-image-2' });
    expect(gw.sizeRule).toEqual(template.sizeRule);
    expect(gw.maxInputImages).toBe(16);
    expect(gw.upstreamModel).toBe('gpt-image-2');
    expect(resolveModel(gw)).toBe(gw);
  });

  it('can inherit Gemini rules and name a different upstream model', () => {
    const gw = gatewayModel({ id: 'gw-nb2', name: 'NB2', upstreamModel: 'google/nano-banana-2' }, 'gemini-3.1-flash-image');
    expect(gw.sizeRule.kind).toBe('aspect-list');
    expect(gw.upstreamModel).toBe('google/nano-banana-2');
  });

  it('refuses a retired template', () => {
    expect(() => gatewayModel({ id: 'x', name: 'x' }, 'gpt-image-1' as GatewayTemplateId)).toThrow(/no usable template/);
  });
});
