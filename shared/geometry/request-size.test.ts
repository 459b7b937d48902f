import { describe, expect, it } from 'vitest';
import { getModel } from '../models/catalog';
import { isSizeLegal } from '../models/size-rules';
import type { ModelSpec } from '../models/model-types';
import { anisotropy, aspectOptions, requestFor } from './request-size';

function spec(id: string): ModelSpec {
  const m = getModel(id);
  if (!m) throw new Error(id);
  return m;
}

describe('aspectOptions', () => {
  it('is a 1:3–3:1 range for gpt-image-2', () => {
    expect(aspectOptions(spec('gpt-image-2'))).toEqual({ kind: 'range', min: 1 / 3, max: 3 });
  });

  it('lists the fixed sizes and the actual Gemini output ratios', () => {
    const fixed = aspectOptions(spec('gpt-image-1.5'));
    expect(fixed.kind === 'list' && fixed.values.map((v) => v.ratio)).toEqual([1, 1.5, 1024 / 1536]);
    const pro = aspectOptions(spec('gemini-3-pro-image'));
    expect(pro.kind === 'list' && pro.values.find((v) => v.label === '16:9')?.ratio).toBe(1376 / 768);
  });

  it('is free for the local engine', () => {
    expect(aspectOptions(spec('local'))).toEqual({ kind: 'free' });
  });
});

describe('requestFor gpt-image-2', () => {
  const m = spec('gpt-image-2');

  it('upscales a small region to at least 655,360 px on the 16 grid', () => {
    const req = requestFor(m, 129, 129);
    expect(req).toEqual({ width: 816, height: 816 });
    expect(isSizeLegal(m, req.width, req.height).ok).toBe(true);
  });

  it('keeps a mid-size region near 1:1 scale', () => {
    const req = requestFor(m, 1500, 1000);
    expect(req.width / req.height).toBeCloseTo(1.5, 6);
    expect(req.width * req.height).toBeGreaterThan(1_400_000);
    expect(req.width * req.height).toBeLessThan(1_600_000);
  });

  it('downscales a huge region to the 2560×1440 class, or further up with quality high', () => {
    const normal = requestFor(m, 12000, 8000);
    expect(normal.width * normal.height).toBeLessThanOrEqual(2560 * 1440);
    expect(normal.width / normal.height).toBeCloseTo(1.5, 6);
    const high = requestFor(m, 12000, 8000, { quality: 'high' });
    expect(high.width * high.height).toBeGreaterThan(2560 * 1440);
    expect(isSizeLegal(m, high.width, high.height).ok).toBe(true);
  });

  it('finds an exact grid match for a 10:7 region', () => {
    expect(anisotropy({ width: 1000, height: 700 }, requestFor(m, 1000, 700))).toBe(0);
  });

  it('clamps a stripe to 3:1', () => {
    const req = requestFor(m, 5000, 200);
    expect(req.width / req.height).toBe(3);
  });
});

describe('requestFor Gemini', () => {
  it('picks the smallest tier whose short side covers the region', () => {
    const flash = spec('gemini-3.1-flash-image');
    expect(requestFor(flash, 300, 300)).toEqual({ width: 512, height: 512, imageSize: '512', aspect: '1:1' });
    expect(requestFor(flash, 1000, 1000)).toEqual({ width: 1024, height: 1024, imageSize: '1K', aspect: '1:1' });
    expect(requestFor(flash, 1920, 1080)).toMatchObject({ imageSize: '2K', aspect: '16:9' });
  });

  it('caps at 2K unless quality is high, and honours an explicit tier', () => {
    const pro = spec('gemini-3-pro-image');
    expect(requestFor(pro, 6000, 4000)).toEqual({ width: 2528, height: 1696, imageSize: '2K', aspect: '3:2' });
    expect(requestFor(pro, 6000, 4000, { quality: 'high' })).toMatchObject({ imageSize: '4K' });
    expect(requestFor(pro, 6000, 4000, { imageSize: '1K' })).toMatchObject({ width: 1264, height: 848 });
  });

  it('never offers a banner aspect the model lacks', () => {
    expect(requestFor(spec('gemini-3-pro-image'), 8000, 1000).aspect).toBe('21:9');
    expect(requestFor(spec('gemini-3.1-flash-image'), 8000, 1000).aspect).toBe('8:1');
  });
});

describe('requestFor fixed and local models', () => {
  it('takes the fixed size with the closest aspect', () => {
    expect(requestFor(spec('gpt-image-1.5'), 400, 600)).toEqual({ width: 1024, height: 1536 });
    expect(requestFor(spec('gpt-image-1-mini'), 1100, 1000)).toEqual({ width: 1024, height: 1024 });
  });

  it('sends the local engine the region itself, shrunk only past its pixel budget', () => {
    expect(requestFor(spec('local'), 1234, 567)).toEqual({ width: 1234, height: 567 });
    const big = requestFor(spec('local'), 12000, 8000);
    expect(big.width * big.height).toBeLessThanOrEqual(4096 * 4096);
    expect(anisotropy({ width: 12000, height: 8000 }, big)).toBeLessThan(0.001);
  });
});
