import { describe, expect, it } from 'vitest';
import { withModelNames } from './job-error-report';
import { useEditor } from './store/store';

describe('error messages name models as the app does', () => {
  it('puts the display name where main wrote the wire id, and leaves other text alone', () => {
    const s = useEditor.getState();
    expect(withModelNames(s, 'gemini-3.1-flash-image refused this request (prompt blocked).', 'gemini-3.1-flash-image')).toBe(
      'Nano Banana 2 (Gemini 3.1 Flash Image) refused this request (prompt blocked).',
    );
    expect(withModelNames(s, 'Gemini did not answer in time while running gpt-image-2.', undefined, 'gpt-image-2')).toBe(
      'Gemini did not answer in time while running GPT Image 2.',
    );
    expect(withModelNames(s, 'Could not reach OpenAI.', 'unknown-model')).toBe('Could not reach OpenAI.');
  });
});
