import { describe, it, expect } from 'vitest';
import { maskRegionToRgbaOverlay, overlaySize, tileToOverlayRGBA } from './overlay';
import { maskFromArray } from './mask-region';
import { TILE_AREA, TILE_SIZE, createFullMask } from './tiled-mask';

describe('tileToOverlayRGBA', () => {
  it('fills uniform tiles with colour and scaled alpha', () => {
    const out = tileToOverlayRGBA(255, [10, 20, 30], 0.5);
    expect(out).toHaveLength(TILE_AREA * 4);
    expect(Array.from(out.subarray(0, 4))).toEqual([10, 20, 30, 128]);
    expect(Array.from(out.subarray(out.length - 4))).toEqual([10, 20, 30, 128]);
    expect(tileToOverlayRGBA(0, [1, 2, 3], 1)[3]).toBe(0);
  });

  it('maps data tile values to alpha and reuses the given buffer', () => {
    const tile = new Uint8Array(TILE_AREA);
    tile[1] = 200;
    tile[TILE_SIZE] = 100;
    const buf = new Uint8ClampedArray(TILE_AREA * 4);
    const out = tileToOverlayRGBA(tile, [255, 0, 0], 1, buf);
    expect(out).toBe(buf);
    expect(Array.from(out.subarray(4, 8))).toEqual([255, 0, 0, 200]);
    expect(out[TILE_SIZE * 4 + 3]).toBe(100);
    expect(out[3]).toBe(0);
  });

  it('works with an unaligned output view', () => {
    const backing = new Uint8ClampedArray(TILE_AREA * 4 + 1);
    const view = backing.subarray(1);
    tileToOverlayRGBA(255, [1, 2, 3], 1, view);
    expect(Array.from(view.subarray(0, 4))).toEqual([1, 2, 3, 255]);
  });
});

describe('maskRegionToRgbaOverlay', () => {
  it('box-downsamples a region at scale 0.5', () => {
    const data = new Uint8Array(4 * 4);
    data.set([255, 255, 0, 0, 255, 255, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0]);
    const m = maskFromArray(4, 4, data);
    const out = maskRegionToRgbaOverlay(m, { x: 0, y: 0, width: 4, height: 4 }, 0.5, [9, 8, 7], 1);
    expect(overlaySize({ x: 0, y: 0, width: 4, height: 4 }, 0.5)).toEqual({ width: 2, height: 2 });
    expect(out).toHaveLength(2 * 2 * 4);
    expect(Array.from(out.subarray(0, 4))).toEqual([9, 8, 7, 255]);
    expect(out[7]).toBe(25); // (0 + 0 + 0 + 100) / 4
    expect(out[11]).toBe(0);
  });

  it('reads zeros outside the mask, applies opacity and handles odd sizes', () => {
    const m = createFullMask(300, 300);
    const rect = { x: 290, y: 0, width: 21, height: 3 };
    const out = maskRegionToRgbaOverlay(m, rect, 1 / 3, [0, 0, 0], 0.5);
    expect(overlaySize(rect, 1 / 3)).toEqual({ width: 7, height: 1 });
    const alphas = Array.from({ length: 7 }, (_, i) => out[i * 4 + 3]);
    expect(alphas).toEqual([128, 128, 128, 43, 0, 0, 0]); // pixel 299 is the last inside one
  });

  it('is an identity copy of alpha at scale 1', () => {
    const data = new Uint8Array(300 * 2);
    for (let i = 0; i < data.length; i++) data[i] = i & 255;
    const m = maskFromArray(300, 2, data);
    const out = maskRegionToRgbaOverlay(m, { x: 250, y: 0, width: 20, height: 2 }, 1, [0, 0, 0], 1);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 20; x++) expect(out[(y * 20 + x) * 4 + 3]).toBe(data[y * 300 + 250 + x]);
  });
});
