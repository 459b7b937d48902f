import { describe, expect, it } from 'vitest';
import { hasImageExtension, OPENABLE_IMAGE_NAMES } from './image-formats';

describe('the openable image formats', () => {
  it('names each format once and knows a file by its extension, in any case', () => {
    expect(OPENABLE_IMAGE_NAMES).toBe('jpg, png, webp, tif, gif, avif, psd');
    expect(['a.gif', 'b.AVIF', 'c.jpeg', 'd.TIF', 'e.psd'].map(hasImageExtension)).toEqual([true, true, true, true, true]);
    expect(['notes.txt', 'gif', '.png', 'x.png.bak', 'x.maskwork'].map(hasImageExtension)).toEqual([false, false, false, false, false]);
  });
});
