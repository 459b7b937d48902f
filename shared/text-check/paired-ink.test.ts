import { describe, expect, it } from 'vitest';
import { checkGlyph } from './glyph-check';
import { inkFitsGlyph, wordTallest } from './paired-ink';
import type { Shape } from './word-segments';

/** A shape of w × h ink, `fill(x, y)` deciding each pixel, found by order at left edge `x`. */
function shape(w: number, h: number, x: number, fill: (x: number, y: number) => boolean): Shape {
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let k = 0; k < w; k++) ink[y * w + k] = fill(k, y) ? 1 : 0;
  return { ink, w, h, parts: 1, x };
}

const bareStem = (h: number, x: number) => shape(6, h, x, () => true);
/** A ring with a dot in its middle: a dotted zero. */
const dottedRing = (x: number) =>
  shape(24, 40, x, (k, y) => {
    const dx = (k - 11.5) / 12;
    const dy = (y - 19.5) / 20;
    const r = dx * dx + dy * dy;
    return (r <= 1 && r >= 0.55) || r < 0.06;
  });
const img = { width: 400, height: 100, data: new Uint8Array(400 * 100) };

describe('ink paired with a 1, l or 0 by order', () => {
  // "Wool 8": the OCR boxed the l at x 100–110, but the word's ink, paired by order, gave the l
  // the glyph right of its box (x 130: another letter's stem).
  const W = { x0: 20, y0: 20, x1: 50, y1: 60 };
  const o1 = { x0: 52, y0: 32, x1: 74, y1: 60 };
  const o2 = { x0: 76, y0: 32, x1: 98, y1: 60 };
  const l = { x0: 100, y0: 20, x1: 110, y1: 60 };
  const word = [
    { text: 'W', box: W },
    { text: 'o', box: o1 },
    { text: 'o', box: o2 },
    { text: 'l', box: l },
  ];
  const ctx = (typed: string, shapes: Map<object, Shape>) => ({ typed, word, line: word, shapes: shapes as Map<never, Shape> });

  it('is never confirmed from ink that lies beside the symbol’s box', () => {
    // Over its box, a plain stem is an l.
    expect(checkGlyph(img, 'l', l, ctx('l', new Map([[l, bareStem(40, 102)]])))).toEqual({ result: 'ok' });
    // The same stem right of the box is another glyph's ink: unsure, not right.
    expect(checkGlyph(img, 'l', l, ctx('l', new Map([[l, bareStem(40, 130)]])))).toEqual({ result: 'unsure', between: '1/l' });
    // A dotted zero beside its box says nothing of the glyph in it.
    const zero = { x0: 100, y0: 20, x1: 124, y1: 60 };
    const z = [...word.slice(0, 3), { text: '0', box: zero }];
    const zctx = (s: Shape) => ({ typed: '0', word: z, line: z, shapes: new Map([[zero, s]]) });
    expect(checkGlyph(img, '0', zero, zctx(dottedRing(100)))).toEqual({ result: 'ok' });
    expect(checkGlyph(img, '0', zero, zctx(dottedRing(140)))).toEqual({ result: 'unsure', between: 'O/0' });
  });

  it('takes ink under a neighbour’s box as its own when the boxes sit a letter off (CMU Serif 20 px "Hall")', () => {
    // As measured: the first l boxed over the a, its ink (by order) under the second l's box.
    const H = { x0: 34, y0: 32, x1: 60, y1: 61 };
    const a = { x0: 53, y0: 32, x1: 70, y1: 61 };
    const l1 = { x0: 64, y0: 43, x1: 82, y1: 61 };
    const l2 = { x0: 84, y0: 32, x1: 103, y1: 61 };
    const hall = [
      { text: 'H', box: H },
      { text: 'a', box: a },
      { text: 'l', box: l1 },
      { text: 'l', box: l2 },
    ];
    const shapes = new Map([
      [H, shape(26, 29, 34, () => true)],
      [a, shape(16, 18, 64, () => true)],
      [l1, bareStem(29, 84)],
      [l2, bareStem(28, 95)],
    ]);
    expect(checkGlyph(img, 'l', l1, { typed: 'l', word: hall, line: hall, shapes })).toEqual({ result: 'ok' });
  });

  it('is never confirmed from ink too short for a full-height glyph', () => {
    // An o's height (28 of the word's 40) passes; a speck of 16 over the box does not.
    expect(checkGlyph(img, 'l', l, ctx('l', new Map([[l, bareStem(28, 102)]])))).toEqual({ result: 'ok' });
    expect(checkGlyph(img, 'l', l, ctx('l', new Map([[l, bareStem(16, 102)]])))).toEqual({ result: 'unsure', between: '1/l' });
    // A capital I asked: the same.
    expect(checkGlyph(img, 'i', l, ctx('I', new Map([[l, bareStem(16, 102)]])))).toEqual({ result: 'unsure', between: '1/I' });
  });

  it('holds a lowercase o to its box only (it is x-height)', () => {
    const o = { x0: 52, y0: 32, x1: 74, y1: 60 };
    expect(inkFitsGlyph({ x: 54, w: 20, h: 18 }, o, word, 40, false)).toBe(true);
    expect(inkFitsGlyph({ x: 120, w: 20, h: 18 }, o, word, 40, false)).toBe(false);
    // Ink not found by order (no x): only its height can be judged.
    expect(inkFitsGlyph({ w: 20, h: 18 }, o, word, 40, true)).toBe(false);
    expect(inkFitsGlyph({ w: 6, h: 40 }, l, word, 40, true)).toBe(true);
  });
});

describe('the height a full-height glyph is measured against', () => {
  // Nimbus Sans 32 px "Only 7,99 €", red on white: the OCR boxed the n from y 4 to 98, twice the
  // line's height; the O's 47-px ink measured under 0.6 of that and the right line was "O/0 unclear".
  const O = { x0: 34, y0: 32, x1: 79, y1: 79 };
  const n = { x0: 69, y0: 4, x1: 101, y1: 98 };
  const l = { x0: 86, y0: 32, x1: 126, y1: 79 };
  const y = { x0: 132, y0: 44, x1: 156, y1: 93 };
  const word = [
    { text: 'O', box: O },
    { text: 'n', box: n },
    { text: 'l', box: l },
    { text: 'y', box: y },
  ];
  const ring = shape(45, 47, 34, (k, j) => {
    const dx = (k - 22) / 22.5;
    const dy = (j - 23) / 23.5;
    const r = dx * dx + dy * dy;
    return r <= 1 && r >= 0.6;
  });
  const shapes = new Map<(typeof word)[number]['box'], Shape>([
    [O, ring],
    [n, bareStem(35, 84)],
    [l, bareStem(47, 121)],
    [y, bareStem(49, 135)],
  ]);

  it('is the ink of the word’s glyphs found by order, not the OCR’s boxes', () => {
    expect(wordTallest(ring, word, shapes)).toBe(49);
    // Not found by order: the boxes, as before.
    expect(wordTallest({ h: 47 }, word, shapes)).toBe(94);
    expect(checkGlyph(img, 'o', O, { typed: 'O', word, line: word, shapes })).toEqual({ result: 'ok' });
  });
});
