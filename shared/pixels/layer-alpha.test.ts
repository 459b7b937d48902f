import { describe, expect, it } from 'vitest';
import { applyLayerAlpha, isPlainLayer, overStraight } from './layer-alpha';

const px = (...v: number[]) => new Uint8Array(v);

describe('layer alpha', () => {
  it('multiplies alpha by mask/255 × opacity and leaves colour alone', () => {
    const rgba = px(10, 20, 30, 255, 40, 50, 60, 200, 1, 2, 3, 100);
    const out = applyLayerAlpha(rgba, 3, 1, { opacity: 0.5, mask: px(255, 128, 0) });
    expect([...out]).toEqual([10, 20, 30, 128, 40, 50, 60, 50, 1, 2, 3, 0]);
    expect([...rgba]).toEqual([10, 20, 30, 255, 40, 50, 60, 200, 1, 2, 3, 100]); // input untouched
  });

  it('opacity alone, and the plain case unchanged', () => {
    const rgba = px(9, 9, 9, 255, 9, 9, 9, 101);
    expect([...applyLayerAlpha(rgba, 2, 1, { opacity: 0.2, mask: null })].filter((_, i) => i % 4 === 3)).toEqual([51, 20]);
    expect([...applyLayerAlpha(rgba, 2, 1, { opacity: 1, mask: null })]).toEqual([...rgba]);
    expect(isPlainLayer({ opacity: 1, mask: null })).toBe(true);
    expect(isPlainLayer({ opacity: 0.99, mask: null })).toBe(false);
    expect(isPlainLayer({ opacity: 1, mask: px(255) })).toBe(false);
  });

  it('refuses a mask of the wrong size', () => {
    expect(() => applyLayerAlpha(px(0, 0, 0, 0), 1, 1, { opacity: 1, mask: px(1, 2) })).toThrow(RangeError);
  });

  it('composites over with straight alpha', () => {
    // 50 % red over 50 % blue: alpha 0.75, colour (255·0.5, 0, 255·0.25)/0.75
    const out = overStraight(px(0, 0, 255, 128), px(255, 0, 0, 128));
    expect([...out]).toEqual([170, 0, 85, 192]);
    expect([...overStraight(px(1, 2, 3, 255), px(9, 9, 9, 0))]).toEqual([1, 2, 3, 255]);
    expect([...overStraight(px(1, 2, 3, 0), px(9, 8, 7, 255))]).toEqual([9, 8, 7, 255]);
  });
});
