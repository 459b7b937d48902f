import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESETS, EMPTY_HISTORY, HISTORY_MAX, docKeyOf, parseHistory, parsePresets, pushRecent, recordPrompt } from './prompts';

describe('prompt history', () => {
  it('puts the newest first, without repeats, trimmed, capped', () => {
    let list: readonly string[] = [];
    list = pushRecent(list, 'a');
    list = pushRecent(list, ' b ');
    list = pushRecent(list, 'a');
    expect(list).toEqual(['a', 'b']);
    expect(pushRecent(list, '   ')).toBe(list);
    for (let i = 0; i < 40; i++) list = pushRecent(list, `p${i}`);
    expect(list).toHaveLength(HISTORY_MAX);
    expect(list[0]).toBe('p39');
  });
  it('keeps a global list and one per document', () => {
    const k1 = docKeyOf('box.jpg', 600, 400);
    let h = recordPrompt(EMPTY_HISTORY, 'one', k1);
    h = recordPrompt(h, 'two', null);
    h = recordPrompt(h, 'three', docKeyOf('other.png', 10, 10));
    expect(h.global).toEqual(['three', 'two', 'one']);
    expect(h.byDoc).toEqual({ 'box.jpg 600×400': ['one'], 'other.png 10×10': ['three'] });
  });
  it('reads only well-formed history from disk', () => {
    expect(parseHistory({ global: ['a', 3, ''], byDoc: { d: ['x'], e: 'no' } })).toEqual({ global: ['a'], byDoc: { d: ['x'] } });
    expect(parseHistory('nope')).toEqual(EMPTY_HISTORY);
  });
});

describe('presets', () => {
  it('ships remove object, change text, extend the background and a draft', () => {
    expect(DEFAULT_PRESETS.map((p) => p.name)).toEqual([
      'Remove object',
      'Change text to …',
      'Extend the background',
      'Draft (cheapest model)',
    ]);
    expect(DEFAULT_PRESETS.filter((p) => p.draft).map((p) => p.id)).toEqual(['draft']);
    expect(parsePresets(JSON.parse(JSON.stringify(DEFAULT_PRESETS)))).toEqual(DEFAULT_PRESETS);
  });
  it('refuses malformed presets as a whole', () => {
    expect(parsePresets([{ id: 'a', name: 'A', prompt: 'x', draft: 'no' }])).toBeNull();
    expect(
      parsePresets([
        { id: 'a', name: 'A', prompt: 'x', draft: false },
        { id: 'a', name: 'B', prompt: 'y', draft: false },
      ]),
    ).toBeNull();
    expect(parsePresets([{ id: 'a', name: '  ', prompt: 'x', draft: false }])).toBeNull();
    expect(parsePresets({})).toBeNull();
  });
});
