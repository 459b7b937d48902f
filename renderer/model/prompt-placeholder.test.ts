import { describe, expect, it } from 'vitest';
import { blankRange, placeholderBlocker } from './prompt-placeholder';

describe('a preset blank left in the prompt', () => {
  it('blocks Generate in any quote style; filled in, or an ellipsis in the prose, does not', () => {
    for (const p of ['Change the text to "…", keeping the font', 'text “ … ” here', "to '...'", 'to «…»'])
      expect(placeholderBlocker(p), p).toBe('Type the text you want in place of “…” in the prompt');
    for (const p of ['Change the text to "SALE", keeping the font', 'and so on…', '"Wait…" says the sign', ''])
      expect(placeholderBlocker(p), p).toBeNull();
  });
});

describe('where the caret goes for a blank', () => {
  it('the ellipsis inside the quotes, not the quotes; none without a blank', () => {
    const p = 'Change the text to "…", keeping the font';
    const r = blankRange(p)!;
    expect(p.slice(r.start, r.end)).toBe('…');
    const q = "to ' ... ' here";
    const s = blankRange(q)!;
    expect(q.slice(s.start, s.end)).toBe('...');
    expect(blankRange('and so on…')).toBeNull();
  });
});
