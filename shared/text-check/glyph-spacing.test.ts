import { describe, expect, it } from 'vitest';
import type { Box, GlyphRef, GreyImage } from './glyph-check';
import { type RefPair, spacedUnlikeOld, spacingPairs } from './glyph-spacing';
import type { Shape } from './word-segments';

/** A blank image (no grey levels: each glyph's centre is its box's) and a line of placed glyphs. */
const img: GreyImage = { width: 400, height: 60, data: new Uint8Array(400 * 60) };
function line(cells: [string, number, number, boolean][]) {
  const refs: (GlyphRef & { line: number })[] = [];
  const shapes = new Map<Box, Shape>();
  for (const [text, x, w, placed] of cells) {
    const box = { x0: x, y0: 0, x1: x + w, y1: 30 };
    refs.push({ text, box, word: 0, line: 0 });
    if (placed) shapes.set(box, { ink: new Uint8Array(w * 30).fill(1), w, h: 30, parts: 1, x, y: 10 });
  }
  return { refs, shapes };
}

describe('spacing against the old text', () => {
  it('takes only glyphs that follow each other in the reading for a pair', () => {
    // Liberation Serif Bold 20 px "EDITION 2026" (light on navy): the T and the second I had no shape,
    // so the first I and the O were taken for neighbours, 65 px apart against the old "IO"'s 23.5,
    // and the right O was made unsure.
    const old = line([
      ['I', 0, 8, true],
      ['T', 12, 16, true],
      ['I', 32, 8, true],
      ['O', 46, 24, true],
    ]);
    const pairs: RefPair[] = spacingPairs(old.refs, old.shapes, img);
    expect(pairs.map((p) => p.a + p.b)).toEqual(['IT', 'TI', 'IO']);
    const cand = line([
      ['I', 0, 8, true],
      ['T', 12, 16, false],
      ['I', 32, 8, false],
      ['O', 46, 24, true],
    ]);
    expect(spacedUnlikeOld(img, cand.refs[3].box, cand.refs, cand.shapes, pairs)).toBe(false);
    // The same O 2 px further right of a placed I than in the old text: spaced otherwise.
    const moved = line([
      ['I', 0, 8, true],
      ['T', 12, 16, true],
      ['I', 32, 8, true],
      ['O', 48, 24, true],
    ]);
    expect(spacedUnlikeOld(img, moved.refs[3].box, moved.refs, moved.shapes, pairs)).toBe(true);
  });
});
