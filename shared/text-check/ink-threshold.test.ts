import { describe, expect, it } from 'vitest';
import { inkOf } from './binarise';
import type { GreyImage } from './glyph-check';

const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (l: number) => Math.round(255 * (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055));

/**
 * Two stems with a gap between them, anti-aliased the way renderers and cameras mix light: a
 * column's coverage blends ink and ground in linear light.
 */
const cover = [0, 0, 0.3, 1, 1, 0.6, 0.3, 0, 0.3, 0.6, 1, 1, 0.3, 0, 0];
function stems(ink: number, ground: number): GreyImage {
  const w = cover.length;
  const h = 12;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = y >= 2 && y < 10 ? cover[x] : 0;
      data[y * w + x] = toSrgb(toLinear(ground) + c * (toLinear(ink) - toLinear(ground)));
    }
  return { width: w, height: h, data };
}
/** The ink columns of the middle row, as 0/1. */
const columns = (img: GreyImage, balanced: boolean) => {
  const { ink, w } = inkOf(img, { x0: 0, y0: 0, x1: img.width, y1: img.height }, 0, balanced);
  return Array.from({ length: w }, (_, x) => ink[5 * w + x]).join('');
};

// The bench's colour schemes: dark text on cream, light text on navy, red text on white.
const darkOnLight = stems(34, 221);
const lightOnDark = stems(247, 53);

describe('binarising text ink', () => {
  it('binarises light text on a dark ground bolder with the plain threshold (rims count as ink)', () => {
    const dark = columns(darkOnLight, false);
    const light = columns(lightOnDark, false);
    expect(light).not.toBe(dark);
    expect(light.split('1').length - 1).toBeGreaterThan(dark.split('1').length - 1);
  });

  it('balanced: light text binarises like dark text of the same coverage', () => {
    expect(columns(lightOnDark, true)).toBe(columns(darkOnLight, false));
    expect(columns(stems(240, 20), true)).toBe(columns(stems(20, 240), false));
  });

  it('balanced leaves dark ink alone', () => {
    expect(columns(darkOnLight, true)).toBe(columns(darkOnLight, false));
    expect(columns(stems(86, 255), true)).toBe(columns(stems(86, 255), false));
  });
});
