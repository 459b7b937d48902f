import { describe, expect, it } from 'vitest';
import type { Box, GlyphRef } from './glyph-check';
import { monospaced } from './monospaced';
import type { Shape } from './word-segments';

/** A line of glyphs with their ink's left edge, width and height (as wordShapes measures them), and OCR words. */
function line(cells: [string, number, number, number, number][]) {
  const refs: GlyphRef[] = [];
  const shapes = new Map<Box, Shape>();
  for (const [text, word, x0, x1, h] of cells) {
    const box = { x0, y0: 0, x1, y1: h };
    refs.push({ text, box, word });
    shapes.set(box, { ink: new Uint8Array((x1 - x0) * h), w: x1 - x0, h, parts: 1, x: x0 } as Shape);
  }
  return { refs, shapes };
}

describe('monospaced', () => {
  it('takes a wide monospaced font for one when its pitch exceeds 1.2 of the x-height (the letters of one word)', () => {
    // Anonymous Pro 56 px "Zone O8" as the check measured it: 31 px cells, 25 px lowercase. Each
    // lowercase spacing counted as a word space, one pitch was left, and the width rules took the
    // plain O for the font's slashed zero (marked right, fresh held back 3).
    const { refs, shapes } = line([
      ['Z', 0, 16, 39, 36],
      ['o', 0, 45, 72, 25],
      ['n', 0, 78, 100, 25],
      ['e', 0, 107, 132, 25],
      ['0', 1, 167, 194, 36],
      ['8', 1, 198, 224, 36],
    ]);
    expect(monospaced(refs, shapes)).toBe(true);
    // Without the OCR's words the spacing rule alone decides, as before.
    expect(
      monospaced(
        refs.map(({ text, box }) => ({ text, box })),
        shapes,
      ),
    ).toBe(false);
  });

  it('takes no evidence from the words on the OCR boxes alone (no glyph shapes to rule out a wide glyph)', () => {
    // Nimbus Roman Italic 20 px "Woo1 8" as the check saw it, on the OCR's boxes: W, o, o, 1 spaced
    // 22.5, 20 and 20.5 px (within 8 %), the W 32 px wide. Proportional: its leaning-1 rule must run.
    const refs: GlyphRef[] = (
      [
        ['W', 0, 33, 65, 25],
        ['o', 0, 62, 81, 17],
        ['o', 0, 82, 101, 17],
        ['l', 0, 106, 118, 27],
        ['8', 1, 132, 151, 26],
      ] as const
    ).map(([text, word, x0, x1, h]) => ({ text, word, box: { x0, y0: 0, x1, y1: h } }));
    expect(monospaced(refs)).toBe(false);
  });

  it('keeps a proportional word proportional', () => {
    // Unevenly spaced letters of one word: not monospaced, with or without the words.
    const { refs, shapes } = line([
      ['m', 0, 0, 30, 25],
      ['i', 0, 34, 40, 36],
      ['l', 0, 44, 50, 36],
      ['k', 0, 54, 74, 36],
    ]);
    expect(monospaced(refs, shapes)).toBe(false);
  });
});
