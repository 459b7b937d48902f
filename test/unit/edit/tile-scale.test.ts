import { describe, expect, it } from 'vitest';
import { tileAtSize } from '../../../electron/main/edit/tile-scale';
import type { TilePixels } from '../../../electron/main/edit/outpaint-tile-steps';

/** A 40×10 tile: known red on the left 17 columns, unknown (transparent) to the right; ask = unknown. */
function tile(): TilePixels {
  const W = 40;
  const H = 10;
  const rgba = new Uint8Array(W * H * 4);
  const unknown = new Uint8Array(W * H);
  const ask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x < 17) rgba.set([200, 10, 10, 255], i * 4);
      else {
        unknown[i] = 1;
        ask[i] = 255;
      }
    }
  return { width: W, height: H, rgba, unknown, ask };
}

describe('tileAtSize', () => {
  it('returns the tile itself when it already has the request size', async () => {
    const p = tile();
    expect(await tileAtSize(p, { width: 40, height: 10 })).toBe(p);
  });

  it('halves a tile: a pixel is unknown when any source pixel under it was; known colour is kept', async () => {
    const s = await tileAtSize(tile(), { width: 20, height: 5 });
    expect([s.width, s.height, s.rgba.length, s.unknown.length, s.ask.length]).toEqual([20, 5, 400, 100, 100]);
    for (let y = 0; y < 5; y++) {
      // Source columns 0–16 known: scaled columns 0–7 cover only known pixels, column 8 covers 16 and 17.
      for (let x = 0; x < 8; x++) {
        expect(s.unknown[y * 20 + x]).toBe(0);
        expect(Array.from(s.rgba.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3))).toEqual([200, 10, 10]);
      }
      for (let x = 8; x < 20; x++) expect(s.unknown[y * 20 + x]).toBe(1);
      for (let x = 9; x < 20; x++) expect(s.ask[y * 20 + x]).toBe(255);
    }
  });
});
