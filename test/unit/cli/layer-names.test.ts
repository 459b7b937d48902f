/**
 * The command line names a result's PSD/TIFF layer by the app's rule (shared/document/layer-name.ts):
 * prompts that start alike stay apart (at 24 characters "change the text from V1.0 to V2.0" and
 * "…to V3.0" were the same name), a long prompt is cut at a word, no prompt is "Fill".
 */
import { describe, expect, it } from 'vitest';
import { resultLayerName } from '../../../electron/cli/output-paths';
import { layerName } from '../../../shared/document/layer-name';

describe('resultLayerName', () => {
  it('keeps prompts that start alike apart, cuts long ones at a word, names an empty prompt Fill', () => {
    const a = resultLayerName('gpt-image-2', 'change the text from V1.0 to V2.0');
    const b = resultLayerName('gpt-image-2', 'change the text from V1.0 to V3.0');
    expect(a).toBe('Change the text from V1.0 to V2.0 · gpt-image-2');
    expect(a).not.toBe(b);
    const long = resultLayerName('gemini-3-pro-image', 'replace the label on the bottle with a plain white one and keep the shadow');
    expect(long).toBe('Replace the label on the bottle with a plain… · gemini-3-pro-image');
    expect(resultLayerName('local', '   ')).toBe('Fill · local');
    // The same rule as the app's Layers panel.
    expect(resultLayerName('m', 'a glass vase')).toBe(layerName('m', 'a glass vase'));
  });
});
