import { describe, expect, it } from 'vitest';
import { mirrorIndex, padFrame } from './pad-frame';

describe('padFrame', () => {
  it('mirrors about the edge pixel without repeating it, folding again past the far edge', () => {
    expect([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((i) => mirrorIndex(i, 4))).toEqual([3, 2, 1, 0, 1, 2, 3, 2, 1, 0]);
    expect(mirrorIndex(-5, 1)).toBe(0);
  });

  it('pads a 3×2 one-channel image by 2 left, 1 right, 1 top: mirrored rows and columns, the middle untouched', () => {
    const src = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    const out = padFrame(src, 3, 2, 1, { left: 2, top: 1, right: 1, bottom: 0 }, 'mirror');
    // prettier-ignore
    expect([...out]).toEqual([6, 5, 4, 5, 6, 5, 3, 2, 1, 2, 3, 2, 6, 5, 4, 5, 6, 5]);
  });

  it('keeps every pixel of an RGBA region at its offset and zero-pads a mask', () => {
    const w = 5;
    const h = 4;
    const src = new Uint8Array(w * h * 4).map((_, i) => (i * 37) & 255);
    const pad = { left: 0, top: 3, right: 0, bottom: 2 };
    const out = padFrame(src, w, h, 4, pad, 'mirror');
    expect(out.length).toBe(w * (h + 5) * 4);
    expect([...out.subarray(3 * w * 4, (3 + h) * w * 4)]).toEqual([...src]);
    // The row above the photo is its second row (mirrored about the first).
    expect([...out.subarray(2 * w * 4, 3 * w * 4)]).toEqual([...src.subarray(w * 4, 2 * w * 4)]);
    const mask = Uint8Array.from([255, 255, 0, 255]);
    const m = padFrame(mask, 2, 2, 1, { left: 1, top: 0, right: 1, bottom: 0 }, 'zero');
    expect([...m]).toEqual([0, 255, 255, 0, 0, 0, 255, 0]);
  });
});
