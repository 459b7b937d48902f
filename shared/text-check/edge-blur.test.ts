import { describe, expect, it } from 'vitest';
import { edgeBlur } from './edge-blur';
import { BLUR_MAX, couldBeBlurredBar, couldBeFlatBar } from './flat-bar';
import { checkGlyph, type GreyImage, shapeOf } from './glyph-check';
import { drawSpans, rect, type Span } from './test-spans';

/** Gaussian blur of σ px (separable, edges clamped). */
function gauss(img: GreyImage, sigma: number): GreyImage {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const pass = (src: Uint8Array, dx: number, dy: number) => {
    const out = new Uint8Array(src.length);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        let v = 0;
        for (let i = -r; i <= r; i++) {
          const xx = Math.min(img.width - 1, Math.max(0, x + i * dx));
          const yy = Math.min(img.height - 1, Math.max(0, y + i * dy));
          v += src[yy * img.width + xx] * k[i + r];
        }
        out[y * img.width + x] = Math.round(v / sum);
      }
    return out;
  };
  return { ...img, data: pass(pass(img.data, 1, 0), 0, 1) };
}

// A 1 60 px tall (y 20–80) with a thick flag sloping down to the left of a stem at x 40–52 (its
// top-left corner empty) and a serif foot both ways: sharp, its flag is proof of a 1
// (flat-bar.test.ts), and blurred its slope still measures sloped.
const stem = rect(40, 52, 20, 80);
const slopedOne = [
  ...Array.from({ length: 16 }, (_, i) => [20 + i, 40 - Math.round(i * 0.8), 52] as Span),
  ...stem,
  ...rect(26, 66, 75, 80),
];
const box = { x0: 20, y0: 20, x1: 70, y1: 80 };
const word = [{ text: '1', box }];

describe('how blurred a glyph’s edges are', () => {
  it('measures a sharp glyph under the limit and a blurred one over it', () => {
    const sharp = drawSpans(slopedOne, 100);
    const g = shapeOf(sharp, box, word);
    expect(edgeBlur(sharp, box, g.h)).toBeLessThan(BLUR_MAX / 2);
    // σ 4 px on a 60 px glyph: like σ 1.2 px on 20 px text (cap height ~14 px), scaled.
    const soft = gauss(sharp, 4);
    const s = shapeOf(soft, box, word);
    expect(edgeBlur(soft, box, s.h)).toBeGreaterThan(BLUR_MAX);
    expect(edgeBlur(gauss(sharp, 1), box, g.h)).toBeLessThan(BLUR_MAX);
  });

  it('leaves a blurred 1 with a footed stem and no notch unsure, the sharp one a 1', () => {
    const sharp = drawSpans(slopedOne, 100);
    expect(checkGlyph(sharp, '1', box, { typed: '1', word, line: word })).toEqual({ result: 'ok' });
    const soft = gauss(sharp, 4);
    const s = shapeOf(soft, box, word);
    expect(couldBeFlatBar(s.ink, s.w, s.h)).toBe(false);
    expect(couldBeBlurredBar(s.ink, s.w, s.h, edgeBlur(soft, box, s.h))).toBe(true);
    expect(checkGlyph(soft, '1', box, { typed: '1', word, line: word })).toEqual({ result: 'unsure', between: '1/l' });
  });
});
