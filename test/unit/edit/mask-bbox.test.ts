/** maskBBox (word-wise scan) agrees with a plain scan: any offset, any size, values just under/over 128. */
import { describe, expect, it } from 'vitest';
import { maskBBox } from '../../../electron/main/edit/mask-input';

function plainBBox(v: Uint8Array, w: number, h: number) {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (v[y * w + x] >= 128) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? null : { x: 10 + x0, y: 20 + y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

describe('maskBBox', () => {
  it('matches a plain scan on random sparse masks at every byte offset', () => {
    let seed = 1;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let t = 0; t < 400; t++) {
      const w = 1 + Math.floor(rnd() * 37);
      const h = 1 + Math.floor(rnd() * 23);
      const offset = Math.floor(rnd() * 4);
      const buf = new Uint8Array(w * h + offset + 3);
      const v = buf.subarray(offset, offset + w * h);
      const marks = Math.floor(rnd() * 4);
      for (let k = 0; k < marks; k++) v[Math.floor(rnd() * v.length)] = 128 + Math.floor(rnd() * 128);
      for (let k = 0; k < 5; k++) v[Math.floor(rnd() * v.length)] = Math.floor(rnd() * 128); // below 128: never marked
      buf.fill(255, offset + w * h); // bytes past the mask must not count
      if (offset) buf[offset - 1] = 255;
      expect(maskBBox(v, { x: 10, y: 20, width: w, height: h }), `case ${t} (${w}×${h}+${offset})`).toEqual(plainBBox(v, w, h));
    }
  });

  it('finds a small blob on a 24 MP mask and returns null for an empty one', () => {
    const w = 6000;
    const h = 4000;
    const v = new Uint8Array(w * h);
    expect(maskBBox(v, { x: 0, y: 0, width: w, height: h })).toBeNull();
    v[1900 * w + 3100] = 200;
    v[2059 * w + 2900] = 128;
    v[2000 * w + 3139] = 255;
    v[1950 * w + 2899] = 127;
    expect(maskBBox(v, { x: 0, y: 0, width: w, height: h })).toEqual({ x: 2900, y: 1900, width: 240, height: 160 });
  });
});
