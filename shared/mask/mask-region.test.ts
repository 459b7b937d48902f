import { describe, it, expect } from 'vitest';
import { maskFromArray, maskToArray, readMaskRegion } from './mask-region';
import { TILE_SIZE, createFullMask } from './tiled-mask';

/** Index of the first differing byte, or -1 (cheaper than deep-equal on big arrays). */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function pseudoRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('maskFromArray / maskToArray', () => {
  it('round-trips a 600x520 array with mixed tiles', () => {
    const w = 600;
    const h = 520;
    const rnd = pseudoRandom(1);
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (x >= 256 && x < 512 && y < 256)
          data[y * w + x] = 255; // full tile
        else if (x >= 512 && y >= 256)
          data[y * w + x] = Math.floor(rnd() * 256); // edge tiles
        else if (x < 256 && y < 256 && (x + y) % 7 === 0) data[y * w + x] = 100;
      }
    }
    const m = maskFromArray(w, h, data);
    expect(m.tiles[0]).toBeInstanceOf(Uint8Array);
    expect(m.tiles[1]).toBe(255);
    expect(m.tiles[3]).toBe(0);
    expect(m.tiles[5]).toBeInstanceOf(Uint8Array);
    expect(firstDiff(maskToArray(m), data)).toBe(-1);
  });

  it('collapses uniform tiles including partial edge tiles', () => {
    const m = maskFromArray(300, 300, new Uint8Array(300 * 300).fill(255));
    expect(m.tiles).toEqual([255, 255, 255, 255]);
    const e = maskFromArray(300, 300, new Uint8Array(300 * 300));
    expect(e.tiles).toEqual([0, 0, 0, 0]);
  });

  it('keeps the part of edge tiles outside the mask at 0', () => {
    const w = 300;
    const h = 270;
    const data = new Uint8Array(w * h).fill(200);
    const m = maskFromArray(w, h, data);
    const edge = m.tiles[3] as Uint8Array; // covers x 256..299, y 256..269
    expect(edge).toBeInstanceOf(Uint8Array);
    expect(edge[0]).toBe(200);
    expect(edge[43]).toBe(200);
    expect(edge[44]).toBe(0);
    expect(edge[13 * TILE_SIZE]).toBe(200);
    expect(edge[14 * TILE_SIZE]).toBe(0);
    expect(edge.reduce((s, v) => s + v, 0)).toBe(200 * 44 * 14);
  });

  it('does not keep a reference to the input array', () => {
    const data = new Uint8Array(10 * 10);
    data[5] = 9;
    const m = maskFromArray(10, 10, data);
    data[5] = 1;
    expect(maskToArray(m)[5]).toBe(9);
  });

  it('rejects a wrong data length', () => {
    expect(() => maskFromArray(10, 10, new Uint8Array(99))).toThrow(RangeError);
  });
});

describe('readMaskRegion', () => {
  it('reads a region crossing tile boundaries', () => {
    const w = 600;
    const h = 520;
    const data = new Uint8Array(w * h);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
    const m = maskFromArray(w, h, data);
    const rect = { x: 250, y: 250, width: 20, height: 15 };
    const r = readMaskRegion(m, rect);
    for (let y = 0; y < rect.height; y++) {
      for (let x = 0; x < rect.width; x++) {
        expect(r[y * rect.width + x]).toBe(data[(rect.y + y) * w + rect.x + x]);
      }
    }
  });

  it('reads zeros outside the mask', () => {
    const m = createFullMask(10, 10);
    const r = readMaskRegion(m, { x: -2, y: 8, width: 5, height: 4 });
    expect(Array.from(r)).toEqual([0, 0, 255, 255, 255, 0, 0, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(readMaskRegion(m, { x: 20, y: 20, width: 3, height: 3 })).toEqual(new Uint8Array(9));
    expect(readMaskRegion(m, { x: 0, y: 0, width: 0, height: 3 })).toHaveLength(0);
  });
});
