import { describe, expect, it } from 'vitest';
import { frameMask } from './frame-mask';
import { applyCoverage } from './apply-coverage';
import { rasterizeRect } from './shapes';
import { createFullMask, TILE_SIZE, type TiledMask } from './tiled-mask';
import { maskToArray } from './mask-region';

/** The way an extension's mask was made before: a full mask less a rasterised rectangle. */
const subtracted = (w: number, h: number, r: { x: number; y: number; width: number; height: number }) =>
  applyCoverage(createFullMask(w, h), rasterizeRect(r), 'subtract', 1);

const uniformTiles = (m: TiledMask) => m.tiles.filter((t) => !(t instanceof Uint8Array)).length;

describe('frameMask', () => {
  it('is a full mask less the rectangle, value for value (tile-aligned, inside one tile, across edge tiles, clipped)', () => {
    const cases: [number, number, { x: number; y: number; width: number; height: number }][] = [
      [1000, 700, { x: 256, y: 0, width: 512, height: 512 }],
      [1000, 700, { x: 300, y: 20, width: 50, height: 60 }],
      [1000, 700, { x: 13, y: 250, width: 977, height: 449 }],
      [1000, 700, { x: -40, y: -10, width: 300, height: 2000 }],
      [600, 300, { x: 0, y: 0, width: 600, height: 300 }],
      [257, 513, { x: 1, y: 1, width: 255, height: 511 }],
    ];
    for (const [w, h, r] of cases) {
      const a = frameMask(w, h, r);
      const b = subtracted(w, h, r);
      expect([a.width, a.height, a.cols, a.rows]).toEqual([b.width, b.height, b.cols, b.rows]);
      expect(Buffer.from(maskToArray(a)).equals(Buffer.from(maskToArray(b))), JSON.stringify(r)).toBe(true);
      // Byte tiles keep 0 outside the mask (an edge tile's rest), as every tile op expects.
      for (const [i, t] of a.tiles.entries()) {
        if (!(t instanceof Uint8Array)) continue;
        const tx = i % a.cols;
        const ty = Math.floor(i / a.cols);
        const tw = Math.min(TILE_SIZE, w - tx * TILE_SIZE);
        const th = Math.min(TILE_SIZE, h - ty * TILE_SIZE);
        for (let y = 0; y < TILE_SIZE; y++)
          for (let x = 0; x < TILE_SIZE; x++) if (x >= tw || y >= th) expect(t[y * TILE_SIZE + x]).toBe(0);
      }
    }
  });

  it('holds bytes only in the tiles the hole’s edges cross (a 9333×4000 canvas around a 6000×4000 photo)', () => {
    const m = frameMask(9333, 4000, { x: 1690, y: 0, width: 5953, height: 4000 });
    // 37 × 16 tiles; the two vertical edges cross two columns of 16 tiles.
    expect(m.tiles.length).toBe(37 * 16);
    expect(m.tiles.length - uniformTiles(m)).toBe(2 * 16);
    expect(m.tiles.filter((t) => t === 0).length).toBeGreaterThan(300);
  });

  it('an empty or outside hole leaves the mask full', () => {
    expect(frameMask(300, 200, { x: 10, y: 10, width: 0, height: 50 }).tiles.every((t) => t === 255)).toBe(true);
    expect(frameMask(300, 200, { x: 400, y: 10, width: 50, height: 50 }).tiles.every((t) => t === 255)).toBe(true);
  });
});
