import { describe, expect, it } from 'vitest';
import { pushPullFill, pushPullWork } from './push-pull-fill';

function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number]) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  return rgba;
}

describe('pushPullFill', () => {
  it('keeps known pixels byte for byte and fills a hole in a flat colour with that colour', () => {
    const rgba = image(37, 23, () => [40, 120, 200]);
    const unknown = new Uint8Array(37 * 23);
    for (let y = 5; y < 18; y++) for (let x = 9; x < 30; x++) unknown[y * 37 + x] = 1;
    for (let i = 0; i < unknown.length; i++) if (unknown[i]) rgba.set([0, 0, 0, 0], i * 4);
    const out = pushPullFill(rgba, unknown, 37, 23);
    for (let i = 0; i < unknown.length; i++) {
      const px = Array.from(out.subarray(i * 4, i * 4 + 4));
      if (unknown[i]) expect(px).toEqual([40, 120, 200, 255]);
      else expect(px).toEqual(Array.from(rgba.subarray(i * 4, i * 4 + 4)));
    }
  });

  it('an extension between white (left) and black (right) becomes a smooth ramp, no step', () => {
    const W = 96;
    const H = 16;
    const rgba = image(W, H, (x) => (x < 16 ? [255, 255, 255] : [0, 0, 0]));
    const unknown = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 16; x < 80; x++) unknown[y * W + x] = 1;
    const out = pushPullFill(rgba, unknown, W, H);
    const row = Array.from({ length: W }, (_, x) => out[(8 * W + x) * 4]);
    for (let x = 17; x < 80; x++) expect(row[x]).toBeLessThanOrEqual(row[x - 1]); // never brighter to the right
    expect(row[20]).toBeGreaterThan(180);
    expect(row[76]).toBeLessThan(75);
    const steps = row.slice(16, 80).map((v, i, a) => (i ? Math.abs(v - a[i - 1]) : 0));
    expect(Math.max(...steps)).toBeLessThan(30); // no hard edge anywhere in the fill
  });

  it('fills everything with neutral grey when nothing is known; odd and one-pixel sizes work', () => {
    for (const [w, h] of [
      [1, 1],
      [1, 7],
      [5, 3],
    ]) {
      const out = pushPullFill(new Uint8Array(w * h * 4), new Uint8Array(w * h).fill(1), w, h);
      for (let i = 0; i < w * h; i++) expect(Array.from(out.subarray(i * 4, i * 4 + 4))).toEqual([128, 128, 128, 255]);
    }
  });

  it('refuses buffers of the wrong size', () => {
    expect(() => pushPullFill(new Uint8Array(10), new Uint8Array(4), 2, 2)).toThrow(RangeError);
  });

  it('fills in place when asked to write into its input: the same bytes as the copy it returns by default', () => {
    const W = 61;
    const H = 29;
    const rgba = image(W, H, (x, y) => [(x * 7) & 255, (y * 11) & 255, (x * y) & 255]);
    const unknown = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (x < 9 || x > 50 || y > 24) unknown[y * W + x] = 255;
    const copy = pushPullFill(rgba, unknown, W, H);
    expect(copy).not.toBe(rgba);
    const inPlace = rgba.slice();
    expect(pushPullFill(inPlace, unknown, W, H, inPlace)).toBe(inPlace);
    expect(Buffer.from(inPlace).equals(Buffer.from(copy))).toBe(true);
  });
});

/**
 * The definition, written plainly (every level a list of pixels, every sample its own bilinear
 * lookup): the fill's fast loops must give its bytes exactly.
 */
function pushPullByDefinition(rgba: Uint8Array, unknown: Uint8Array, width: number, height: number): Uint8Array {
  type L = { w: number; h: number; c: number[][]; a: number[] };
  const first: L = { w: width, h: height, c: [], a: [] };
  for (let i = 0; i < width * height; i++) {
    first.c.push([rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]]);
    first.a.push(unknown[i] ? 0 : 1);
  }
  const down = (f: L): L => {
    const w = Math.ceil(f.w / 2);
    const h = Math.ceil(f.h / 2);
    const out: L = { w, h, c: [], a: [] };
    for (let Y = 0; Y < h; Y++)
      for (let X = 0; X < w; X++) {
        const sum = [0, 0, 0];
        let s = 0;
        for (let y = 2 * Y; y < Math.min(2 * Y + 2, f.h); y++)
          for (let x = 2 * X; x < Math.min(2 * X + 2, f.w); x++) {
            const k = f.a[y * f.w + x];
            for (let ch = 0; ch < 3; ch++) sum[ch] += k * f.c[y * f.w + x][ch];
            s += k;
          }
        out.c.push(sum.map((v) => Math.fround(s ? v / s : 0)));
        out.a.push(Math.fround(Math.min(1, s)));
      }
    return out;
  };
  const levels = [down(first)];
  while (levels.at(-1)!.w > 1 || levels.at(-1)!.h > 1) levels.push(down(levels.at(-1)!));
  const top = levels.at(-1)!;
  if (top.a[0] === 0) top.c[0] = [128, 128, 128];
  top.a[0] = 1;
  const at = (f: number, coarse: number) => {
    const p = Math.min(Math.max((f + 0.5) / 2 - 0.5, 0), coarse - 1);
    return [Math.floor(p), Math.min(Math.floor(p) + 1, coarse - 1), p - Math.floor(p)];
  };
  const sample = (l: L, x: number, y: number) => {
    const [x0, x1, tx] = at(x, l.w);
    const [y0, y1, ty] = at(y, l.h);
    return [0, 1, 2].map((ch) => {
      const t = l.c[y0 * l.w + x0][ch] + (l.c[y0 * l.w + x1][ch] - l.c[y0 * l.w + x0][ch]) * tx;
      const b = l.c[y1 * l.w + x0][ch] + (l.c[y1 * l.w + x1][ch] - l.c[y1 * l.w + x0][ch]) * tx;
      return Math.fround(t + (b - t) * ty);
    });
  };
  for (let k = levels.length - 2; k >= 0; k--) {
    const f = levels[k];
    for (let y = 0; y < f.h; y++)
      for (let x = 0; x < f.w; x++) {
        const i = y * f.w + x;
        if (f.a[i] >= 1) continue;
        const s = sample(levels[k + 1], x, y);
        f.c[i] = f.c[i].map((v, ch) => Math.fround(f.a[i] * v + (1 - f.a[i]) * s[ch]));
        f.a[i] = 1;
      }
  }
  const out = new Uint8Array(rgba);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!unknown[i]) continue;
      const s = sample(levels[0], x, y);
      out.set([Math.round(s[0]), Math.round(s[1]), Math.round(s[2]), 255], i * 4);
    }
  return out;
}

describe('pushPullFill against its definition', () => {
  it('the same bytes on random pictures with holes of every shape and odd sizes', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const [w, h] of [
      [64, 48],
      [97, 31],
      [33, 129],
      [200, 150],
      // Smaller again after larger ones: the levels' reused memory holds the last fill's values.
      [64, 48],
      [5, 3],
    ]) {
      const rgba = new Uint8Array(w * h * 4);
      for (let i = 0; i < rgba.length; i++) rgba[i] = Math.floor(rand() * 256);
      const unknown = new Uint8Array(w * h);
      const cx = rand() * w;
      const cy = rand() * h;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          if (x < w * 0.2 || (x - cx) ** 2 + (y - cy) ** 2 < (w * h) / 12 || rand() < 0.05) unknown[y * w + x] = 255;
      const fast = pushPullFill(rgba, unknown, w, h);
      const slow = pushPullByDefinition(rgba, unknown, w, h);
      let diff = 0;
      for (let i = 0; i < fast.length; i++) if (fast[i] !== slow[i]) diff++;
      expect(diff, `${w}×${h}`).toBe(0);
    }
  });
});

describe('pushPullFill: work under the unknown columns only', () => {
  it('samples the coarse levels only under columns that hold unknown pixels (an outpaint strip at each side), with the same bytes as the definition', () => {
    const W = 300;
    const H = 120;
    const rgba = image(W, H, (x, y) => [(x * 5) & 255, (y * 3) & 255, (x + y) & 255]);
    const unknown = new Uint8Array(W * H);
    // A third of the width unknown, in two strips (21:9 from 16:10 is ≈ 31 %).
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (x < 50 || x >= 250) unknown[y * W + x] = 255;
    const before = pushPullWork.samples;
    const out = pushPullFill(rgba, unknown, W, H);
    const taken = pushPullWork.samples - before;
    // Full rows at every level would be ≈ ⅔ · W · H samples (W · H/2 for the full-size write, a third
    // of that again for the levels): a third of it is under the strips.
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(0.3 * W * H);
    expect(Buffer.from(out).equals(Buffer.from(pushPullByDefinition(rgba, unknown, W, H)))).toBe(true);
  });
});
