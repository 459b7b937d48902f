import { describe, expect, it } from 'vitest';
import { drawSpans, rect, type Span } from './test-spans';
import { barShape, couldBeFlatBar } from './flat-bar';
import { checkGlyph, flagDepth, type GreyImage, shapeOf } from './glyph-check';

const draw = (spans: Span[]): GreyImage => drawSpans(spans, 100);

// Glyphs 60 px tall (y 20–80), stems 12 px wide at x 40–52, a flag or bar 9–12 px deep at the top
// left (past the flag rule's 0.14 of the height).
const stem = rect(40, 52, 20, 80);
// Nimbus Mono PS Bold's l: a level bar reaching 12 px left of the stem, a serif foot both ways.
const courierL = [...rect(28, 52, 20, 31), ...stem, ...rect(26, 66, 75, 80)];
// DejaVu Sans Mono Bold's l: a level bar, and at the bottom a tail to the right only.
const dejavuMonoL = [...rect(28, 52, 20, 29), ...stem, ...rect(40, 66, 74, 80)];
// A 1 whose flag slopes down to the left: row i starts i px further left (the corner above is empty).
const slopedOne = [...Array.from({ length: 12 }, (_, i) => [20 + i, 39 - i, 46 - i] as Span), ...stem, ...rect(28, 64, 75, 80)];
// DejaVu Sans' 1: a thick, nearly level flag whose tip hangs below a notch next to the stem.
const dejavuOne = [[20, 36, 52] as Span, ...rect(28, 52, 21, 28), ...rect(28, 34, 28, 31), ...stem, ...rect(29, 63, 75, 80)];
// URW Gothic's 1: a short level flag and no foot.
const gothicOne = [...rect(30, 52, 20, 30), ...stem];

const box = { x0: 20, y0: 20, x1: 70, y1: 80 };
const glyph = (spans: Span[]) => {
  const img = draw(spans);
  const word = [{ text: '1', box }];
  return { img, shape: shapeOf(img, box, word), word };
};

describe("a 1's flag or a monospaced l's flat bar", () => {
  it('measures the bar level and joined to the stem, the sloped flag not', () => {
    const l = glyph(courierL).shape;
    // Deep enough for the flag rule on its own: the l would pass as a 1.
    expect(flagDepth(l.ink, l.w, l.h)).toBeGreaterThan(0.14);
    expect(barShape(l.ink, l.w, l.h)).toMatchObject({ chamfer: 0, notched: 0 });
    const one = glyph(slopedOne).shape;
    expect(flagDepth(one.ink, one.w, one.h)).toBeGreaterThan(0.14);
    expect(barShape(one.ink, one.w, one.h)?.chamfer).toBeGreaterThan(0.3);
    const thick = glyph(dejavuOne).shape;
    expect(barShape(thick.ink, thick.w, thick.h)?.notched).toBe(3);
  });

  it('takes bold monospaced l’s for possible bars, not a 1 with a sloped, notched or footless flag', () => {
    for (const [spans, bar] of [
      [courierL, true],
      [dejavuMonoL, true],
      [slopedOne, false],
      [dejavuOne, false],
      [gothicOne, false],
    ] as const) {
      const { shape } = glyph(spans);
      expect(couldBeFlatBar(shape.ink, shape.w, shape.h)).toBe(bar);
    }
  });

  it('never marks a flat-barred l right as a 1, nor as an l; a sloped flag stays a 1', () => {
    for (const spans of [courierL, dejavuMonoL]) {
      const { img, word } = glyph(spans);
      const ctx = (typed: string) => ({ typed, word, line: word });
      expect(checkGlyph(img, '1', box, ctx('1'))).toEqual({ result: 'unsure', between: '1/l' });
      expect(checkGlyph(img, 'l', box, ctx('l'))).toEqual({ result: 'unsure', between: '1/l' });
    }
    for (const spans of [slopedOne, dejavuOne, gothicOne]) {
      const { img, word } = glyph(spans);
      expect(checkGlyph(img, '1', box, { typed: '1', word, line: word })).toEqual({ result: 'ok' });
      expect(checkGlyph(img, 'l', box, { typed: 'l', word, line: word })).toEqual({ result: 'veto', looksLike: '1' });
    }
  });
});
