import { describe, expect, it } from 'vitest';
import type { Box, GlyphRef } from './glyph-check';
import { byReference, inkDistance, lowerOByReference, referenceFrom, SAME_INK, sameLettering } from './reference-glyphs';
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
    expect(byReference(ring(14, 24, 3), '0', cand.glyphs, cand.shapes, 1, ref)).toEqual({ result: 'ok' });
  });

  it("never confirms an O wider than the old text's zeros, and vetoes it when the old text has such an O", () => {
    const o = ring(19, 24, 3);
    const cand = line(block(16, 24), o, '0');
    expect(byReference(o, '0', cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    expect(byReference(o, '0', cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3), ring(19, 24, 3)))).toEqual({
      result: 'veto',
      looksLike: 'O',
    });
    // A requested capital O drawn as the old zero.
    const z = ring(14, 24, 3);
    const asO = line(block(16, 24), z, 'O');
    expect(byReference(z, 'O', asO.glyphs, asO.shapes, 1, oldText(ring(14, 24, 3), ring(19, 24, 3)))).toEqual({
      result: 'veto',
      looksLike: '0',
    });
  });

  it('never confirms a glyph as wide as the zero but of other ink (a monospaced O beside a dotted 0)', () => {
    const o = ring(14, 24, 3);
    const cand = line(block(16, 24), o, '0');
    expect(byReference(o, '0', cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3, true)))).toEqual({ result: 'unsure', between: 'O/0' });
    // With only the other kind in the old text (an O), a glyph of other ink is left to the width rules.
    const z = ring(14, 24, 3, true);
    const withO = referenceFrom(line(block(16, 24), o, 'O').glyphs, line(block(16, 24), o, 'O').shapes, { scale: 1 });
    const c2 = line(block(16, 24), z, '0');
    expect(byReference(z, '0', c2.glyphs, c2.shapes, 1, withO)).toBeNull();
  });

  it('says nothing when the new line is in other lettering or size, or the old text has no 0 or O', () => {
    const z = ring(14, 24, 3);
    // The shared letter is 4 px wider: another font.
    const other = line(block(20, 24), z, '0');
    expect(byReference(z, '0', other.glyphs, other.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
    // Taller lettering: the shared letter too.
    const big = ring(18, 30, 3);
    const larger = line(block(16, 30), big, '0');
    expect(byReference(big, '0', larger.glyphs, larger.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
    // The same lettering but a taller round glyph (a capital O taller than the font's zeros): never right.
    const tall = line(block(16, 24), big, '0');
    expect(byReference(big, '0', tall.glyphs, tall.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    // No zero or O in the old text.
    const noRound = referenceFrom(line(block(16, 24), block(12, 24), 'E').glyphs, line(block(16, 24), block(12, 24), 'E').shapes, {
      scale: 1,
    });
    const cand = line(block(16, 24), z, '0');
    expect(byReference(z, '0', cand.glyphs, cand.shapes, 1, noRound)).toBeNull();
    // Read at another scale than the old text (small text upscaled on one side only).
    expect(byReference(z, '0', cand.glyphs, cand.shapes, 2, oldText(ring(14, 24, 3)))).toBeNull();
  });

  it('with no shared letter to show the lettering, judges round glyphs of the old height only', () => {
    const o = ring(19, 24, 3);
    // The new line's letter is not in the old text ("T" against the old "S").
    const cand = line(block(16, 24), o, '0');
    cand.glyphs[0].text = 'T';
    expect(byReference(o, '0', cand.glyphs, cand.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'unsure', between: 'O/0' });
    const z = ring(14, 24, 3);
    const c2 = line(block(16, 24), z, '0');
    c2.glyphs[0].text = 'T';
    expect(byReference(z, '0', c2.glyphs, c2.shapes, 1, oldText(ring(14, 24, 3)))).toEqual({ result: 'ok' });
    // Another height: nothing to say.
    const big = ring(18, 30, 3);
    const c3 = line(block(16, 30), big, '0');
    c3.glyphs[0].text = 'T';
    expect(byReference(big, '0', c3.glyphs, c3.shapes, 1, oldText(ring(14, 24, 3)))).toBeNull();
  });

  it('drops old zeros and Os that look alike (one of them was misread)', () => {
    const ref = oldText(ring(14, 24, 3), ring(14, 24, 3));
    expect(ref.glyphs.map((g) => g.text)).toEqual(['S']);
  });
});

/** A vertical stem w × h (stroke 3 px); `flag`: a 1's flag reaching down-left from its top. */
function stem(w: number, h: number, flag: boolean): Shape {
  const ink = new Uint8Array(w * h);
  const x0 = w - 4;
  for (let y = 0; y < h; y++) for (let x = x0; x < x0 + 3; x++) ink[y * w + x] = 1;
  if (flag) for (let i = 0; i < x0; i++) for (let t = 0; t < 3; t++) ink[Math.min(h - 1, Math.round((x0 - i) * 0.8) + t) * w + i] = 1;
  return { ink, w, h, parts: 1, x: 0, y: 0 };
}

/** A reference read from old words, each [text, shapes of its glyphs]. */
function oldWords(...words: [string, Shape[]][]) {
  const glyphs: GlyphRef[] = [];
  const shapes = new Map<Box, Shape>();
  let x = 0;
  words.forEach(([text, inks], w) => {
    Array.from(text).forEach((ch, i) => {
      const b = box(x);
      x += 20;
      glyphs.push({ text: ch, box: b, word: w });
      shapes.set(b, inks[i]);
    });
  });
  return referenceFrom(glyphs, shapes, { scale: 1 });
}

describe('the old text as the 1/l reference', () => {
  const one = () => stem(10, 24, true);
  const ell = () => stem(6, 28, false);
  // The old "S 13" and "Sl": an S shared with the new line, a 1 in a number, an l in a word.
  const ref = () => oldWords(['S', [block(16, 24)]], ['13', [one(), block(12, 24)]], ['Sl', [block(16, 24), ell()]]);

  it("confirms a 1 drawn as the old text's 1 and vetoes an l drawn as its l", () => {
    const cand = line(block(16, 24), one(), '1');
    expect(byReference(one(), '1', cand.glyphs, cand.shapes, 1, ref())).toEqual({ result: 'ok' });
    const wrong = line(block(16, 24), ell(), '1');
    expect(byReference(ell(), '1', wrong.glyphs, wrong.shapes, 1, ref())).toEqual({ result: 'veto', looksLike: 'l' });
    // A requested l drawn as the old 1.
    const asL = line(block(16, 24), one(), 'l');
    expect(byReference(one(), 'l', asL.glyphs, asL.shapes, 1, ref())).toEqual({ result: 'veto', looksLike: '1' });
  });

  it('confirms a stem by the old 1 only where the old text shows an l unlike it', () => {
    // The old "13" alone: the font's l is unknown, and a 1 and an l can be a pixel apart.
    const onlyOne = oldWords(['S', [block(16, 24)]], ['13', [one(), block(12, 24)]]);
    const cand = line(block(16, 24), one(), '1');
    expect(byReference(one(), '1', cand.glyphs, cand.shapes, 1, onlyOne)).toBeNull();
    // A 1 whose flag is three pixels long, an l without one, and a glyph with a two-pixel flag: that
    // glyph is within a pixel of both, so it tells nothing (Tuffy's 1 and l at 20 px are this close).
    const flagged = (pixels: [number, number][]) => {
      const g = stem(10, 24, false);
      for (const [x, y] of pixels) g.ink[y * 10 + x] = 1;
      return g;
    };
    const old1 = flagged([
      [5, 0],
      [4, 1],
      [3, 2],
    ]);
    const likeBoth = oldWords(['S', [block(16, 24)]], ['13', [old1, block(12, 24)]], ['Sl', [block(16, 24), stem(10, 24, false)]]);
    expect(likeBoth.glyphs.map((g) => g.text)).toEqual(['S', '1', '3', 'S', 'l']);
    const between = flagged([
      [5, 0],
      [4, 1],
    ]);
    const c2 = line(block(16, 24), between, '1');
    expect(byReference(between, '1', c2.glyphs, c2.shapes, 1, likeBoth)).toEqual({ result: 'unsure', between: '1/l' });
    // The old 1 itself is still confirmed against that l.
    expect(byReference(old1, '1', c2.glyphs, c2.shapes, 1, likeBoth)).toEqual({ result: 'ok' });
  });

  it('never confirms another stem where the old text has a 1, whatever its height', () => {
    const onlyOne = oldWords(['S', [block(16, 24)]], ['13', [one(), block(12, 24)]]);
    // A taller, flagged stem in a line that shares no letter with the old one: not the old 1's ink.
    const tall = stem(10, 30, true);
    const cand = line(block(16, 24), tall, '1');
    cand.glyphs[0].text = 'T';
    expect(byReference(tall, '1', cand.glyphs, cand.shapes, 1, onlyOne)).toEqual({ result: 'unsure', between: '1/l' });
  });

  it('makes a glyph cut from its neighbour unsure where the old text has the asked kind', () => {
    const cut = { ...stem(6, 28, false), cut: true };
    const cand = line(block(16, 24), cut, '1');
    expect(byReference(cut, '1', cand.glyphs, cand.shapes, 1, ref())).toEqual({ result: 'unsure', between: '1/l' });
    // Without a 1 in the old text the rules decide.
    const noOne = oldWords(['S', [block(16, 24)]], ['Sl', [block(16, 24), ell()]]);
    expect(byReference(cut, '1', cand.glyphs, cand.shapes, 1, noOne)).toBeNull();
  });

  it('trusts a 1 only inside a number and an l only inside a word', () => {
    // "Ha1l": a stem the OCR read as 1 among letters is no 1 of the font.
    const misread = oldWords(['S', [block(16, 24)]], ['a1', [block(12, 24), ell()]]);
    expect(misread.glyphs.map((g) => g.text)).toEqual(['S', 'a']);
    const l3 = oldWords(['l3', [one(), block(12, 24)]]);
    expect(l3.glyphs.map((g) => g.text)).toEqual(['3']);
  });

  it('drops old 1s and ls that look alike, or 1s unlike each other', () => {
    const alike = oldWords(['13', [ell(), block(12, 24)]], ['Sl', [block(16, 24), ell()]]);
    expect(alike.glyphs.map((g) => g.text)).toEqual(['3', 'S']);
    const unlike = oldWords(['13', [one(), block(12, 24)]], ['31', [block(12, 24), stem(14, 30, true)]]);
    expect(unlike.glyphs.map((g) => g.text)).toEqual(['3', '3']);
  });
});

describe('the old lettering, with glyphs paired with the wrong ink', () => {
  it('takes a shared letter far off in size for a glyph paired with the wrong ink, not for other lettering', () => {
    // Old "SE0"; the new line's S matches. Its E 4 px wider is other lettering; paired with ink 75 % wider (a piece of the
    // neighbour): the S still shows the lettering (Karmilla 96 px "Box 306": its 3 run into the 0).
    const ref = oldWords(['SE0', [block(16, 24), block(16, 24), ring(14, 24, 3)]]);
    const glyphs: GlyphRef[] = [
      { text: 'S', box: box(0), word: 0 },
      { text: 'E', box: box(20), word: 0 },
      { text: '0', box: box(40), word: 0 },
    ];
    const shapes = new Map<Box, Shape>([
      [glyphs[0].box, block(16, 24)],
      [glyphs[1].box, block(20, 24)],
      [glyphs[2].box, ring(14, 24, 3)],
    ]);
    expect(sameLettering(glyphs, shapes, 1, ref)).toBe('other');
    shapes.set(glyphs[1].box, block(28, 24));
    expect(sameLettering(glyphs, shapes, 1, ref)).toBe('same');
    expect(byReference(ring(14, 24, 3), '0', glyphs, shapes, 1, ref)).toEqual({ result: 'ok' });
    // Every shared letter paired off (Goudy Bookletter 96 px "Gain 0.8"): nothing shown either way.
    shapes.set(glyphs[0].box, block(16, 40));
    expect(sameLettering(glyphs, shapes, 1, ref)).toBe('unknown');
  });
});

describe('the old text as the reference for a lowercase o', () => {
  const o = () => ring(16, 18, 3);
  const cand = (g: Shape) => line(block(16, 24), g, 'o');
  it("confirms an o with the old o's ink where the old 0 is unlike it", () => {
    const ref = oldWords(['So', [block(16, 24), o()]], ['20', [block(12, 24), ring(14, 24, 3)]]);
    const c = cand(o());
    expect(lowerOByReference(o(), c.glyphs, c.shapes, 1, ref)).toEqual({ result: 'ok' });
    // A zero drawn for the o is not the old o's ink: the width rules decide.
    const z = ring(14, 24, 3);
    const c2 = cand(z);
    expect(lowerOByReference(z, c2.glyphs, c2.shapes, 1, ref)).toBeNull();
  });
  it('says nothing without an old 0 or O, or where they are like the o (old-style figures)', () => {
    const c = cand(o());
    expect(lowerOByReference(o(), c.glyphs, c.shapes, 1, oldWords(['So', [block(16, 24), o()]]))).toBeNull();
    const oldStyle = oldWords(['So', [block(16, 24), o()]], ['20', [block(12, 24), ring(16, 18, 3)]]);
    expect(lowerOByReference(o(), c.glyphs, c.shapes, 1, oldStyle)).toBeNull();
  });
});
