import { describe, expect, it } from 'vitest';
import { checkGlyph, type Box, type GlyphRef } from './glyph-check';
import { xHeightO } from './lower-o';
import { drawSpans, rect, type Span } from './test-spans';
import type { Shape } from './word-segments';

/** A ring [x0, x1) × [y0, y1) with a 5-px stroke, as spans. */
const ring = (x0: number, x1: number, y0: number, y1: number): Span[] =>
  Array.from({ length: y1 - y0 }, (_, i) => {
    const y = y0 + i;
    return y < y0 + 5 || y >= y1 - 5 ? [[y, x0, x1] as Span] : [[y, x0, x0 + 5] as Span, [y, x1 - 5, x1] as Span];
  }).flat();

/**
 * URW Gothic Demi Oblique 56 px "Dock" as measured: D and k 41 px tall, o and c 33 px (0.805), the
 * four 32–33 px wide and spaced 35–37 px apart (evenly: the line passes for monospaced).
 */
function dock(oTop: number) {
  const spans = [
    ...rect(10, 43, 20, 61), // D
    ...ring(46, 79, oTop, 61), // o (or a ring as tall as the capitals)
    ...rect(82, 87, 28, 61), // c (its back)
    ...rect(118, 123, 20, 61), // k (its stem)
  ];
  const img = drawSpans(spans, 170, 80);
  const glyphs: GlyphRef[] = [
    { text: 'D', box: { x0: 10, y0: 20, x1: 43, y1: 61 }, word: 0 },
    { text: 'o', box: { x0: 46, y0: oTop, x1: 79, y1: 61 }, word: 0 },
    { text: 'c', box: { x0: 82, y0: 28, x1: 114, y1: 61 }, word: 0 },
    { text: 'k', box: { x0: 118, y0: 20, x1: 150, y1: 61 }, word: 0 },
  ];
  const shapes = new Map<Box, Shape>();
  for (const g of glyphs) {
    const { x0, y0, x1, y1 } = g.box;
    const w = x1 - x0;
    const h = y1 - y0;
    shapes.set(g.box, { ink: new Uint8Array(w * h).fill(1), w, h, parts: 1, x: x0, y: y0 });
  }
  // The o's own ink (a ring).
  const ob = glyphs[1].box;
  const ow = ob.x1 - ob.x0;
  const oh = ob.y1 - ob.y0;
  const ink = new Uint8Array(ow * oh);
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) ink[y * ow + x] = y < 5 || y >= oh - 5 || x < 5 || x >= ow - 5 ? 1 : 0;
  shapes.set(ob, { ink, w: ow, h: oh, parts: 1, x: ob.x0, y: ob.y0 });
  return { img, glyphs, shapes };
}

describe('a lowercase o in a font with a tall x-height', () => {
  it('is the x-height ring when as tall as another x-height letter of its word, under 0.9 of the tallest', () => {
    const { glyphs, shapes } = dock(28);
    expect(xHeightO({ h: 33 }, 41, glyphs, shapes, 1)).toBe(true);
    // As tall as the capitals: a 0 or an O drawn for it.
    expect(xHeightO({ h: 40 }, 41, glyphs, shapes, 1)).toBe(false);
    // No other x-height letter of that height in the word: no evidence.
    expect(
      xHeightO(
        { h: 33 },
        41,
        glyphs.filter((g) => g.text !== 'c'),
        shapes,
        1,
      ),
    ).toBe(false);
    // Clearly shorter needs none.
    expect(xHeightO({ h: 30 }, 41, [], undefined, 1)).toBe(true);
  });

  it('makes a requested o right in a line the width rules take for monospaced (it was "O/0 unclear")', () => {
    const { img, glyphs, shapes } = dock(28);
    const ctx = { typed: 'o', word: glyphs, line: glyphs, shapes };
    expect(checkGlyph(img, 'o', glyphs[1].box, ctx)).toEqual({ result: 'ok' });
    // A ring as tall as the capitals, requested as o, is not.
    const tall = dock(21);
    expect(
      checkGlyph(tall.img, 'o', tall.glyphs[1].box, { typed: 'o', word: tall.glyphs, line: tall.glyphs, shapes: tall.shapes }).result,
    ).not.toBe('ok');
  });
});
