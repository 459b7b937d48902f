import { describe, expect, it } from 'vitest';
import { markKeyRejected, withModelNames } from './job-error-report';
import { modelOptions } from './current-estimate';
import { useEditor } from './store/store';
import { keepRejected } from './providers-client';

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
  it('reads "key rejected" in the model list until another key is set', () => {
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

describe('reading the keys again', () => {
  it('keeps the refusal while main reports the same key; a changed or removed key drops it', () => {
    const refused = [{ provider: 'openai', isSet: true, last4: '9999', source: 'memory' as const, rejected: true, rejectedAt: 5 }];
    const same = [{ provider: 'openai', isSet: true, last4: '9999', source: 'memory' as const }];
    expect(keepRejected(refused, same)).toEqual([{ ...same[0], rejected: true, rejectedAt: 5 }]);
    expect(keepRejected(refused, [{ ...same[0], last4: '0001' }])).toEqual([{ ...same[0], last4: '0001' }]);
    expect(keepRejected(refused, [{ provider: 'openai', isSet: false }])).toEqual([{ provider: 'openai', isSet: false }]);
    expect(keepRejected(refused, [{ provider: 'gemini', isSet: true, last4: '9999', source: 'memory' }])[0].rejected).toBeUndefined();
  });
});
