import { describe, expect, it } from 'vitest';
import { triangleBlur } from './triangle-blur';
import { dilateSquare, maskWindow } from './box-filter';

/** Reference: two naive (2r+1)² box means, zero outside the image, no rounding in between. */
function naive(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const box = (a: Float64Array) => {
    const o = new Float64Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let dy = -r; dy <= r; dy++)
          for (let dx = -r; dx <= r; dx++) {
            const yy = y + dy,
              xx = x + dx;
            if (yy >= 0 && yy < h && xx >= 0 && xx < w) s += a[yy * w + xx];
          }
        o[y * w + x] = s;
      }
    return o;
  };
  const twice = box(box(Float64Array.from(src)));
  const k = (2 * r + 1) ** 4;
  return Uint8Array.from(twice, (v) => Math.min(255, Math.floor(v / k + 0.5)));
}

describe('triangleBlur', () => {
  it('equals two naive box blurs on random masks (zero outside the image)', () => {
    let seed = 3;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 16) / 65536;
    };
    for (const [w, h, r] of [
      [23, 17, 1],
      [40, 31, 3],
      [9, 50, 2],
    ] as const) {
      const src = Uint8Array.from({ length: w * h }, () => (rnd() < 0.4 ? 255 : rnd() < 0.1 ? 128 : 0));
      expect(triangleBlur(src, w, h, r, { x0: 0, y0: 0, x1: w, y1: h })).toEqual(naive(src, w, h, r));
    }
  });

  it('uses exact sums for large radii too (Float64 path)', () => {
    const w = 140,
      h = 140,
      r = 32;
    const src = new Uint8Array(w * h);
    for (let y = 60; y < 80; y++) src.fill(255, y * w + 60, y * w + 80);
    const out = triangleBlur(src, w, h, r, { x0: 0, y0: 0, x1: w, y1: h });
    expect(out).toEqual(naive(src, w, h, r));
  });
});

describe('dilateSquare / maskWindow', () => {
  it('marks exactly the pixels within r (Chebyshev) of a set pixel', () => {
    const w = 30,
      h = 20,
      src = new Uint8Array(w * h);
    src[10 * w + 15] = 255;
    const win = maskWindow(src, w, h, 3)!;
    expect(win).toEqual({ x0: 12, y0: 7, x1: 19, y1: 14 });
    const d = dilateSquare(src, w, h, 3, win);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) expect(d[y * w + x]).toBe(Math.max(Math.abs(x - 15), Math.abs(y - 10)) <= 3 ? 1 : 0);
  });
});

describe('edgeTriangleBlur', () => {
  it('equals the full blur on masks with solid areas, edges, holes and window borders', async () => {
    const { edgeTriangleBlur } = await import('./triangle-blur');
    const w = 300,
      h = 260;
    const src = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const inDisc = (x - 150) ** 2 + (y - 130) ** 2 < 100 ** 2;
        const inHole = (x - 160) ** 2 + (y - 120) ** 2 < 25 ** 2;
        if ((inDisc && !inHole) || (x > 280 && y < 20)) src[y * w + x] = 255;
        if (x > 10 && x < 14 && y > 200) src[y * w + x] = 128;
      }
    for (const r of [1, 3, 6, 20]) {
      const win = { x0: 0, y0: 0, x1: w, y1: h };
      expect(edgeTriangleBlur(src, w, h, r, win)).toEqual(triangleBlur(src, w, h, r, win));
      const sub = { x0: 30, y0: 10, x1: 290, y1: 250 };
      expect(edgeTriangleBlur(src, w, h, r, sub)).toEqual(triangleBlur(src, w, h, r, sub));
    }
  });
});
