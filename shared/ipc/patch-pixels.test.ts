import { describe, expect, it } from 'vitest';
import { checkPatchPixels, cropRgba, packPieces, piecesAround } from './patch-pixels';
import { ValidationError } from './schema';

const region = { width: 10, height: 8 };
const px = (x: number, y: number, width: number, height: number, bytes = width * height * 4) => ({
  rect: { x, y, width, height },
  rgba: new Uint8Array(bytes),
});

function refusal(value: unknown): string {
  try {
    checkPatchPixels(value, region);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error('accepted');
}

describe('checkPatchPixels', () => {
  it('accepts a rect inside the patch with exactly width × height × 4 bytes', () => {
    const p = px(2, 3, 8, 5);
    expect(checkPatchPixels(p, region)).toEqual(p);
    expect(checkPatchPixels(px(0, 0, 10, 8), region).rgba).toHaveLength(320);
  });

  it('refuses more or fewer bytes than the rect holds', () => {
    expect(refusal(px(0, 0, 4, 4, 4 * 4 * 4 + 1))).toMatch(/pixels\.rgba: must be exactly 64 bytes \(4×4×4\)/);
    expect(refusal(px(0, 0, 4, 4, 63))).toMatch(/exactly 64 bytes/);
  });

  it('refuses a rect outside the patch, empty, fractional or negative', () => {
    expect(refusal(px(3, 0, 8, 1))).toMatch(/pixels\.rect: must lie inside the 10×8 patch/);
    expect(refusal(px(0, 4, 1, 5))).toMatch(/inside the 10×8 patch/);
    expect(refusal({ rect: { x: 0, y: 0, width: 0, height: 1 }, rgba: new Uint8Array(0) })).toMatch(/rect\.width/);
    expect(refusal({ rect: { x: 0.5, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) })).toMatch(/rect\.x/);
    expect(refusal({ rect: { x: -1, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) })).toMatch(/rect\.x/);
  });

  it('refuses anything but a Uint8Array, missing fields and unknown fields', () => {
    expect(refusal({ rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: [0, 0, 0, 0] })).toMatch(/rgba/);
    expect(refusal({ rect: { x: 0, y: 0, width: 1, height: 1 } })).toMatch(/rgba/);
    expect(refusal({ ...px(0, 0, 1, 1), extra: 1 })).toMatch(/extra/);
    expect(refusal(undefined)).toBeTruthy();
  });
});

describe('cropRgba', () => {
  it('copies the rect out of a wider buffer, row by row', () => {
    const w = 4;
    const all = new Uint8Array(w * 3 * 4).map((_, i) => i);
    const out = cropRgba(all, w, { x: 1, y: 1, width: 2, height: 2 });
    expect([...out]).toEqual([...all.subarray(20, 28), ...all.subarray(36, 44)]);
  });

  it('returns the buffer itself when the rect is all of it', () => {
    const all = new Uint8Array(2 * 2 * 4);
    expect(cropRgba(all, 2, { x: 0, y: 0, width: 2, height: 2 })).toBe(all);
  });
});

describe("pieces (the frame around an outpaint's transparent middle)", () => {
  it('piecesAround cuts the hole out: rows above and below at full width, the sides beside it', () => {
    const rect = { x: 0, y: 0, width: 10, height: 8 };
    expect(piecesAround(rect, { x: 3, y: 2, width: 4, height: 3 })).toEqual([
      { x: 0, y: 0, width: 10, height: 2 },
      { x: 0, y: 5, width: 10, height: 3 },
      { x: 0, y: 2, width: 3, height: 3 },
      { x: 7, y: 2, width: 3, height: 3 },
    ]);
    // Left and right extension: the hole spans every row.
    expect(piecesAround(rect, { x: 2, y: 0, width: 5, height: 8 })).toEqual([
      { x: 0, y: 0, width: 2, height: 8 },
      { x: 7, y: 0, width: 3, height: 8 },
    ]);
    expect(piecesAround(rect, null)).toEqual([rect]);
    expect(piecesAround(rect, { x: 20, y: 0, width: 2, height: 2 })).toEqual([rect]);
    expect(piecesAround(rect, { x: -1, y: -1, width: 20, height: 20 })).toEqual([]);
  });

  it('every pixel of the rect is in exactly one piece or in the hole', () => {
    const rect = { x: 1, y: 2, width: 9, height: 6 };
    for (const hole of [
      { x: 0, y: 3, width: 4, height: 2 },
      { x: 3, y: 0, width: 3, height: 20 },
      { x: 5, y: 6, width: 10, height: 10 },
    ]) {
      const pieces = piecesAround(rect, hole);
      for (let y = rect.y; y < rect.y + rect.height; y++)
        for (let x = rect.x; x < rect.x + rect.width; x++) {
          const inside = (r: { x: number; y: number; width: number; height: number }) =>
            x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
          expect(pieces.filter(inside).length + (inside(hole) ? 1 : 0), `${x},${y}`).toBe(1);
        }
    }
  });

  it('packPieces packs each piece row by row; checkPatchPixels takes exactly their bytes inside the rect', () => {
    const width = 10;
    const rgba = new Uint8Array(width * 8 * 4).map((_, i) => Math.floor(i / 4) % 256);
    const pieces = [
      { x: 0, y: 0, width: 2, height: 8 },
      { x: 7, y: 1, width: 3, height: 2 },
    ];
    const packed = packPieces(rgba, width, pieces);
    expect(packed).toHaveLength((16 + 6) * 4);
    expect(packed[0]).toBe(0); // (0,0)
    expect(packed[4]).toBe(1); // (1,0)
    expect(packed[8]).toBe(10); // (0,1)
    expect(packed[16 * 4]).toBe(17); // the second piece starts at (7,1)
    expect(packed[(16 + 3) * 4]).toBe(27); // (7,2)
    const rect = { x: 0, y: 0, width: 10, height: 8 };
    expect(checkPatchPixels({ rect, rgba: packed, pieces }, region).pieces).toEqual(pieces);
    expect(refusal({ rect, rgba: packed.subarray(4), pieces })).toMatch(/exactly 88 bytes \(the pieces' areas × 4\)/);
    expect(refusal({ rect: { x: 1, y: 0, width: 9, height: 8 }, rgba: packed, pieces })).toMatch(/pieces: must lie inside pixels\.rect/);
    expect(refusal({ rect, rgba: new Uint8Array(0), pieces: [] })).toMatch(/pieces/);
  });
});
