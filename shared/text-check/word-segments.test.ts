import { describe, expect, it } from 'vitest';
import { checkGlyph, flagDepth, type GreyImage, wordShapes } from './glyph-check';

/** Draws bars (x0, x1, y0, y1) dark on light. */
function draw(W: number, H: number, bars: [number, number, number, number][]): GreyImage {
  const data = new Uint8Array(W * H).fill(235);
  for (const [x0, x1, y0, y1] of bars) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 20;
  return { width: W, height: H, data };
}

describe('glyphs matched to the OCR symbols by order', () => {
  // "rl" where the r's arm touches the l's left serif, then a separate "d"-like block.
  // r: stem 10–16 (y 30–70) with an arm 16–30 at the top; l: stem 40–46 (y 10–70) with a short
  // serif 31–40 at the top (touching the arm at x 30/31) and a foot serif 36–50 (a serif l: no l of
  // Debian's fonts has a top serif that long over a bare foot — that is a 1, bare-foot-flag.ts);
  // d: a block 60–80.
  const img = draw(100, 80, [
    [10, 16, 30, 70],
    [16, 31, 30, 34],
    [31, 40, 10, 14],
    [40, 46, 10, 70],
    [36, 50, 66, 70],
    [60, 80, 10, 70],
  ]);
  // The LSTM's boxes are shifted: the l's box covers the r's arm and half of the d.
  const word = [
    { text: 'r', box: { x0: 4, y0: 10, x1: 28, y1: 70 } },
    { text: 'l', box: { x0: 28, y0: 10, x1: 66, y1: 70 } },
    { text: 'd', box: { x0: 66, y0: 10, x1: 86, y1: 70 } },
  ];
  it('cuts touching letters at their thinnest column and pairs glyphs with symbols left to right', () => {
    const shapes = wordShapes(img, word);
    expect(shapes).not.toBeNull();
    const l = shapes!.get(word[1].box)!;
    // The l: its stem and serifs only (x 31–49), full height; its flag is a short serif.
    expect(l.x).toBeGreaterThanOrEqual(28);
    expect(l.x! + l.w).toBeLessThanOrEqual(51);
    expect(l.h).toBe(60);
    expect(flagDepth(l.ink, l.w, l.h)).toBeLessThan(0.125);
    expect(checkGlyph(img, 'l', word[1].box, { typed: 'l', word, line: word, shapes: shapes! })).toEqual({ result: 'ok' });
  });
  it('marks the glyphs it had to cut apart (their widths are the cut’s)', () => {
    // Two stems joined by a 2 px hairline, then a block standing alone.
    const joined = draw(100, 80, [
      [10, 16, 10, 70],
      [16, 40, 40, 42],
      [40, 46, 10, 70],
      [60, 80, 10, 70],
    ]);
    const syms = [
      { text: 'l', box: { x0: 10, y0: 10, x1: 16, y1: 70 } },
      { text: 'l', box: { x0: 40, y0: 10, x1: 46, y1: 70 } },
      { text: 'I', box: { x0: 60, y0: 10, x1: 80, y1: 70 } },
    ];
    const shapes = wordShapes(joined, syms)!;
    expect(syms.map((s) => shapes.get(s.box)!.cut ?? false)).toEqual([true, true, false]);
  });
  it('gives up when glyphs and symbols do not pair up (an "m" read where "rn" is drawn)', () => {
    const rn = draw(80, 60, [
      [10, 16, 20, 50],
      [16, 28, 20, 24],
      [40, 46, 20, 50],
      [46, 60, 20, 24],
      [56, 62, 20, 50],
    ]);
    expect(wordShapes(rn, [{ text: 'm', box: { x0: 10, y0: 20, x1: 62, y1: 50 } }])).toBeNull();
  });
  it('takes a glyph wider than the letter spacing as proof of a proportional font', () => {
    // Evenly spaced centres (every 40 px), but the "A" is 44 px wide: not monospaced, so the narrow
    // ring after the 5 is judged by its width (a 0), not left unsure.
    const ring = (cx: number, rx: number): [number, number, number, number][] => [
      [cx - rx, cx + rx, 10, 16],
      [cx - rx, cx + rx, 64, 70],
      [cx - rx, cx - rx + 6, 10, 70],
      [cx + rx - 6, cx + rx, 10, 70],
    ];
    const bars: [number, number, number, number][] = [
      [8, 52, 10, 70], // A (a block as wide as the spacing and more)
      [60, 80, 10, 70], // L
      ...ring(110, 17), // 0 — as narrow as the 5 beside it
      [133, 167, 10, 70], // 5
    ];
    const img2 = draw(200, 80, bars);
    const line = [
      { text: 'A', box: { x0: 8, y0: 10, x1: 52, y1: 70 } },
      { text: 'L', box: { x0: 60, y0: 10, x1: 80, y1: 70 } },
      { text: '0', box: { x0: 93, y0: 10, x1: 127, y1: 70 } },
      { text: '5', box: { x0: 133, y0: 10, x1: 167, y1: 70 } },
    ];
    const shapes = wordShapes(img2, line)!;
    expect(shapes).not.toBeNull();
    expect(checkGlyph(img2, '0', line[2].box, { typed: '0', word: line, line, shapes })).toEqual({ result: 'ok' });
  });
  it('joins the halves of a ring whose hairlines binarised away, by the symbol box that holds them', () => {
    // An "O" drawn as its two thick sides only (x 10–18 and 32–40, 14 px apart: the thin top and
    // bottom lost at 32 px in Computer Modern Serif), then a "V"-like block and an "E"-like block.
    const broken = draw(120, 80, [
      [10, 18, 10, 70],
      [32, 40, 10, 70],
      [50, 70, 10, 70],
      [80, 100, 10, 70],
    ]);
    const syms = [
      { text: 'O', box: { x0: 10, y0: 10, x1: 41, y1: 70 } },
      { text: 'V', box: { x0: 50, y0: 10, x1: 70, y1: 70 } },
      { text: 'E', box: { x0: 80, y0: 10, x1: 100, y1: 70 } },
    ];
    const shapes = wordShapes(broken, syms);
    expect(shapes).not.toBeNull();
    const o = shapes!.get(syms[0].box)!;
    expect([o.x, o.w, o.h, o.parts]).toEqual([10, 30, 60, 2]);
    expect(shapes!.get(syms[1].box)!.x).toBe(50);
  });
  it('joins no speck into a ring, no piece into another letter, nor pieces no symbol box holds', () => {
    // A ring's two sides, then a short speck inside the "0"'s box: a 0 and a neighbour's piece.
    const speck = draw(120, 80, [
      [10, 18, 10, 70],
      [32, 40, 10, 70],
      [42, 45, 30, 36],
      [60, 80, 10, 70],
    ]);
    const syms = [
      { text: '0', box: { x0: 10, y0: 10, x1: 46, y1: 70 } },
      { text: '5', box: { x0: 60, y0: 10, x1: 80, y1: 70 } },
    ];
    expect(wordShapes(speck, syms)).toBeNull();
    // One side of a ring and a short piece beside it, in the "0"'s box: not a ring's two sides.
    const short = draw(120, 80, [
      [10, 18, 10, 70],
      [32, 40, 30, 50],
      [60, 80, 10, 70],
    ]);
    expect(wordShapes(short, syms)).toBeNull();
    // Three blocks for two symbols whose boxes hold only the outer two.
    const gap = draw(120, 80, [
      [10, 20, 10, 70],
      [40, 50, 10, 70],
      [80, 90, 10, 70],
    ]);
    const two = [
      { text: 'H', box: { x0: 10, y0: 10, x1: 20, y1: 70 } },
      { text: 'E', box: { x0: 80, y0: 10, x1: 90, y1: 70 } },
    ];
    expect(wordShapes(gap, two)).toBeNull();
    // The ring's box holds only its left side; the right side's middle lies in the next letter's box.
    const shifted = draw(120, 80, [
      [10, 18, 10, 70],
      [32, 40, 10, 70],
      [50, 70, 30, 70],
    ]);
    const oc = [
      { text: 'O', box: { x0: 10, y0: 10, x1: 30, y1: 70 } },
      { text: 'c', box: { x0: 31, y0: 30, x1: 70, y1: 70 } },
    ];
    expect(wordShapes(shifted, oc)).toBeNull();
  });

  it('takes the pieces of a percent sign whose lower ring stands apart for one glyph', () => {
    // "0%" as Nimbus Roman Italic draws it sheared upright: a ring (x 10–34), then the % as its
    // slash run into its upper ring (x 40–65, the full height) and its lower ring (x 67–79, the
    // lower half), which shares too few columns with the slash to be stacked onto it.
    const pct = draw(100, 80, [
      [10, 34, 10, 70],
      [40, 66, 10, 70],
      [67, 80, 40, 70],
    ]);
    const syms = [
      { text: '0', box: { x0: 10, y0: 10, x1: 36, y1: 70 } },
      { text: '%', box: { x0: 40, y0: 10, x1: 81, y1: 70 } },
    ];
    const shapes = wordShapes(pct, syms);
    expect(shapes).not.toBeNull();
    expect(shapes!.get(syms[0].box)!.w).toBe(24);
    expect(shapes!.get(syms[1].box)!.w).toBe(40);
    // Two pieces as tall as a letter in the % sign's box: a letter's side given to it, not a %.
    const two = draw(100, 80, [
      [10, 34, 10, 70],
      [40, 66, 10, 70],
      [70, 80, 12, 70],
    ]);
    expect(wordShapes(two, syms)).toBeNull();
  });
});
