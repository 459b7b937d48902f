import { describe, expect, it } from 'vitest';
import { pushPullFill } from './push-pull-fill';

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
