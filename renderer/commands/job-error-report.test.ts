import { describe, expect, it } from 'vitest';
import { markKeyRejected, withModelNames } from './job-error-report';
import { modelOptions } from './current-estimate';
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

describe('a key the service refused', () => {
  it('reads "key rejected" in the model list until the keys are read again', () => {
    const s = () => useEditor.getState();
    s().setProviderInfo({ keyStatus: [{ provider: 'openai', isSet: true, last4: '0001' }] });
    const label = () => modelOptions(s()).find((o) => o.value === 'gpt-image-2')!.label;
    expect(label()).toMatch(/— key set$/);
    markKeyRejected(s(), 'gpt-image-2');
    expect(label()).toMatch(/— key rejected$/);
    // Nano Banana's key is another provider's: untouched.
    expect(modelOptions(s()).find((o) => o.value === 'gemini-3.1-flash-image')!.label).toMatch(/no key/);
    // A new key from main (Settings → Keys) clears it.
    s().setProviderInfo({ keyStatus: [{ provider: 'openai', isSet: true, last4: '0002' }] });
    expect(label()).toMatch(/— key set$/);
  });
});
