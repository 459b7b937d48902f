import { describe, expect, it } from 'vitest';
import { SOFTEN, softenSeam } from './seam-soften';
import type { Layer } from './region';

/** A flat grey layer (value 100) with a square hole filled at `fill`. */
function layerWithHole(w: number, h: number, hole: { x0: number; y0: number; x1: number; y1: number }, fill: number): Layer {
  const pix = new Float32Array(w * h * 4);
  const holeMap = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const inside = x >= hole.x0 && x < hole.x1 && y >= hole.y0 && y < hole.y1;
      holeMap[i] = inside ? 1 : 0;
      pix.set([inside ? fill : 100, inside ? fill : 100, inside ? fill : 100, 255], i * 4);
    }
  return { width: w, height: h, pix, hole: holeMap };
}

describe('softenSeam', () => {
  it('moves the first hole layer halfway and the second a quarter towards their neighbours; deeper and known pixels stay', () => {
    const w = 20;
    const layer = layerWithHole(w, 20, { x0: 5, y0: 5, x1: 15, y1: 15 }, 140);
    const known = layer.pix.slice();
    softenSeam(layer);
    const at = (x: number, y: number) => layer.pix[(y * w + x) * 4];
    // A first-layer pixel on the left side: one known neighbour (100) → 140 + 0.5 × (100 − 140).
    expect(at(5, 10)).toBeCloseTo(140 + SOFTEN[0] * (100 - 140), 4);
    // A corner: two known neighbours, still 100 on average.
    expect(at(5, 5)).toBeCloseTo(120, 4);
    // The second layer leans on its first-layer neighbour (120) and its hole neighbours (140).
    const second = at(6, 10);
    expect(second).toBeLessThan(140);
    expect(second).toBeGreaterThan(130);
    // Deeper pixels and every known pixel are untouched; alpha too.
    expect(at(10, 10)).toBe(140);
    for (let i = 0; i < w * 20; i++) {
      if (!layer.hole[i]) expect(layer.pix[i * 4]).toBe(known[i * 4]);
      expect(layer.pix[i * 4 + 3]).toBe(255);
    }
  });

  it('leaves a fill that already meets its neighbours as it is', () => {
    const layer = layerWithHole(16, 16, { x0: 4, y0: 4, x1: 12, y1: 12 }, 100);
    const before = layer.pix.slice();
    softenSeam(layer);
    expect(Buffer.from(layer.pix.buffer).equals(Buffer.from(before.buffer))).toBe(true);
  });

  it('a hole at the layer’s edge and a hole with no known neighbour do not fail', () => {
    const edge = layerWithHole(10, 10, { x0: 0, y0: 0, x1: 10, y1: 3 }, 50);
    softenSeam(edge);
    expect(edge.pix[(2 * 10 + 4) * 4]).toBeCloseTo(75, 4);
    const all = layerWithHole(6, 6, { x0: 0, y0: 0, x1: 6, y1: 6 }, 80);
    softenSeam(all);
    expect(all.pix.every((v, i) => v === (i % 4 === 3 ? 255 : 80))).toBe(true);
  });
});
