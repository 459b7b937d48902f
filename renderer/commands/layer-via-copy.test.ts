import { describe, expect, it } from 'vitest';
import { applyCoverage, createEmptyMask, createFullMask, maskToArray, rasterizeRect } from '../../shared/mask';
import { viaCopyMask } from './layer-via-copy';

describe('viaCopyMask (Ctrl+J with a mask: the copy’s layer mask)', () => {
  const doc = applyCoverage(createEmptyMask(100, 80), rasterizeRect({ x: 20, y: 10, width: 30, height: 20 }), 'add');

  it('is the document mask over the layer’s rectangle, off the canvas hidden', () => {
    const m = viaCopyMask(doc, { x: 10, y: -5, width: 50, height: 40 }, null)!;
    expect([m.width, m.height]).toEqual([50, 40]);
    const v = maskToArray(m);
    expect(v[(10 + 5) * 50 + (20 - 10)]).toBe(255); // doc (20, 10)
    expect(v[(9 + 5) * 50 + (20 - 10)]).toBe(0); // doc (20, 9): outside the mask
    expect(v[0]).toBe(0); // doc (10, -5): above the canvas
    expect(v.filter((x) => x === 255).length).toBe(30 * 20);
  });

  it('times the layer’s own mask', () => {
    const own = applyCoverage(createFullMask(50, 40), rasterizeRect({ x: 10, y: 0, width: 15, height: 40 }), 'subtract', 0.5);
    const v = maskToArray(viaCopyMask(doc, { x: 10, y: 0, width: 50, height: 40 }, own)!);
    expect(v[15 * 50 + 12]).toBe(128); // doc (22, 15): masked, half hidden by the layer's mask
    expect(v[15 * 50 + 30]).toBe(255); // doc (40, 15)
  });

  it('is null when the mask covers none of the layer', () => {
    expect(viaCopyMask(doc, { x: 60, y: 40, width: 30, height: 30 }, null)).toBeNull();
    expect(viaCopyMask(doc, { x: 20, y: 10, width: 30, height: 20 }, createEmptyMask(30, 20))).toBeNull();
  });
});
