import { describe, expect, it } from 'vitest';
import { topBarBothSides } from './capital-i';
import { checkGlyph, type GreyImage, shapeOf } from './glyph-check';
import { drawSpans, rect, type Span } from './test-spans';

const draw = (spans: Span[]): GreyImage => drawSpans(spans, 100);

// Glyphs 60 px tall (y 20–80), stems 12 px wide at x 40–52.
const stem = rect(40, 52, 20, 80);
// Liberation Mono's I (as read at 32 px): a level bar 12 px out on both sides at the top, the same at the foot.
const monoI = [...rect(28, 64, 20, 29), ...stem, ...rect(28, 64, 71, 80)];
// A serif I: short serifs both ways at the top and the foot.
const serifI = [...rect(34, 58, 20, 24), ...stem, ...rect(34, 58, 76, 80)];
// A 1 whose flag slopes down to the left, a foot both ways; nothing right of the stem at its top.
const slopedOne = [...Array.from({ length: 12 }, (_, i) => [20 + i, 39 - i, 46 - i] as Span), ...stem, ...rect(28, 64, 75, 80)];
// A bold monospaced l: a level bar to the left only, a foot both ways.
const monoL = [...rect(28, 52, 20, 31), ...stem, ...rect(26, 66, 75, 80)];
// A 1 with a level flag whose tip overhangs the stem's right edge by a pixel.
const overhangOne = [...rect(28, 53, 20, 29), ...stem, ...rect(28, 64, 75, 80)];

const box = { x0: 20, y0: 20, x1: 70, y1: 80 };
const shape = (spans: Span[]) => {
  const img = draw(spans);
  return { img, g: shapeOf(img, box, [{ text: 'I', box }]) };
};

describe('a capital I’s top bar', () => {
  it('reaches out on both sides of the stem; a 1’s flag and an l’s bar on the left only', () => {
    for (const [spans, bar] of [
      [monoI, true],
      [serifI, true],
      [slopedOne, false],
      [monoL, false],
      [overhangOne, false],
    ] as const) {
      const { g } = shape(spans);
      expect(topBarBothSides(g.ink, g.w, g.h)).toBe(bar);
    }
  });

  it('makes a requested I with a bar across its top right (it was "1/I unclear"), and a 1 or l drawn for it never right', () => {
    for (const spans of [monoI, serifI]) {
      const { img } = shape(spans);
      const word = [{ text: 'I', box }];
      expect(checkGlyph(img, 'i', box, { typed: 'I', word, line: word })).toEqual({ result: 'ok' });
    }
    for (const spans of [slopedOne, monoL]) {
      const { img } = shape(spans);
      const word = [{ text: 'I', box }];
      expect(checkGlyph(img, 'i', box, { typed: 'I', word, line: word }).result).not.toBe('ok');
    }
  });
});
