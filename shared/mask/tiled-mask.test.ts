import { describe, it, expect } from 'vitest';
import {
  TILE_SIZE,
  TILE_AREA,
  buildMask,
  collapseTile,
  createEmptyMask,
  createFullMask,
  dirtyTileIndices,
  getMaskValue,
  materializeTile,
  tileRect,
} from './tiled-mask';

describe('createEmptyMask / createFullMask', () => {
  it('computes the tile grid for sizes that are not multiples of the tile size', () => {
    const m = createEmptyMask(600, 520);
    expect(m.cols).toBe(3);
    expect(m.rows).toBe(3);
    expect(m.tiles).toHaveLength(9);
    expect(m.tiles.every((t) => t === 0)).toBe(true);
    const f = createFullMask(256, 257);
    expect(f.cols).toBe(1);
    expect(f.rows).toBe(2);
    expect(f.tiles).toEqual([255, 255]);
  });

  it('handles zero-size masks and rejects invalid sizes', () => {
    expect(createEmptyMask(0, 0).tiles).toHaveLength(0);
    expect(() => createEmptyMask(-1, 5)).toThrow(RangeError);
    expect(() => createFullMask(1.5, 5)).toThrow(RangeError);
  });

  it('returns frozen masks', () => {
    const m = createEmptyMask(10, 10);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.tiles)).toBe(true);
  });
});

describe('getMaskValue', () => {
  it('reads uniform and data tiles and returns 0 outside', () => {
    const data = new Uint8Array(TILE_AREA);
    data[3 * TILE_SIZE + 2] = 77;
    const m = buildMask(300, 10, [data, 255]);
    expect(getMaskValue(m, 2, 3)).toBe(77);
    expect(getMaskValue(m, 2.9, 3.9)).toBe(77);
    expect(getMaskValue(m, 3, 3)).toBe(0);
    expect(getMaskValue(m, 299, 9)).toBe(255);
    expect(getMaskValue(m, 300, 9)).toBe(0);
    expect(getMaskValue(m, -1, 0)).toBe(0);
    expect(getMaskValue(m, 10, 10)).toBe(0);
  });
});

describe('materializeTile / collapseTile', () => {
  it('fills only the inside part of an edge tile', () => {
    const t = materializeTile(255, 10, 3);
    expect(t[0]).toBe(255);
    expect(t[9]).toBe(255);
    expect(t[10]).toBe(0);
    expect(t[2 * TILE_SIZE + 9]).toBe(255);
    expect(t[3 * TILE_SIZE]).toBe(0);
  });

  it('copies data tiles instead of aliasing them', () => {
    const d = new Uint8Array(TILE_AREA).fill(5);
    const c = materializeTile(d, TILE_SIZE, TILE_SIZE);
    expect(c === d).toBe(false);
    c[0] = 9;
    expect(d[0]).toBe(5);
  });

  it('collapses uniform inside parts, ignoring the outside part', () => {
    expect(collapseTile(materializeTile(255, 10, 3), 10, 3)).toBe(255);
    expect(collapseTile(new Uint8Array(TILE_AREA), TILE_SIZE, TILE_SIZE)).toBe(0);
    const mixed = materializeTile(255, 10, 3);
    mixed[5] = 254;
    expect(collapseTile(mixed, 10, 3)).toBe(mixed);
    expect(collapseTile(new Uint8Array(TILE_AREA).fill(7), TILE_SIZE, TILE_SIZE)).toBeInstanceOf(Uint8Array);
  });
});

describe('dirtyTileIndices / tileRect', () => {
  it('lists tiles whose object differs', () => {
    const a = createEmptyMask(600, 300);
    const d = new Uint8Array(TILE_AREA);
    const tiles = a.tiles.slice();
    tiles[1] = d;
    tiles[4] = 255;
    const b = buildMask(600, 300, tiles);
    expect(dirtyTileIndices(a, b)).toEqual([1, 4]);
    expect(dirtyTileIndices(a, a)).toEqual([]);
    expect(dirtyTileIndices(createEmptyMask(10, 10), b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives clipped document rects for tiles', () => {
    const m = createEmptyMask(600, 300);
    expect(tileRect(m, 0)).toEqual({ x: 0, y: 0, width: 256, height: 256 });
    expect(tileRect(m, 5)).toEqual({ x: 512, y: 256, width: 88, height: 44 });
  });
});
