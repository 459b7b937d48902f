import { describe, expect, it } from 'vitest';
import { applyCoverage, countMaskPixels, createEmptyMask, getMaskValue, rasterizeRect } from '../../shared/mask';
import type { DocState } from './document-types';
import { clampBand, extendDocument, extensionMask, extensionProblem } from './extend-document';

function doc(): DocState {
  return {
    id: 'd1',
    canvas: { width: 540, height: 960 },
    original: { assetId: 'asset-original', name: 'poster.png', width: 540, height: 960, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: 'mask-1',
    layers: [{ id: 'l1', name: 'p', assetId: 'asset-patch-1', x: 10, y: 20, width: 100, height: 50 }],
    versions: [],
  };
}

describe('extendDocument', () => {
  it('sets the canvas, moves the original and every layer by the same offset, and swaps the mask', () => {
    const d = doc();
    const next = extendDocument(d, { width: 2240, height: 960 }, { x: 850, y: 0 }, 'mask-2');
    expect(next.canvas).toEqual({ width: 2240, height: 960 });
    expect(next.original).toMatchObject({ x: 850, y: 0, width: 540, height: 960, assetId: 'asset-original' });
    expect(next.layers[0]).toMatchObject({ x: 860, y: 20, width: 100, height: 50, assetId: 'asset-patch-1' });
    expect(next.maskId).toBe('mask-2');
    // Pure: the old document is untouched.
    expect(d.canvas).toEqual({ width: 540, height: 960 });
    expect(d.layers[0].x).toBe(10);
  });

  it('moves every version with the layers: its region and the layers Restore brings back', () => {
    const d = doc();
    const layer = d.layers[0];
    d.versions = [
      {
        id: 'v1',
        layerId: 'l1',
        model: 'local',
        prompt: '',
        requestSize: { width: 100, height: 50 },
        region: { x: 10, y: 20, width: 100, height: 50 },
        costUsd: 0,
        seconds: 1,
        createdAt: 1,
        layersAfter: [layer],
      },
    ];
    const next = extendDocument(d, { width: 2240, height: 1060 }, { x: 850, y: 100 }, 'mask-2');
    expect(next.versions[0].region).toEqual({ x: 860, y: 120, width: 100, height: 50 });
    expect(next.versions[0].layersAfter).toEqual([next.layers[0]]);
    expect(d.versions[0].region.x).toBe(10);
  });

  it('refuses anything but growth', () => {
    const d = doc();
    expect(extensionProblem(d, { width: 2240, height: 960 }, { x: 850, y: 0 })).toBeNull();
    expect(extensionProblem(d, { width: 540, height: 960 }, { x: 0, y: 0 })).toMatch(/unchanged/);
    expect(extensionProblem(d, { width: 600, height: 960 }, { x: -1, y: 0 })).toMatch(/only grow/);
    expect(extensionProblem(d, { width: 600, height: 960 }, { x: 100, y: 0 })).toMatch(/contain/);
    expect(extensionProblem(d, { width: 600.5, height: 960 }, { x: 0, y: 0 })).toMatch(/whole/);
  });
});

describe('extensionMask', () => {
  it('new area + a band into the original on the extended sides only', () => {
    const m = extensionMask(createEmptyMask(540, 960), { width: 2240, height: 960 }, { x: 850, y: 0 }, 32);
    expect([m.width, m.height]).toEqual([2240, 960]);
    expect(getMaskValue(m, 0, 0)).toBe(255);
    expect(getMaskValue(m, 849, 500)).toBe(255);
    expect(getMaskValue(m, 850 + 31, 500)).toBe(255); // band, left
    expect(getMaskValue(m, 850 + 32, 500)).toBe(0);
    expect(getMaskValue(m, 850 + 540 - 33, 500)).toBe(0);
    expect(getMaskValue(m, 850 + 540 - 32, 500)).toBe(255); // band, right
    // Top and bottom did not grow: no band there.
    expect(getMaskValue(m, 1100, 0)).toBe(0);
    expect(getMaskValue(m, 1100, 959)).toBe(0);
    expect(countMaskPixels(m)).toBe(2240 * 960 - (540 - 64) * 960);
  });

  it('one-sided growth bands only that side; band 0 masks just the new area', () => {
    const m = extensionMask(createEmptyMask(300, 200), { width: 300, height: 260 }, { x: 0, y: 60 }, 10);
    expect(getMaskValue(m, 150, 69)).toBe(255);
    expect(getMaskValue(m, 150, 70)).toBe(0);
    expect(getMaskValue(m, 0, 150)).toBe(0);
    expect(getMaskValue(m, 150, 259)).toBe(0);
    const z = extensionMask(createEmptyMask(300, 200), { width: 300, height: 260 }, { x: 0, y: 60 }, 0);
    expect(countMaskPixels(z)).toBe(300 * 60);
  });

  it('keeps the existing mask, shifted', () => {
    const old = applyCoverage(createEmptyMask(400, 300), rasterizeRect({ x: 100, y: 100, width: 20, height: 10 }), 'add', 0.5);
    const m = extensionMask(old, { width: 600, height: 300 }, { x: 200, y: 0 }, 16);
    expect(getMaskValue(m, 305, 105)).toBe(getMaskValue(old, 105, 105));
    expect(getMaskValue(m, 305, 105)).toBeGreaterThan(100);
    expect(getMaskValue(m, 105, 105)).toBe(255); // new area
    expect(getMaskValue(m, 350, 200)).toBe(0);
  });

  it('a band wider than the original masks it all without breaking', () => {
    const m = extensionMask(createEmptyMask(40, 40), { width: 120, height: 40 }, { x: 40, y: 0 }, 64);
    expect(countMaskPixels(m)).toBe(120 * 40);
  });

  it('clampBand', () => {
    expect(clampBand(-3)).toBe(0);
    expect(clampBand(31.6)).toBe(32);
    expect(clampBand(9999)).toBe(256);
    expect(clampBand(Number.NaN)).toBe(32);
  });
});
