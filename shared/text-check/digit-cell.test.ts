import { describe, expect, it } from 'vitest';
import { fillsDigitCell } from './digit-cell';
import { checkGlyph, type GreyImage, wordShapes } from './glyph-check';

type Bar = [number, number, number, number];

/** Draws bars (x0, x1, y0, y1) dark on light. */
function draw(W: number, H: number, bars: Bar[]): GreyImage {
  const data = new Uint8Array(W * H).fill(235);
  for (const [x0, x1, y0, y1] of bars) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 20;
  return { width: W, height: H, data };
}

/** A line of glyphs: text and the bar drawing it (its box is the bar's). */
function line(glyphs: [string, Bar][]) {
  const img = draw(
    220,
    80,
    glyphs.map(([, b]) => b),
  );
  const syms = glyphs.map(([text, [x0, x1, y0, y1]]) => ({ text, box: { x0, y0, x1, y1 } }));
  const shapes = wordShapes(img, syms);
  if (!shapes) throw new Error('the test line did not segment');
  const check = (i: number) => checkGlyph(img, '1', syms[i].box, { typed: '1', word: syms, line: syms, shapes });
  return { syms, shapes, check };
}

// "19.99" in a proportional font with tabular digits: digits every 40 px (blocks 30 wide), the
// full stop on its own narrow advance (centre 28 px after the 9 before it).
const nine = (c: number): [string, Bar] => ['9', [c - 15, c + 15, 10, 70]];
const stop = (c: number): [string, Bar] => ['.', [c - 4, c + 4, 62, 70]];
const stem = (c: number): [string, Bar] => ['1', [c - 3, c + 3, 10, 70]];

describe('a 1 without a flag, told from an l by its digit cell', () => {
  it('accepts a flagless 1 that sits one digit pitch from its neighbour', () => {
    // The 1's stem centred in its own digit cell: 40 px from the 9.
    const { syms, shapes, check } = line([stem(20), nine(60), stop(88), nine(112), nine(152)]);
    expect(fillsDigitCell(syms[0].box, syms, shapes)).toBe(true);
    expect(check(0)).toEqual({ result: 'ok' });
  });

  it('still rejects an l (same stem, its own narrow advance) where a 1 was asked', () => {
    // An l's advance is ~0.6 of a digit's: its centre is (24 + 40) / 2 = 32 px from the 9.
    const { syms, shapes, check } = line([stem(28), nine(60), stop(88), nine(112), nine(152)]);
    expect(fillsDigitCell(syms[0].box, syms, shapes)).toBe(false);
    expect(check(0)).toEqual({ result: 'veto', looksLike: 'l' });
  });

  it('does not trust the cell in a monospaced font, where an l is as wide as a digit', () => {
    // Every glyph (the full stop too) on the same 40 px advance: no proof of a proportional font.
    const { syms, shapes, check } = line([stem(20), nine(60), stop(100), nine(140), nine(180)]);
    expect(fillsDigitCell(syms[0].box, syms, shapes)).toBe(false);
    expect(check(0)).toEqual({ result: 'veto', looksLike: 'l' });
  });

  it('needs two other neighbouring digits to measure the pitch', () => {
    // "19." : no pair of digits other than the 1 itself.
    const { syms, shapes, check } = line([stem(20), nine(60), stop(88)]);
    expect(fillsDigitCell(syms[0].box, syms, shapes)).toBe(false);
    expect(check(0)).toEqual({ result: 'veto', looksLike: 'l' });
  });
});
