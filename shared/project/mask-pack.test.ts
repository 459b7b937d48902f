import { describe, expect, it } from 'vitest';
import { applyCoverage, createEmptyMask, createFullMask, getMaskValue, type TiledMask } from '../mask';
import { packMasks, unpackMask, unpackPool } from './mask-pack';
import { TILE_EMPTY, TILE_FULL } from './project-schema';

function blob(mask: TiledMask, x: number, y: number, w: number, h: number, value: number): TiledMask {
  const data = new Uint8Array(w * h).map((_, i) => (i % 7 === 0 ? value : Math.max(1, value - (i % 5))));
  return applyCoverage(mask, { rect: { x, y, width: w, height: h }, data }, 'replace');
}

describe('packMasks / unpackPool / unpackMask', () => {
  it('round-trips every value and stores a tile shared by two masks once', () => {
    const a = blob(createEmptyMask(1000, 700), 10, 20, 300, 40, 200);
    const b = blob(a, 600, 300, 50, 50, 90); // shares a's touched tiles, adds one more
    const full = createFullMask(300, 300);
    const packed = packMasks(
      new Map([
        ['m1', a],
        ['m2', b],
        ['m3', full],
      ]),
    );
    // a touches 2 tiles (x 10..310 crosses 256), b adds 1: three distinct non-uniform tiles in all.
    expect(packed.tileCount).toBe(3);
    expect(packed.masks.m3.tiles.every((t) => t === TILE_FULL)).toBe(true);
    expect(packed.masks.m1.tiles.filter((t) => t === TILE_EMPTY)).toHaveLength(a.tiles.length - 2);

    const tiles = unpackPool(packed.pool);
    const a2 = unpackMask(packed.masks.m1, tiles);
    const b2 = unpackMask(packed.masks.m2, tiles);
    for (const [orig, back] of [
      [a, a2],
      [b, b2],
    ] as const) {
      expect(back.width).toBe(orig.width);
      for (let y = 0; y < orig.height; y += 3)
        for (let x = 0; x < orig.width; x += 3) expect(getMaskValue(back, x, y)).toBe(getMaskValue(orig, x, y));
    }
    // Shared again after reading: the tile object a2 and b2 have in common is one object.
    expect(a2.tiles[0]).toBe(b2.tiles[0]);
    expect(getMaskValue(unpackMask(packed.masks.m3, tiles), 299, 299)).toBe(255);
    // Packing what was read gives the same pool again (a saved project re-saves unchanged).
    expect(
      packMasks(
        new Map([
          ['m1', a2],
          ['m2', b2],
          ['m3', unpackMask(packed.masks.m3, tiles)],
        ]),
      ).pool,
    ).toEqual(packed.pool);
  });

  it('compresses: a blob mask on a 24 MP canvas packs to a few KB', () => {
    const m = blob(createEmptyMask(6000, 4000), 1000, 1000, 600, 400, 255);
    expect(packMasks(new Map([['m', m]])).pool.byteLength).toBeLessThan(20_000);
  });

  it('refuses a damaged pool with a reason', () => {
    const m = blob(createEmptyMask(500, 500), 0, 0, 100, 100, 180);
    const { pool } = packMasks(new Map([['m', m]]));
    expect(() => unpackPool(pool.subarray(0, pool.byteLength - 5))).toThrow(/cut off|trailing/);
    expect(() => unpackPool(new Uint8Array(20))).toThrow(/not a tile pool/);
    const flipped = pool.slice();
    flipped[pool.byteLength - 3] ^= 0xff;
    flipped[pool.byteLength - 10] ^= 0xff;
    expect(() => unpackPool(flipped)).toThrow(/damaged/);
    const extra = new Uint8Array(pool.byteLength + 1);
    extra.set(pool);
    expect(() => unpackPool(extra)).toThrow(/trailing/);
  });

  it('refuses references that do not fit', () => {
    const tiles = unpackPool(packMasks(new Map()).pool);
    expect(tiles).toHaveLength(0);
    expect(() => unpackMask({ width: 10, height: 10, tiles: [0] }, tiles)).toThrow(/tile 0/);
    expect(() => unpackMask({ width: 600, height: 10, tiles: [TILE_EMPTY] }, tiles)).toThrow(/600×10 mask has 1 tiles/);
  });
});
