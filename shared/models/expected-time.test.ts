import { describe, expect, it } from 'vitest';
import { getModel, gatewayModel } from './catalog';
import { expectedSeconds, formatExpected, latencyTier, timesInSequence } from './expected-time';

const m = (id: string) => getModel(id)!;

describe('expected request time', () => {
  it('uses the published latency by size, at least the inpainting latency', () => {
    expect(latencyTier(1024, 1024)).toBe('1K');
    expect(latencyTier(512, 512)).toBe('512');
    expect(latencyTier(2048, 2048)).toBe('2K');
    expect(latencyTier(3824, 2144)).toBe('4K');
    expect(expectedSeconds(m('gpt-image-2'), { width: 1024, height: 1024 })).toMatchObject({ low: 4, high: 6 });
    expect(expectedSeconds(m('gpt-image-2'), { width: 2048, height: 1152 })).toMatchObject({ low: 5, high: 8 });
    expect(expectedSeconds(m('gpt-image-2'), { width: 3824, height: 2144 })).toMatchObject({ low: 10, high: 15 });
    expect(expectedSeconds(m('gemini-3.1-flash-image'), { width: 1024, height: 1024 })).toMatchObject({ low: 2, high: 4 });
  });

  it('says when a number is borrowed from another model, and gives none when nothing is known', () => {
    expect(expectedSeconds(m('gpt-image-1.5'), { width: 1024, height: 1024 })!.basis).toMatch(/approximation/);
    expect(expectedSeconds(m('gpt-image-2'), { width: 1024, height: 1024 })!.basis).not.toMatch(/approximation/);
    expect(expectedSeconds(m('gemini-3-pro-image'), { width: 1024, height: 1024 })).toBeNull();
    const gw = gatewayModel({ id: 'gateway:x/m', name: 'My gateway' }, 'gpt-image-2');
    expect(expectedSeconds(gw, { width: 1024, height: 1024 })).toMatchObject({ low: 4, high: 6 });
  });

  it('the offline engine scales with the region size', () => {
    const small = expectedSeconds(m('local'), { width: 500, height: 400 })!;
    const big = expectedSeconds(m('local'), { width: 6000, height: 1000 })!;
    expect(small.low).toBeGreaterThanOrEqual(1);
    expect(big.high).toBeGreaterThanOrEqual(6);
    expect(big.high).toBeGreaterThan(small.high * 5);
  });

  it('sequences add up and format readably', () => {
    const t = timesInSequence(expectedSeconds(m('gpt-image-2'), { width: 1024, height: 1024 }), 4)!;
    expect([t.low, t.high]).toEqual([16, 24]);
    expect(formatExpected(t)).toBe('usually 16–24 s');
    expect(formatExpected({ low: 3, high: 3, basis: '' })).toBe('usually 3 s');
    expect(formatExpected({ low: 120, high: 300, basis: '' })).toBe('usually 2–5 min');
    expect(timesInSequence(null, 3)).toBeNull();
  });
});
