/**
 * Where a glyph's flag is: the stem's left and right edges (the first and last columns with ≥ 60 %
 * of the fullest column's ink) and the deepest row of the top half with ink left of it (-1: none). Shared by the
 * flag rule (glyph-check.ts flagDepth) and the flat-bar rule (flat-bar.ts), which must measure the
 * flag the same way.
 */
export function flagReach(ink: Uint8Array, w: number, h: number): { stemLeft: number; stemRight: number; deepest: number } {
  const cols = new Array<number>(w).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) cols[x] += ink[y * w + x];
  const most = Math.max(...cols);
  const stemLeft = cols.findIndex((n) => n >= most * 0.6);
  const stemRight = cols.findLastIndex((n) => n >= most * 0.6);
  let deepest = -1;
  for (let y = 0; y < h / 2; y++)
    for (let x = 0; x < stemLeft - 1; x++)
      if (ink[y * w + x]) {
        deepest = y;
        break;
      }
  return { stemLeft, stemRight, deepest };
}
