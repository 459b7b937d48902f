import { describe, expect, it } from 'vitest';
import { checkM, hasInnerGap, smallestGap, stemsOf } from './m-check';

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
