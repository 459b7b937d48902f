import { describe, expect, it } from 'vitest';
import { shortModelName } from './display-name';
import { MODEL_CATALOG } from './catalog';

describe('shortModelName', () => {
  it('drops the Gemini name in brackets of the Nano Banana models, and nothing of the others', () => {
    expect(shortModelName('Nano Banana 2 (Gemini 3.1 Flash Image)')).toBe('Nano Banana 2');
    expect(shortModelName('Nano Banana Pro (Gemini 3 Pro Image)')).toBe('Nano Banana Pro');
    expect(shortModelName('GPT Image 2')).toBe('GPT Image 2');
    expect(shortModelName('Studio gateway (fast)')).toBe('Studio gateway (fast)');
    expect(shortModelName('(Gemini 3 Pro Image)')).toBe('(Gemini 3 Pro Image)');
  });
  it('gives every catalog model a name of at most 16 characters (one line of a candidate tile)', () => {
    for (const m of MODEL_CATALOG) expect(shortModelName(m.name).length, m.name).toBeLessThanOrEqual(16);
  });
});
