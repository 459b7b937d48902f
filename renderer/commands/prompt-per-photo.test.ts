import { describe, expect, it } from 'vitest';
import { createPromptPerPhoto } from './prompt-per-photo';
import { DEFAULT_GEN, type GenSettings } from './store/jobs-slice';

const gen = (prompt: string, text = ''): GenSettings => ({
  ...DEFAULT_GEN,
  prompt,
  textCheck: { ...DEFAULT_GEN.textCheck, text, retries: 2 },
});

describe('each photo has its own prompt box', () => {
  it('the first photo keeps what was typed; another starts empty; coming back restores it', () => {
    const p = createPromptPerPhoto();
    expect(p.switchTo(undefined, 'a', gen('typed before'))).toBeNull();
    const toB = p.switchTo('a', 'b', gen('replace "V1.0" with "V2.0"', 'V2.0'));
    expect(toB?.prompt).toBe('');
    expect(toB?.presetId).toBeNull();
    // The text check's other settings (retries) are preferences, not the prompt's: they stay.
    expect(toB?.textCheck).toEqual({ ...DEFAULT_GEN.textCheck, text: '', retries: 2 });
    const backToA = p.switchTo('b', 'a', gen('b prompt'));
    expect(backToA?.prompt).toBe('replace "V1.0" with "V2.0"');
    expect(backToA?.textCheck?.text).toBe('V2.0');
    expect(p.switchTo('a', 'b', gen('x'))?.prompt).toBe('b prompt');
    expect(p.switchTo('b', 'b', gen('x'))).toBeNull();
  });
});
