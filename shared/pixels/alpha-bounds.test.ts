import { describe, expect, it } from 'vitest';
import { alphaBounds } from './alpha-bounds';

describe('alphaBounds', () => {
  it('is the tight rect of alpha > 0, on aligned and unaligned buffers', () => {
    const w = 40;
    const h = 30;
    const buf = new Uint8Array(w * h * 4 + 1);
    const rgba = buf.subarray(0, w * h * 4);
    rgba[(5 * w + 12) * 4 + 3] = 1;
    rgba[(20 * w + 30) * 4 + 3] = 255;
    rgba[(9 * w + 3) * 4 + 3] = 7;
    rgba[(25 * w + 20) * 4] = 255; // colour without alpha does not count
    expect(alphaBounds(rgba, w, h)).toEqual({ x: 3, y: 5, width: 28, height: 16 });
    const shifted = buf.subarray(1);
    shifted.set(rgba);
    expect(alphaBounds(shifted.subarray(0, w * h * 4), w, h)).toEqual({ x: 3, y: 5, width: 28, height: 16 });
  });

  it('is null for a fully transparent buffer', () => {
    expect(alphaBounds(new Uint8Array(8 * 8 * 4), 8, 8)).toBeNull();
  });
});
