import { describe, expect, it } from 'vitest';
import { checkGlyph, flagDepth, type GreyImage, shapeOf } from './glyph-check';
import { couldBeWedgeSerif, stemShape } from './serif-wedge';

type Bar = [number, number, number, number];

/** Draws bars (x0, x1, y0, y1) dark on light in a 100 × 120 image. */
function draw(bars: Bar[]): GreyImage {
  const W = 100;
  const H = 120;
  const data = new Uint8Array(W * H).fill(235);
  for (const [x0, x1, y0, y1] of bars) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 20;
  return { width: W, height: H, data };
}

// Glyphs 60 px tall (y 20–80), stems 14 px wide at x 40–54, a wedge or flag 10 px deep at the top
// left (1/6 of the height, past the flag rule's 0.14), a foot 5 px high.
// URW Bookman Demi's l: the wedge reaches 6 px left of the stem, the foot 5 px out on each side.
const bookmanL: Bar[] = [
  [34, 54, 20, 30],
  [40, 54, 20, 80],
  [35, 59, 75, 80],
];
// Its 1: the flag slopes down to the left (row i starts i px further left) and reaches 11 px, the
// foot 9 px on each side. (Level, the flag would be a monospaced l's bar: flat-bar.ts.)
const bookmanOne: Bar[] = [
  ...Array.from({ length: 10 }, (_, i) => [38 - i, 54, 20 + i, 21 + i] as Bar),
  [40, 54, 20, 80],
  [31, 63, 75, 80],
];
// A thin serif 1 (Liberation Serif, Nimbus Roman): stem 7 px, short flag, a foot 3 stems wide.
const thinOne: Bar[] = [
  [36, 47, 20, 30],
  [40, 47, 20, 80],
  [33, 54, 75, 80],
];
// The l blurred (σ 1.2 px at 20 px): the stem has grown to 20 px, the foot only to 27 — 1.35 stems,
// yet still overhanging the stem by 7 px (0.12 of the height).
const blurredL: Bar[] = [
  [34, 58, 20, 30],
  [38, 58, 20, 80],
  [34, 61, 75, 80],
];
const box = { x0: 20, y0: 20, x1: 70, y1: 80 };
const glyph = (bars: Bar[]) => {
  const img = draw(bars);
  const word = [{ text: '1', box }];
  return { img, shape: shapeOf(img, box, word), word };
};

describe("a 1's flag or an l's wedge serif", () => {
  it('measures stem, flag reach and foot', () => {
    const { shape } = glyph(bookmanL);
    expect(stemShape(shape.ink, shape.w, shape.h)).toEqual({ stem: 14, reach: 6, foot: 24 });
    // Deep enough for the flag rule on its own: the l would pass as a 1.
    expect(flagDepth(shape.ink, shape.w, shape.h)).toBeGreaterThan(0.14);
  });

  it("takes Bookman's l for a possible wedge, not its 1 or a thin serif 1", () => {
    for (const [bars, wedge] of [
      [bookmanL, true],
      [blurredL, true],
      [bookmanOne, false],
      [thinOne, false],
    ] as const) {
      const { shape } = glyph(bars);
      expect(couldBeWedgeSerif(shape.ink, shape.w, shape.h)).toBe(wedge);
    }
  });

  it('never marks a wedge-serifed l right as a 1, nor as an l', () => {
    const { img, word } = glyph(bookmanL);
    const ctx = (typed: string) => ({ typed, word, line: word });
    expect(checkGlyph(img, '1', box, ctx('1'))).toEqual({ result: 'unsure', between: '1/l' });
    expect(checkGlyph(img, 'l', box, ctx('l'))).toEqual({ result: 'unsure', between: '1/l' });
    const one = glyph(bookmanOne);
    expect(checkGlyph(one.img, '1', box, { typed: '1', word: one.word, line: one.word })).toEqual({ result: 'ok' });
    expect(checkGlyph(one.img, 'l', box, { typed: 'l', word: one.word, line: one.word })).toEqual({
      result: 'veto',
      looksLike: '1',
    });
  });
});
