import { describe, expect, it } from 'vitest';
import { drawSpans, rect, type Span } from './test-spans';
import { BAR_CHAMFER, barShape, couldBeFlatBar } from './flat-bar';
import { shearGlyph, stemLean } from './stem-lean';
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

/** The spans leaning right by `lean` (tan): each row moved right by lean·(centre − y), about y = 50. */
const leaning = (spans: Span[], lean: number): Span[] =>
  spans.map(([y, x0, x1]) => {
    const dx = Math.round(lean * (50 - y));
    return [y, x0 + dx, x1 + dx];
  });

describe('a leaning glyph (its line not de-slanted)', () => {
  it('measures the stem’s own lean', () => {
    const { shape } = glyph(leaning(courierL, 0.22));
    expect(stemLean(shape.ink, shape.w, shape.h)).toBeGreaterThan(0.18);
    expect(stemLean(shape.ink, shape.w, shape.h)).toBeLessThan(0.26);
    const upright = glyph(courierL).shape;
    expect(Math.abs(stemLean(upright.ink, upright.w, upright.h))).toBeLessThan(0.02);
  });

  it('takes a leaning bar for a possible bar, though it measures sloped as drawn; a leaning sloped flag stays a 1', () => {
    const l = glyph(leaning(courierL, 0.22)).shape;
    // As drawn the bar's top-left corner is cut by the lean: it passes the level test no more.
    expect(barShape(l.ink, l.w, l.h)?.chamfer).toBeGreaterThan(BAR_CHAMFER);
    expect(couldBeFlatBar(l.ink, l.w, l.h)).toBe(true);
    const one = glyph(leaning(slopedOne, 0.22)).shape;
    expect(couldBeFlatBar(one.ink, one.w, one.h)).toBe(false);
    const up = shearGlyph(l.ink, l.w, l.h, stemLean(l.ink, l.w, l.h));
    expect(barShape(up.ink, up.w, up.h)?.chamfer).toBeLessThan(BAR_CHAMFER);
  });
});
