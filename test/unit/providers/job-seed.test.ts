/** The offline engine's seed is decided once per job, in one place (withJobSeed), for edits and outpaints. */
import { describe, expect, it } from 'vitest';
import { withJobSeed } from '../../../electron/main/providers/local-provider';

interface Req {
  prompt: string;
  seed?: number;
}

describe('withJobSeed', () => {
  it('keeps a seed that was asked for and gives a blank one a fresh seed per job, for the offline engine only', () => {
    const asked: Req = { seed: 7, prompt: '' };
    const blank: Req = { prompt: '' };
    expect(withJobSeed(asked, 'local')).toEqual({ seed: 7, prompt: '' });
    const a = withJobSeed(blank, 'local');
    const b = withJobSeed(blank, 'local');
    const c = withJobSeed(blank, 'local');
    expect(blank).toEqual({ prompt: '' });
    // An integer with room under 2³¹ − 1 for the candidates' seed + i; a fresh one each job.
    expect([a.seed, b.seed, c.seed].every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31 - 63)).toBe(true);
    expect(a.seed === b.seed && b.seed === c.seed).toBe(false);
    for (const provider of ['openai', 'gemini', 'gateway'] as const) {
      expect(withJobSeed(blank, provider)).toBe(blank);
      expect(withJobSeed(asked, provider)).toBe(asked);
    }
  });
});
