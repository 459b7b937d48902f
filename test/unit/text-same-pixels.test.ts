import { describe, expect, it } from 'vitest';
import { availableFonts } from '../../bench/text/render-text';
import { drawnPixels, sameAsRightRendering, samePixels } from '../../bench/text/same-pixels';

describe('text bench: a wrong candidate with the same pixels as the right rendering', () => {
  it('compares every byte', () => {
    expect(samePixels(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(samePixels(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(samePixels(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('a 0 drawn for an O in DejaVu Sans is not the right rendering; the same text, drawn the same way, is', async () => {
    expect(availableFonts({ 'DejaVu Sans': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' })).toEqual(['DejaVu Sans']);
    const image = { font: 'DejaVu Sans', px: 20, width: 200, height: 100, background: '#ffffff', colour: '#b00020' };
    const miss = await drawnPixels({ ...image, text: 'V2.O' });
    expect(await sameAsRightRendering(miss, image, 'V2.0')).toBe(false);
    expect(await sameAsRightRendering(await drawnPixels({ ...image, text: 'V2.0' }), image, 'V2.0')).toBe(true);
    // Blurred as the blurred probe draws it: compared blurred.
    const blurred = await drawnPixels({ ...image, text: 'V2.0' }, 1.2);
    expect(await sameAsRightRendering(blurred, image, 'V2.0', 1.2)).toBe(true);
    expect(await sameAsRightRendering(blurred, image, 'V2.0')).toBe(false);
  });
});
