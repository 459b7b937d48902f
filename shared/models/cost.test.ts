import { describe, expect, it } from 'vitest';
import { gatewayModel } from './catalog';
import { estimateCost, imageInputTokens } from './cost';

/** 85 + 170 × 4 tiles for a 1024² source at $8 per 1M image-input tokens. */
const SOURCE_1024_USD = (765 * 8) / 1e6;

describe('estimateCost for gpt-image-2', () => {
  it('uses the published 1024×1024 row for the output', () => {
    for (const [quality, price] of [
      ['low', 0.006],
      ['medium', 0.053],
      ['high', 0.211],
    ] as const) {
      const est = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality, n: 1 });
      expect(est.perImage).toBe(price);
      expect(est.usd).toBeCloseTo(price + SOURCE_1024_USD, 6);
    }
  });

  it('uses the 1536×1024 row for either orientation', () => {
    expect(estimateCost({ modelId: 'gpt-image-2', width: 1536, height: 1024, quality: 'high' }).perImage).toBe(0.165);
    expect(estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1536, quality: 'low' }).perImage).toBe(0.005);
  });

  it('charges output per image and the inputs once per request', () => {
    const est = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'medium', n: 4 });
    expect(est.usd).toBeCloseTo(4 * 0.053 + SOURCE_1024_USD, 6);
    expect(est.basis).toContain('4 × $0.053');
  });

  it('says the basis in plain words: the research reference codes are kept apart in `sources`', () => {
    for (const modelId of ['gpt-image-2', 'gpt-image-1.5', 'gemini-3.1-flash-image', 'gemini-3-pro-image'] as const) {
      const est = estimateCost({ modelId, width: 1024, height: 1024, quality: modelId.startsWith('gpt') ? 'medium' : undefined });
      expect(est.basis).not.toMatch(/\[[A-Z][A-Z0-9-]*\]|[⚠✅📄❓]/u);
      expect(est.sources).toMatch(/\[[A-Z]/);
    }
  });

  it('scales other sizes by pixel area and says so', () => {
    const est = estimateCost({ modelId: 'gpt-image-2', width: 2048, height: 2048, quality: 'medium', mode: 'generate' });
    expect(est.perImage).toBeCloseTo(0.212, 6);
    expect(est.usd).toBeCloseTo(0.212, 6);
    expect(est.approximate).toBe(true);
    expect(est.basis).toMatch(/1024×1024 row scaled by area: 2048×2048 is 4\.19 MP, 4 × the row's 1\.05 MP\)/);
  });

  it('prices auto (and no quality) as high, the upper bound', () => {
    const auto = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'auto' });
    expect(auto.perImage).toBe(0.211);
    expect(auto.basis).toContain('auto priced as high');
    expect(estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024 }).perImage).toBe(0.211);
  });

  it('is exact for a table size when generating without inputs', () => {
    const est = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'low', mode: 'generate' });
    expect(est).toMatchObject({ usd: 0.006, perImage: 0.006, approximate: false });
  });

  it('adds reference images as input tokens, by count or by size', () => {
    const base = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'low' }).usd;
    const two = estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, quality: 'low', referenceImages: 2 }).usd;
    expect(two - base).toBeCloseTo(2 * SOURCE_1024_USD, 6);
    const sized = estimateCost({
      modelId: 'gpt-image-2',
      width: 1024,
      height: 1024,
      quality: 'low',
      referenceImages: [{ width: 512, height: 512 }],
    }).usd;
    expect(sized - base).toBeCloseTo((255 * 8) / 1e6, 6);
  });
});

describe('estimateCost for the fixed-size OpenAI models', () => {
  it('uses the gpt-image-1.5 rows', () => {
    expect(estimateCost({ modelId: 'gpt-image-1.5', width: 1024, height: 1024, quality: 'low' }).perImage).toBe(0.009);
    expect(estimateCost({ modelId: 'gpt-image-1.5', width: 1024, height: 1536, quality: 'high' }).perImage).toBe(0.2);
  });

  it('uses the gpt-image-1-mini rows and its $2.50 input rate', () => {
    const est = estimateCost({ modelId: 'gpt-image-1-mini', width: 1536, height: 1024, quality: 'medium', n: 2 });
    expect(est.perImage).toBe(0.015);
    expect(est.usd).toBeCloseTo(2 * 0.015 + (imageInputTokens(1536, 1024) * 2.5) / 1e6, 5);
  });
});

describe('estimateCost for Gemini', () => {
  it('charges Nano Banana Pro per image by tier', () => {
    expect(estimateCost({ modelId: 'gemini-3-pro-image', width: 1024, height: 1024, imageSize: '1K' }).usd).toBe(0.134);
    expect(estimateCost({ modelId: 'gemini-3-pro-image', width: 2048, height: 2048, imageSize: '2K' }).usd).toBe(0.134);
    expect(estimateCost({ modelId: 'gemini-3-pro-image', width: 4096, height: 4096, imageSize: '4K' }).usd).toBe(0.24);
  });

  it('charges Nano Banana 2 per parallel request', () => {
    const est = estimateCost({ modelId: 'gemini-3.1-flash-image', width: 2752, height: 1536, imageSize: '2K', n: 3 });
    expect(est).toMatchObject({ perImage: 0.101, usd: 0.303 });
  });

  it('infers the tier from a table size', () => {
    expect(estimateCost({ modelId: 'gemini-3.1-flash-image', width: 5504, height: 3072 }).perImage).toBe(0.151);
    expect(estimateCost({ modelId: 'gemini-3.1-flash-image', width: 1376, height: 768 }).perImage).toBe(0.067);
  });

  it('prices the unconfirmed 512 tier at the 1K price and says so', () => {
    const est = estimateCost({ modelId: 'gemini-3.1-flash-image', width: 512, height: 512, imageSize: '512' });
    expect(est.perImage).toBe(0.067);
    expect(est.basis).toMatch(/512 price unknown/);
    expect(est.approximate).toBe(true);
  });
});

describe('estimateCost for everything else', () => {
  it('is free for the local engine', () => {
    expect(estimateCost({ modelId: 'local', width: 4000, height: 3000, n: 4 })).toMatchObject({ usd: 0, approximate: false });
  });

  it('marks gateway prices approximate', () => {
    const gw = gatewayModel({ id: 'gw', name: 'gw' }, 'gpt-image-2');
    const est = estimateCost({ modelId: gw, width: 1024, height: 1024, quality: 'low', mode: 'generate' });
    expect(est).toMatchObject({ perImage: 0.006, approximate: true });
    expect(est.basis).toMatch(/gateway list price unknown/);
  });

  it('refuses retired and unknown models and a bad n', () => {
    expect(() => estimateCost({ modelId: 'gpt-image-1', width: 1024, height: 1024 })).toThrow(/shut down on 2026-10-23/);
    expect(() => estimateCost({ modelId: 'nope', width: 1024, height: 1024 })).toThrow(/unknown model/);
    expect(() => estimateCost({ modelId: 'gpt-image-2', width: 1024, height: 1024, n: 0 })).toThrow(/n must be/);
  });
});

describe('imageInputTokens', () => {
  it('counts 512 px tiles after fitting into 2048×2048', () => {
    expect(imageInputTokens(1024, 1024)).toBe(765);
    expect(imageInputTokens(512, 512)).toBe(255);
    expect(imageInputTokens(4096, 4096)).toBe(85 + 170 * 16);
    expect(imageInputTokens(1536, 1024)).toBe(85 + 170 * 6);
  });
});
