/**
 * The references sent with several models at once: every model gets the same ones, so they stop at
 * the smallest limit among the models counted (they stopped at the hidden single model's: GPT Image
 * 2's 15 with Nano Banana 2, which takes 12, in the list).
 */
import { describe, expect, it } from 'vitest';
import { useEditor } from './store/store';
import { referenceLimitOf, sentReferences } from './current-estimate';

const st = () => useEditor.getState();
const refs = Array.from({ length: 14 }, (_, i) => ({ assetId: `ref-${i}`, name: `r${i}.png`, width: 8, height: 8, thumbUrl: '' }));

describe('references with several models at once', () => {
  it('stop at the smallest limit among the models counted', () => {
    st().setProviderInfo({
      keyStatus: [
        { provider: 'openai', isSet: true, last4: '1111' },
        { provider: 'gemini', isSet: true, last4: '2222' },
      ],
    });
    st().setGen({ model: 'gpt-image-2', modelChosen: true, references: refs, multiOn: false });
    expect(sentReferences(st())).toHaveLength(14);
    st().setGen({ multiOn: true, multi: { 'gpt-image-2': 1, 'gemini-3.1-flash-image': 1 } });
    expect(sentReferences(st())).toHaveLength(12);
    expect(referenceLimitOf(st()).limitedBy?.id).toBe('gemini-3.1-flash-image');
    st().setGen({ multi: { 'gpt-image-2': 1, 'gemini-3.1-flash-image': 1, local: 1 } });
    expect(sentReferences(st())).toHaveLength(0);
    st().setGen({ multi: { 'gpt-image-2': 2 } });
    expect(sentReferences(st())).toHaveLength(14);
  });
});
