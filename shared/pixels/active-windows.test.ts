import { describe, expect, it } from 'vitest';
import { activeWindows, byActiveWindows, byEdgeWindows } from './active-windows';
import { tileAskMask, tileBlendWeight } from './outpaint-masks';
import { dilatedMask, featheredAlpha } from './patch';
import { mulberry32 } from '../engine/random';

/** The whole-tile computations these functions replaced (reference). */
function askWhole(unknown: Uint8Array, w: number, h: number, band: number): Uint8Array {
  const u = unknown.map((v) => (v ? 255 : 0));
  return band <= 0 ? u : dilatedMask(u, w, h, band, 255);
}
function weightWhole(unknown: Uint8Array, w: number, h: number, band: number): Uint8Array {
  if (band <= 0) return unknown.map((v) => (v ? 255 : 0));
  const half = Math.max(1, Math.ceil(band / 2));
  const grown = dilatedMask(
    unknown.map((v) => (v ? 255 : 0)),
    w,
    h,
    half,
  ).map((v) => v * 255);
  const ramp = featheredAlpha(w, h, grown, half);
  for (let i = 0; i < ramp.length; i++) if (unknown[i]) ramp[i] = 255;
  return ramp;
}

/** Unknown = everything outside `known` rects, plus random blobs. */
function tile(w: number, h: number, known: Array<[number, number, number, number]>, blobs: number, seed: number): Uint8Array {
  const u = new Uint8Array(w * h).fill(1);
  for (const [x, y, kw, kh] of known) for (let yy = y; yy < y + kh; yy++) u.fill(0, yy * w + x, yy * w + x + kw);
  const rng = mulberry32(seed);
  const rnd = () => rng.next();
  for (let b = 0; b < blobs; b++) {
    const cx = Math.floor(rnd() * w);
    const cy = Math.floor(rnd() * h);
    const r = 2 + Math.floor(rnd() * 12);
    for (let y = Math.max(0, cy - r); y < Math.min(h, cy + r); y++)
      for (let x = Math.max(0, cx - r); x < Math.min(w, cx + r); x++) if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) u[y * w + x] = 1;
  }
  return u;
}

/** Index of the first byte where a and b differ (−1: equal); typed arrays this big are slow to deep-compare. */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('active windows', () => {
  it('cover every pixel within reach of a set pixel, and cut two side strips apart', () => {
    const w = 400;
    const h = 100;
    const u = tile(w, h, [[60, 0, 280, 100]], 0, 1); // strips 0–59 and 340–399
    const wins = activeWindows(u, w, h, 10);
    expect(wins).toEqual([
      { x0: 0, y0: 0, x1: 70, y1: 100 },
      { x0: 330, y0: 0, x1: 400, y1: 100 },
    ]);
    // Top and bottom strips: one column interval, two row windows.
    const v = tile(w, h, [[0, 20, 400, 60]], 0, 1);
    expect(activeWindows(v, w, h, 5)).toEqual([
      { x0: 0, y0: 0, x1: 400, y1: 25 },
      { x0: 0, y0: 75, x1: 400, y1: 100 },
    ]);
    expect(activeWindows(new Uint8Array(w * h), w, h, 5)).toEqual([]);
  });

  it('byActiveWindows gives what the operation gives on the whole tile', () => {
    const w = 300;
    const h = 120;
    const u = tile(w, h, [[50, 10, 180, 100]], 3, 7);
    const dil = (m: Uint8Array, sw: number, sh: number) => dilatedMask(m, sw, sh, 6, 255);
    expect(firstDiff(byActiveWindows(u, w, h, 7, dil), dil(u, w, h))).toBe(-1);
  });

  it('byEdgeWindows works only on bands around the known/unknown edge, with the whole-tile result', () => {
    const w = 600;
    const h = 200;
    const u = tile(w, h, [[150, 0, 300, 200]], 0, 3); // strips 0–149 and 450–599
    const crops: Array<[number, number]> = [];
    const band = 12;
    const ask = (m: Uint8Array, sw: number, sh: number) => {
      crops.push([sw, sh]);
      return askWhole(m, sw, sh, band);
    };
    const got = byEdgeWindows(u, w, h, band + 1, ask);
    expect(firstDiff(got, askWhole(u, w, h, band))).toBe(-1);
    // Two bands, each the edge's 2 px ± (reach + 1), padded by the reach: 2 + 2 · 14 + 2 · 13 = 56 px wide
    // (the strips' active windows are 150 + 13).
    expect(crops).toEqual([
      [56, 200],
      [56, 200],
    ]);
    // A map whose unknown pixels are 0/255 gives the same.
    expect(
      firstDiff(
        byEdgeWindows(
          u.map((v) => v * 255),
          w,
          h,
          band + 1,
          ask,
        ),
        got,
      ),
    ).toBe(-1);
  });

  const layouts: Array<[string, Array<[number, number, number, number]>, number]> = [
    ['side strips (centre anchor, 21:9)', [[90, 0, 420, 200]], 0],
    ['top and bottom strips', [[0, 40, 600, 120]], 0],
    ['one corner (L-shape)', [[0, 0, 480, 150]], 0],
    ['side strips plus blobs in the known part', [[90, 0, 420, 200]], 6],
    ['a known island in the middle', [[200, 60, 200, 80]], 0],
    ['everything unknown', [], 0],
    ['nothing unknown', [[0, 0, 600, 200]], 0],
  ];
  for (const [name, known, blobs] of layouts) {
    it(`tile ask mask and blend weight are exact: ${name}`, () => {
      const w = 600;
      const h = 200;
      const u = tile(w, h, known, blobs, name.length);
      for (const band of [0, 1, 12, 48]) {
        expect(firstDiff(tileAskMask(u, w, h, band), askWhole(u, w, h, band))).toBe(-1);
        expect(firstDiff(tileBlendWeight(u, w, h, band), weightWhole(u, w, h, band))).toBe(-1);
      }
    });
  }
});
