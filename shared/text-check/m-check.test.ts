import { describe, expect, it } from 'vitest';
import { checkGlyph, type GreyImage, wordShapes } from './glyph-check';
import { checkM, hasInnerGap, pairedWithM, rPairGap, smallestGap, stemsOf } from './m-check';
import { matchText } from './text-match';

/** A one-piece glyph: an arch across the top (rows 0–2) and stems (x0, x1) down to the baseline. */
function blob(w: number, h: number, stems: [number, number][], opts: { archUntil?: number } = {}) {
  const ink = new Uint8Array(w * h);
  const archEnd = opts.archUntil ?? w - 1;
  for (let y = 0; y < 3; y++) for (let x = stems[0][0]; x <= archEnd; x++) ink[y * w + x] = 1;
  for (const [x0, x1] of stems) for (let y = 0; y < h; y++) for (let x = x0; x <= x1; x++) ink[y * w + x] = 1;
  return { ink, w, h, parts: 1 };
}

// An m at 2× scale: 30 × 23 px image (x-height 11.5 source px), stems evenly spaced.
const smallM = blob(30, 23, [
  [0, 3],
  [13, 16],
  [26, 29],
]);
// Letters of its word 2.5 source px apart (5 image px), or 1 source px apart (2 image px).
const looseWord = [
  { x: 0, w: 20 },
  { x: 25, w: 30 },
  { x: 60, w: 6 },
];
const tightWord = [
  { x: 0, w: 20 },
  { x: 22, w: 30 },
  { x: 54, w: 6 },
];

describe('m or rn', () => {
  it('finds the stems and an empty column inside', () => {
    expect(stemsOf(smallM.ink, smallM.w, smallM.h)).toEqual([
      [0, 3],
      [13, 16],
      [26, 29],
    ]);
    expect(hasInnerGap(smallM.ink, smallM.w, smallM.h)).toBe(false);
    // r then n with a column of air between the r's arm and the n.
    const rn = blob(30, 23, [
      [0, 3],
      [13, 16],
      [26, 29],
    ]);
    for (let y = 0; y < 3; y++) rn.ink[y * 30 + 10] = 0;
    expect(hasInnerGap(rn.ink, 30, 23)).toBe(true);
    expect(checkM(rn, { byOrder: true, scale: 2, word: looseWord })).toEqual({ result: 'veto', looksLike: 'rn' });
    expect(checkM({ ...smallM, parts: 2 }, { byOrder: true, scale: 1, word: looseWord })).toEqual({ result: 'veto', looksLike: 'rn' });
  });

  it('takes a one-piece m at a readable size', () => {
    const big = blob(60, 46, [
      [0, 7],
      [26, 33],
      [52, 59],
    ]);
    expect(checkM(big, { byOrder: true, scale: 1, word: tightWord })).toEqual({ result: 'ok' });
    // The same glyph scaled up ×4 from 11.5 px: too small to tell, and tightly set.
    expect(checkM(big, { byOrder: true, scale: 4, word: tightWord })).toEqual({ result: 'unsure', between: 'rn/m' });
  });

  it('takes a small m only with even stems and loosely set letters', () => {
    expect(checkM(smallM, { byOrder: true, scale: 2, word: looseWord })).toEqual({ result: 'ok' });
    expect(checkM(smallM, { byOrder: true, scale: 2, word: tightWord })).toEqual({ result: 'unsure', between: 'rn/m' });
    // Not matched by order: the OCR's box may hold only the n of an rn.
    expect(checkM(smallM, { byOrder: false, scale: 2, word: looseWord })).toEqual({ result: 'unsure', between: 'rn/m' });
    // rn joined at the top: the r's arm spans a wider gap than the n's counter.
    const joined = blob(32, 23, [
      [0, 3],
      [17, 20],
      [28, 31],
    ]);
    expect(checkM(joined, { byOrder: true, scale: 2, word: looseWord })).toEqual({ result: 'unsure', between: 'rn/m' });
  });

  it('measures the smallest gap between neighbouring glyphs', () => {
    expect(smallestGap(looseWord)).toBe(5);
    expect(smallestGap(tightWord)).toBe(2);
    expect(smallestGap([{ x: 4, w: 3 }])).toBeNull();
  });
});

describe('an r elsewhere on the line that keeps clear of an n', () => {
  // Letters of x-height 23 image px (scale 2); word 0 is "modern" with the r 4 px before the n.
  const at = (text: string, x: number, w = 14, word = 0) => ({ text, word, x, w, h: 23 });
  const modern = [at('m', 0, 30), at('o', 34), at('d', 52), at('e', 70), at('r', 88, 10), at('n', 102)];

  it('measures the gap between an r and an n-like letter after it in the same word', () => {
    expect(rPairGap(modern, 23)).toBe(4);
    // An r before a round letter ("re") is no evidence: serif fonts set it looser than rn; nor is
    // "ru" (DejaVu Sans kerns rn tighter).
    expect(rPairGap([at('r', 0, 10), at('e', 16)], 23)).toBeNull();
    expect(rPairGap([at('r', 0, 10), at('u', 16)], 23)).toBeNull();
    // Across a word space ("for now") is not a letter pair.
    expect(rPairGap([at('r', 0, 10), at('n', 30, 14, 1)], 23)).toBeNull();
    // A capital or an ascender is not the same size: no pair.
    expect(rPairGap([at('r', 0, 10), { text: 'n', word: 0, x: 14, w: 14, h: 40 }], 23)).toBeNull();
    // The smallest of several pairs.
    expect(rPairGap([...modern, at('r', 130, 10), at('m', 141)], 23)).toBe(1);
  });

  it('takes a small, tightly set m when the same font keeps r and n apart', () => {
    // The m's word is set tight (1 source px): no evidence from its spacing …
    expect(checkM(smallM, { byOrder: true, scale: 2, word: tightWord })).toEqual({ result: 'unsure', between: 'rn/m' });
    // … but an r 2 source px before an n on its line shows this font's rn would not touch.
    expect(checkM(smallM, { byOrder: true, scale: 2, word: tightWord, rGap: 4 })).toEqual({ result: 'ok' });
    // An rn gap of 1 source px is too close to touching.
    expect(checkM(smallM, { byOrder: true, scale: 2, word: tightWord, rGap: 2 })).toEqual({ result: 'unsure', between: 'rn/m' });
    // It never overrides the shape: uneven stems stay unsure, two pieces stay wrong.
    const joined = blob(32, 23, [
      [0, 3],
      [17, 20],
      [28, 31],
    ]);
    expect(checkM(joined, { byOrder: true, scale: 2, word: tightWord, rGap: 6 })).toEqual({ result: 'unsure', between: 'rn/m' });
    expect(checkM({ ...smallM, parts: 2 }, { byOrder: true, scale: 2, word: tightWord, rGap: 6 })).toEqual({
      result: 'veto',
      looksLike: 'rn',
    });
  });
});

describe('the rn evidence through the glyph check', () => {
  type Rect = [number, number, number, number];
  /** A line at 2× scale: "rn" (the n `rnGap` image px after the r's arm) and "am" set 2 px apart. */
  function scene(rnGap: number) {
    const nx = 20 + rnGap;
    const glyphs: { text: string; word: number; rects: Rect[] }[] = [
      {
        text: 'r',
        word: 0,
        rects: [
          [10, 14, 20, 43],
          [14, 20, 20, 23],
        ],
      },
      {
        text: 'n',
        word: 0,
        rects: [
          [nx, nx + 4, 20, 43],
          [nx + 13, nx + 17, 20, 43],
          [nx, nx + 17, 20, 23],
        ],
      },
      { text: 'a', word: 1, rects: [[70, 82, 20, 43]] },
      {
        text: 'm',
        word: 1,
        rects: [
          [84, 88, 20, 43],
          [97, 101, 20, 43],
          [110, 114, 20, 43],
          [84, 114, 20, 23],
        ],
      },
    ];
    const W = 140;
    const H = 60;
    const data = new Uint8Array(W * H).fill(235);
    for (const g of glyphs)
      for (const [x0, x1, y0, y1] of g.rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 20;
    const img: GreyImage = { width: W, height: H, data, scale: 2 };
    const line = glyphs.map((g) => ({
      text: g.text,
      word: g.word,
      box: { x0: Math.min(...g.rects.map((r) => r[0])), x1: Math.max(...g.rects.map((r) => r[1])), y0: 20, y1: 43 },
    }));
    const shapes = new Map([...(wordShapes(img, line.slice(0, 2)) ?? []), ...(wordShapes(img, line.slice(2)) ?? [])]);
    expect(shapes.size).toBe(4);
    return checkGlyph(img, 'm', line[3].box, { typed: 'm', word: line.slice(2), line, shapes });
  }

  it('takes the small m when the r and n of the same line stand 2 source px apart', () => {
    expect(scene(4)).toEqual({ result: 'ok' });
  });

  it('stays unsure when they stand 1 source px apart', () => {
    expect(scene(2)).toEqual({ result: 'unsure', between: 'rn/m' });
  });
});

describe('the rn evidence on light text (gaps measured polarity-balanced)', () => {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const srgb = (l: number) => Math.round(255 * (l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055));
  /**
   * "rn am" at 2× scale, light ink on a dark ground: the r's arm and the n stand `gap` image px
   * apart, and the columns next to them are anti-aliased rims (45 % covered, blended in linear light).
   */
  function reading(gap: number, ink: number, ground: number) {
    const W = 140;
    const H = 60;
    const cover = new Float32Array(W * H);
    const fill = (x0: number, x1: number, y0: number, y1: number, c: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) cover[y * W + x] = Math.max(cover[y * W + x], c);
    };
    const nx = 20 + gap;
    fill(10, 14, 20, 43, 1); // r: stem and arm
    fill(14, 20, 20, 23, 1);
    fill(20, 21, 20, 23, 0.45); // rim right of the arm
    fill(nx - 1, nx, 20, 43, 0.45); // rim left of the n
    fill(nx, nx + 4, 20, 43, 1); // n
    fill(nx + 13, nx + 17, 20, 43, 1);
    fill(nx, nx + 17, 20, 23, 1);
    fill(70, 82, 20, 43, 1); // a
    fill(84, 88, 20, 43, 1); // m
    fill(97, 101, 20, 43, 1);
    fill(110, 114, 20, 43, 1);
    fill(84, 114, 20, 23, 1);
    const data = new Uint8Array(W * H);
    for (let i = 0; i < W * H; i++) data[i] = srgb(lin(ground) + cover[i] * (lin(ink) - lin(ground)));
    const box = (x0: number, x1: number) => ({ x0, x1, y0: 20, y1: 43 });
    const glyphs = [
      { text: 'r', word: 0, line: 0, box: box(10, 20) },
      { text: 'n', word: 0, line: 0, box: box(nx, nx + 17) },
      { text: 'a', word: 1, line: 0, box: box(70, 82) },
      { text: 'm', word: 1, line: 0, box: box(84, 114) },
    ];
    return { reading: { text: 'rn am', glyphs }, grey: { width: W, height: H, data, scale: 2 } };
  }

  it('takes the m when the r keeps 2 source px clear of the n, dark on light and light on dark alike', () => {
    expect(matchText({ requested: { text: 'rn am' }, ...reading(4, 34, 221) }).status).toBe('right');
    // The rims binarise as ink light on dark with the plain threshold (1 source px left): still right.
    expect(matchText({ requested: { text: 'rn am' }, ...reading(4, 247, 53) }).status).toBe('right');
  });

  it('stays unsure when the r comes within 1 source px of the n, in either polarity', () => {
    expect(matchText({ requested: { text: 'rn am' }, ...reading(2, 34, 221) }).status).toBe('unsure');
    expect(matchText({ requested: { text: 'rn am' }, ...reading(2, 247, 53) }).status).toBe('unsure');
  });
});

describe('the ink paired with an m', () => {
  const box = { x0: 114, y0: 40, x1: 147, y1: 63 };
  const o = { text: 'o', box: { x0: 75, y0: 40, x1: 99, y1: 63 } };
  const m = { text: 'm', box };
  const shapes = new Map([[o.box, { h: 23 }]]);
  it('must lie over the m’s box and be no taller than the line’s x-height letters allow', () => {
    expect(pairedWithM({ x: 116, w: 30, h: 23 }, box, [o, m], shapes, false)).toBe(true);
    // The 2 beside the word, paired with the m by order.
    expect(pairedWithM({ x: 163, w: 20, h: 31 }, box, [o, m], shapes, false)).toBe(false);
    // Over the box but half again as tall as the o.
    expect(pairedWithM({ x: 116, w: 30, h: 31 }, box, [o, m], shapes, false)).toBe(false);
    // A capital M asked: as tall as the line's capitals.
    expect(pairedWithM({ x: 116, w: 30, h: 31 }, box, [o, m], shapes, true)).toBe(true);
    // No other x-height letter on the line: only the box decides.
    expect(pairedWithM({ x: 116, w: 30, h: 31 }, box, [m], shapes, false)).toBe(true);
  });

  it('takes stems a read pixel from even as even (a small monospaced m: 3 and 4 px)', () => {
    const mono = blob(21, 23, [
      [0, 2],
      [6, 8],
      [13, 15],
    ]);
    expect(checkM(mono, { byOrder: true, scale: 2, word: looseWord })).toEqual({ result: 'ok' });
  });
});
