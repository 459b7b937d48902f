import { describe, it, expect } from 'vitest';
import { squaredDistanceTransform, squaredEdt1d } from './distance-transform';

function brute(values: Uint8Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h).fill(Infinity);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let fy = 0; fy < h; fy++) {
        for (let fx = 0; fx < w; fx++) {
          if (values[fy * w + fx]) {
            const d = (x - fx) ** 2 + (y - fy) ** 2;
            if (d < out[y * w + x]) out[y * w + x] = d;
          }
        }
      }
    }
  }
  return out;
}

describe('squaredEdt1d', () => {
  it('computes min over parabolas and ignores Infinity entries', () => {
    const f = new Float32Array([Infinity, Infinity, 0, Infinity, Infinity, Infinity, 1]);
    squaredEdt1d(f, 0, 7, new Int32Array(7), new Float64Array(8), new Float64Array(7));
    expect(Array.from(f)).toEqual([4, 1, 0, 1, 4, 2, 1]);
  });

  it('leaves an all-Infinity line at Infinity', () => {
    const f = new Float32Array(4).fill(Infinity);
    squaredEdt1d(f, 0, 4, new Int32Array(4), new Float64Array(5), new Float64Array(4));
    expect(Array.from(f)).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });
});

describe('squaredDistanceTransform', () => {
  it('matches brute force on random grids', () => {
    let s = 12345;
    const rnd = () => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s / 0x7fffffff;
    };
    for (const [w, h, density] of [
      [17, 11, 0.05],
      [23, 29, 0.3],
      [9, 40, 0.01],
    ] as const) {
      const values = new Uint8Array(w * h);
      for (let i = 0; i < values.length; i++) values[i] = rnd() < density ? 255 : 0;
      values[Math.floor(rnd() * values.length)] = 255;
      const got = squaredDistanceTransform(values, w, h, (v) => v >= 128);
      expect(Array.from(got)).toEqual(Array.from(brute(values, w, h)));
    }
  });

  it('returns Infinity everywhere without features', () => {
    const got = squaredDistanceTransform(new Uint8Array(12), 4, 3, (v) => v > 0);
    expect(got.every((d) => d === Infinity)).toBe(true);
  });
});
