// electron/main/providers/mask-encoding.ts: a wire mask made ahead (an outpaint tile's, prepared before
// Generate) is the one its request sends — the same bytes as made at send time — and only for that array.
import { describe, expect, it } from 'vitest';
import { makeMaskAhead, toBlackWhiteMaskPng, toOpenAIMaskPng } from '../../../electron/main/providers/mask-encoding';
import { createOpenAIProvider } from '../../../electron/main/providers/openai-provider';
import { createProvider } from '../../../electron/main/providers/provider-factory';

const size = { width: 40, height: 30 };
function mask(seed: number): Uint8Array {
  const m = new Uint8Array(size.width * size.height);
  for (let i = 0; i < m.length; i++) if ((i * 31 + seed) % 7 < 3) m[i] = 255;
  return m;
}

describe('wire masks made ahead', () => {
  it('the alpha PNG made ahead is the one found when sending, byte for byte what sending would make', async () => {
    const m = mask(1);
    const fresh = await toOpenAIMaskPng(mask(1), size);
    const made = await makeMaskAhead('alpha', m, size);
    expect(Buffer.compare(made, fresh)).toBe(0);
    expect(await toOpenAIMaskPng(m, size)).toBe(made); // the same buffer: not made again
    expect(await toOpenAIMaskPng(mask(1), size)).not.toBe(made); // another array with the same values is made anew
    expect(await makeMaskAhead('alpha', m, size)).toBe(made);
  });

  it('per convention and size: the black-and-white mask and another size are not served the alpha PNG', async () => {
    const m = mask(2);
    const alpha = await makeMaskAhead('alpha', m, size);
    const bw = await toBlackWhiteMaskPng(m, size);
    expect(Buffer.compare(bw, alpha)).not.toBe(0);
    expect(await makeMaskAhead('black-white', m, size)).not.toBe(bw); // made now, from then on found
    const other = { width: 30, height: 40 };
    expect(await toOpenAIMaskPng(m, other)).not.toBe(alpha);
  });

  it('a mask of the wrong size is refused when made ahead, and again when sent', async () => {
    const m = new Uint8Array(10);
    await expect(makeMaskAhead('alpha', m, size)).rejects.toThrow(/10 values but the region is 40×30/);
    await expect(toOpenAIMaskPng(m, size)).rejects.toThrow(/10 values/);
  });

  it('the OpenAI provider makes its alpha PNG ahead through prepareMask', async () => {
    const p = createOpenAIProvider({ apiKey: 'sk-test-ahead-0001', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 });
    const m = mask(3);
    await p.prepareMask!(m, size);
    const found = await toOpenAIMaskPng(m, size);
    expect(await toOpenAIMaskPng(m, size)).toBe(found);
  });

  // The app's providers come from the factory, which loads each SDK late: its wrapper must pass the
  // ask on (it once did not, and every prepared outpaint tile made its mask again at send time).
  it.each([
    ['openai', 'alpha'],
    ['gateway', 'alpha'],
    ['gemini', 'black-white'],
  ] as const)('a %s provider made by the factory makes its %s mask ahead', async (kind, convention) => {
    const p = createProvider(kind, { apiKey: `sk-test-factory-${kind}`, baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 });
    const m = mask(kind.length + 10);
    await p.prepareMask!(m, size);
    const found = convention === 'alpha' ? toOpenAIMaskPng(m, size) : toBlackWhiteMaskPng(m, size);
    expect(await found).toBe(await makeMaskAhead(convention, m, size));
  });
});
