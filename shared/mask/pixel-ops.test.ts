import { describe, it, expect } from 'vitest';
import { clearMask, invertMask, mapMaskValues, thresholdMask } from './pixel-ops';
import { maskFromArray, maskToArray } from './mask-region';
import { TILE_SIZE, createEmptyMask, createFullMask, getMaskValue } from './tiled-mask';

function rampMask(w: number, h: number) {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (x < 280 && y < 270) data[y * w + x] = (x + y) & 255;
  return { data, mask: maskFromArray(w, h, data) };
}

function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('invertMask', () => {
  it('computes 255 - v and is an involution', () => {
    const { data, mask } = rampMask(600, 520);
    const inv = invertMask(mask);
    expect(getMaskValue(inv, 10, 20)).toBe(255 - 30);
    expect(getMaskValue(inv, 500, 500)).toBe(255);
    const twice = invertMask(inv);
    expect(firstDiff(maskToArray(twice), data)).toBe(-1);
    expect(twice.tiles.map((t) => typeof t)).toEqual(mask.tiles.map((t) => typeof t));
  });

  it('flips uniform tiles without allocating and keeps edge-tile outsides at 0', () => {
    const inv = invertMask(createEmptyMask(600, 520));
    expect(inv.tiles.every((t) => t === 255)).toBe(true);
    const { mask } = rampMask(300, 270);
    const edge = invertMask(mask).tiles[3] as Uint8Array; // inside part 44 x 14
    expect(edge).toBeInstanceOf(Uint8Array);
    expect(edge[0]).toBe(255 - ((256 + 256) & 255));
    expect(edge[44]).toBe(0);
    expect(edge[14 * TILE_SIZE]).toBe(0);
  });

  it('does not modify its input', () => {
    const { data, mask } = rampMask(300, 300);
    invertMask(mask);
    expect(firstDiff(maskToArray(mask), data)).toBe(-1);
  });
});

describe('thresholdMask', () => {
  it('binarises at t and collapses tiles', () => {
    const { mask } = rampMask(300, 300);
    const t = thresholdMask(mask, 100);
    expect(getMaskValue(t, 50, 49)).toBe(0); // 99
    expect(getMaskValue(t, 50, 50)).toBe(255); // 100
    const all = thresholdMask(mask, 0);
    expect(all.tiles.every((x) => x === 255)).toBe(true);
    const none = thresholdMask(mask, 256);
    expect(none.tiles.every((x) => x === 0)).toBe(true);
  });

  it('keeps already-binary tiles by reference', () => {
    const { mask } = rampMask(300, 300);
    const t = thresholdMask(mask, 100);
    const again = thresholdMask(t, 100);
    for (let i = 0; i < t.tiles.length; i++) expect(again.tiles[i] === t.tiles[i]).toBe(true);
  });
});

describe('clearMask / mapMaskValues', () => {
  it('clears to an empty mask of the same size', () => {
    const c = clearMask(createFullMask(600, 520));
    expect(c.width).toBe(600);
    expect(c.height).toBe(520);
    expect(c.tiles.every((t) => t === 0)).toBe(true);
  });

  it('materialises uniform tiles mapped to a mid value, and returns the input for identity', () => {
    const lut = new Uint8Array(256);
    lut[255] = 40;
    const m = mapMaskValues(createFullMask(300, 10), lut);
    expect(getMaskValue(m, 299, 9)).toBe(40);
    expect((m.tiles[1] as Uint8Array)[44]).toBe(0);
    const id = new Uint8Array(256).map((_, i) => i);
    const f = createFullMask(10, 10);
    expect(mapMaskValues(f, id)).toBe(f);
  });
});
