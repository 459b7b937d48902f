import { describe, expect, it } from 'vitest';
import { getModel, type ModelSpec } from '../../shared/models';
import { DEFAULT_PRESETS } from '../../shared/prompts/prompts';
import { acceptsSeed, presetIdFor, recentPrompts } from './prompt-tools';

describe('prompt tools', () => {
  it('offers a seed only where the model takes one', () => {
    expect(acceptsSeed(getModel('local') as ModelSpec)).toBe(true);
    expect(acceptsSeed(getModel('gpt-image-2') as ModelSpec)).toBe(false);
    expect(acceptsSeed(getModel('gemini-3.1-flash-image') as ModelSpec)).toBe(false);
  });
  it('lists this document’s prompts first, then the others without repeats', () => {
    const h = { global: ['c', 'b', 'a'], byDoc: { d1: ['b'] } };
    expect(recentPrompts(h, 'd1')).toEqual({ thisDoc: ['b'], others: ['c', 'a'] });
    expect(recentPrompts(h, null)).toEqual({ thisDoc: [], others: ['c', 'b', 'a'] });
    expect(recentPrompts(undefined, 'd1')).toEqual({ thisDoc: [], others: [] });
  });
  it('makes unique preset ids from names', () => {
    expect(presetIdFor('Make it Blue!', DEFAULT_PRESETS)).toBe('make-it-blue');
    expect(presetIdFor('Remove object', DEFAULT_PRESETS)).toBe('remove-object-2');
    expect(presetIdFor('日本', [])).toBe('preset');
  });
});
