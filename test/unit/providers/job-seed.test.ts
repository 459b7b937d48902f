/** The offline engine's seed is decided once per job, in one place (withJobSeed), for edits and outpaints. */
import { describe, expect, it } from 'vitest';
import { withJobSeed } from '../../../electron/main/providers/local-provider';

describe('withJobSeed', () => {
  it('keeps a seed that was asked for and gives a blank one a fresh seed per job, for the offline engine only', () => {
    expect(withJobSeed({ seed: 7, prompt: '' }, 'local')).toEqual({ seed: 7, prompt: '' });
    const a = withJobSeed({ prompt: '' }, 'local');
    const b = withJobSeed({ prompt: '' }, 'local');
    expect(a.seed).toEqual(expect.any(Number));
    // Room under 2³¹ − 1 for the candidates' seed + i.
    expect(a.seed).toBeLessThan(2 ** 31 - 63);
    expect([a.seed, b.seed].every(Number.isInteger)).toBe(true);
    expect(a.seed === b.seed && withJobSeed({}, 'local').seed === a.seed).toBe(false);
    for (const provider of ['openai', 'gemini', 'gateway'] as const) {
      const request = { prompt: 'x' };
      expect(withJobSeed(request, provider)).toBe(request);
      expect(withJobSeed({ seed: 3 }, provider)).toEqual({ seed: 3 });
    }
  });
});
