import { describe, expect, it } from 'vitest';
import { drawSpans, rect, type Span } from './test-spans';
import { checkGlyph, type GreyImage, shapeOf } from './glyph-check';
import { partnerDiffers } from './same-shape';
import type { Shape } from './word-segments';

const draw = (spans: Span[]): GreyImage => drawSpans(spans, 200);

/** A 1 60 px tall at `left`: a flag sloping 12 px down to the left, a stem 12 px wide, a foot `foot` px out each side. */
const one = (left: number, foot: number): Span[] => [
  ...Array.from({ length: 12 }, (_, i) => [20 + i, left + 11 - i, left + 18 - i] as Span),
  ...rect(left + 12, left + 24, 20, 80),
  ...rect(left + 12 - foot, left + 24 + foot, 75, 80),
];

// Two flagged glyphs on one line, both read as "1": one with a foot 12 px out each side (36 px of
// ink), the other with a short foot (the narrow "1" of an l with a flag, 27 px of ink).
const img = draw([...one(20, 12), ...one(120, 3)]);
const a = { text: '1', box: { x0: 5, y0: 20, x1: 70, y1: 80 } };
const b = { text: '1', box: { x0: 110, y0: 20, x1: 160, y1: 80 } };
const line = [a, b];
const placed = (box: typeof a.box, x: number, extra: Partial<Shape> = {}): Shape => ({
  ...shapeOf(img, box, [{ text: '1', box }]),
  x,
  ...extra,
});

describe('one font, one shape per character', () => {
  it('finds a partner read the same but clearly narrower', () => {
    const shapes = new Map([
      [a.box, placed(a.box, 8)],
      [b.box, placed(b.box, 117)],
    ]);
    expect(shapes.get(a.box)?.w).toBe(36);
    expect(shapes.get(b.box)?.w).toBe(27);
    expect(partnerDiffers(a.box, line, shapes)).toBe(true);
    expect(partnerDiffers(b.box, line, shapes)).toBe(true);
    // Another character is no partner.
    expect(partnerDiffers(a.box, [a, { ...b, text: '7' }], shapes)).toBe(false);
  });

  it('takes 1 px of difference as the same glyph, and a cut glyph as no evidence', () => {
    const near = new Map([
      [a.box, placed(a.box, 8)],
      [b.box, { ...placed(a.box, 8), w: 35, x: 117 }],
    ]);
    expect(partnerDiffers(a.box, line, near)).toBe(false);
    const cut = new Map([
      [a.box, placed(a.box, 8)],
      [b.box, placed(b.box, 117, { cut: true })],
    ]);
    expect(partnerDiffers(a.box, line, cut)).toBe(false);
  });

  it('leaves a flagged 1 unsure, not right, when its partner differs', () => {
    const shapes = new Map([
      [a.box, placed(a.box, 8)],
      [b.box, placed(b.box, 117)],
    ]);
    const ctx = { typed: '1', word: [a], line, shapes };
    expect(checkGlyph(img, '1', a.box, ctx)).toEqual({ result: 'unsure', between: '1/l' });
    const alone = new Map([[a.box, placed(a.box, 8)]]);
    expect(checkGlyph(img, '1', a.box, { typed: '1', word: [a], line: [a], shapes: alone })).toEqual({ result: 'ok' });
  });
});
