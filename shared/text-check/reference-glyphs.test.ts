import { describe, expect, it } from 'vitest';
import type { Box, GlyphRef } from './glyph-check';
import { byReference, inkDistance, referenceFrom, SAME_INK } from './reference-glyphs';
import type { Shape } from './word-segments';

/** An elliptical ring w × h with a stroke of `t` px; `dot`: a filled centre as in a dotted zero. */
function ring(w: number, h: number, t: number, dot = false): Shape {
  const ink = new Uint8Array(w * h);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const outer = ((x - cx) / (w / 2)) ** 2 + ((y - cy) / (h / 2)) ** 2 <= 1;
      const inner = ((x - cx) / (w / 2 - t)) ** 2 + ((y - cy) / (h / 2 - t)) ** 2 <= 1;
      const centre = dot && Math.abs(x - cx) <= w * 0.12 && Math.abs(y - cy) <= h * 0.12;
      ink[y * w + x] = (outer && !inner) || centre ? 1 : 0;
    }
  return { ink, w, h, parts: 1, x: 0, y: 0 };
}

/** A block letter (a stand-in for a V or an S the old and new lines share). */
function block(w: number, h: number): Shape {
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = x < 3 || y < 3 || y >= h - 3 ? 1 : 0;
  return { ink, w, h, parts: 1, x: 0, y: 0 };
}

const box = (x0: number): Box => ({ x0, y0: 0, x1: x0 + 10, y1: 20 });

/** A line "S<ch>" read in pixels at `scale`, with the glyphs' shapes by order. */
function line(letter: Shape, round: Shape, ch: string): { glyphs: GlyphRef[]; shapes: Map<Box, Shape> } {
  const glyphs: GlyphRef[] = [
    { text: 'S', box: box(0), word: 0 },
    { text: ch, box: box(20), word: 0 },
  ];
  const shapes = new Map<Box, Shape>([
    [glyphs[0].box, letter],
    [glyphs[1].box, round],
  ]);
  return { glyphs, shapes };
}

/** The reference read from an old line "S0" (and "SO" when `capital` is given). */
function oldText(zero: Shape, capital?: Shape) {
  const a = line(block(16, 24), zero, '0');
  const glyphs = [...a.glyphs];
  const shapes = new Map(a.shapes);
  if (capital) {
    const b = line(block(16, 24), capital, 'O');
    glyphs.push(b.glyphs[1]);
    shapes.set(b.glyphs[1].box, capital);
  }
  return referenceFrom(glyphs, shapes, { scale: 1 });
}

describe('the old text as the O/0 reference', () => {
  it('measures ink apart: the same glyph a pixel off is the same, a dot is not', () => {
    const zero = ring(14, 24, 3);
    const a = { ink: zero.ink, iw: zero.w, ih: zero.h };
    expect(inkDistance(a, a)).toBe(0);
    const wider = ring(15, 24, 3);
    expect(inkDistance(a, { ink: wider.ink, iw: wider.w, ih: wider.h })).toBeLessThan(0.25);
    const dotted = ring(14, 24, 3, true);
    expect(inkDistance(a, { ink: dotted.ink, iw: dotted.w, ih: dotted.h })).toBeGreaterThan(SAME_INK);
  });

  it("confirms a zero drawn as the old text's zero", () => {
    const ref = oldText(ring(14, 24, 3));
    const cand = line(block(16, 24), ring(14, 24, 3), '0');
    expect(byReference(ring(14, 24, 3), true, cand.glyphs, cand.shapes, 1, ref)).toEqual({ result: 'ok' });
  });

  it("never confirms an O wider than the old text's zeros, and vetoes it when the old text has such an O", () => {
    const o = ring(19, 24, 3);
    const cand = line(block(16, 24), o, '0');
    expect(byReference(o, true, cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    expect(byReference(o, true, cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3), ring(19, 24, 3)))).toEqual({
      result: 'veto',
      looksLike: 'O',
    });
    // A requested capital O drawn as the old zero.
    const z = ring(14, 24, 3);
    const asO = line(block(16, 24), z, 'O');
    expect(byReference(z, false, asO.glyphs, asO.shapes, 1, oldText(ring(14, 24, 3), ring(19, 24, 3)))).toEqual({
      result: 'veto',
      looksLike: '0',
    });
  });

  it('never confirms a glyph as wide as the zero but of other ink (a monospaced O beside a dotted 0)', () => {
    const o = ring(14, 24, 3);
    const cand = line(block(16, 24), o, '0');
    expect(byReference(o, true, cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3, true)))).toEqual({ result: 'unsure', between: 'O/0' });
    // With only the other kind in the old text (an O), a glyph of other ink is left to the width rules.
    const z = ring(14, 24, 3, true);
    const withO = referenceFrom(line(block(16, 24), o, 'O').glyphs, line(block(16, 24), o, 'O').shapes, { scale: 1 });
    const c2 = line(block(16, 24), z, '0');
    expect(byReference(z, true, c2.glyphs, c2.shapes, 1, withO)).toBeNull();
  });

  it('says nothing when the new line is in other lettering or size, or the old text has no 0 or O', () => {
    const z = ring(14, 24, 3);
    // The shared letter is 4 px wider: another font.
    const other = line(block(20, 24), z, '0');
    expect(byReference(z, true, other.glyphs, other.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
    // Taller lettering: the shared letter too.
    const big = ring(18, 30, 3);
    const larger = line(block(16, 30), big, '0');
    expect(byReference(big, true, larger.glyphs, larger.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
    // The same lettering but a taller round glyph (a capital O taller than the font's zeros): never right.
    const tall = line(block(16, 24), big, '0');
    expect(byReference(big, true, tall.glyphs, tall.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    // No zero or O in the old text.
    const noRound = referenceFrom(line(block(16, 24), block(12, 24), 'E').glyphs, line(block(16, 24), block(12, 24), 'E').shapes, {
      scale: 1,
    });
    const cand = line(block(16, 24), z, '0');
    expect(byReference(z, true, cand.glyphs, cand.shapes, 1, noRound)).toBeNull();
    // Read at another scale than the old text (small text upscaled on one side only).
    expect(byReference(z, true, cand.glyphs, cand.shapes, 2, oldText(ring(14, 24, 3)))).toBeNull();
  });

  it('with no shared letter to show the lettering, judges round glyphs of the old height only', () => {
    const o = ring(19, 24, 3);
    // The new line's letter is not in the old text ("T" against the old "S").
    const cand = line(block(16, 24), o, '0');
    cand.glyphs[0].text = 'T';
    expect(byReference(o, true, cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    const z = ring(14, 24, 3);
    const c2 = line(block(16, 24), z, '0');
    c2.glyphs[0].text = 'T';
    expect(byReference(z, true, c2.glyphs, c2.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'ok' });
    // Another height: nothing to say.
    const big = ring(18, 30, 3);
    const c3 = line(block(16, 30), big, '0');
    c3.glyphs[0].text = 'T';
    expect(byReference(big, true, c3.glyphs, c3.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
  });

  it('drops old zeros and Os that look alike (one of them was misread)', () => {
    const ref = oldText(ring(14, 24, 3), ring(14, 24, 3));
    expect(ref.glyphs.map((g) => g.text)).toEqual(['S']);
  });
});
