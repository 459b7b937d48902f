import { describe, expect, it } from 'vitest';
import { createEmptyMask, applyCoverage, rasterizeRect, readMaskRegion } from '../mask';
import { boxMean, fastGuidedFilter, guidedFilter } from './guided-filter';
import { refineAlongEdge, upsampleBilinear } from './edge-refine';
import { refineMaskEdge } from './refine-mask';
import { cropImage, memorySource, downscaleArea } from './rgba';
import { makeScene, iou } from './test-scenes';
import { selectObject } from './object-select';

/** A photo whose left 37 columns are dark and the rest bright. */
function stepImage(w: number, h: number, edge: number) {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const v = x < edge ? 30 : 220;
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

describe('guided filter', () => {
  it('moves a mask edge that is 4 px off onto the photo edge', () => {
    const w = 80;
    const h = 20;
    const img = stepImage(w, h, 37);
    const p = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < 41; x++) p[y * w + x] = 1;
    const q = guidedFilter(img.data, p, w, h, 8, 1e-4);
    const row = 10 * w;
    // The jump is now at the photo's edge (x = 37), not at the mask's (x = 41).
    expect(q[row + 36]).toBeGreaterThan(0.95);
    expect(q[row + 37]).toBeLessThan(0.6);
    expect(q[row + 40]).toBeLessThan(0.45);
  });

  it('the fast variant (coefficients on a 4× smaller copy) puts the edge where the exact filter does', () => {
    const w = 160;
    const h = 40;
    const img = stepImage(w, h, 77);
    const p = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < 83; x++) p[y * w + x] = 1;
    const exact = guidedFilter(img.data, p, w, h, 10, 1e-3);
    const fast = fastGuidedFilter(img.data, p, w, h, 10, 1e-3, 4);
    // The steepest drop along a row is at the photo's edge (76 → 77) in both, not at the mask's (82 → 83).
    const steepest = (q: Float32Array) => {
      let at = 0;
      for (let x = 1; x < w - 1; x++) if (q[20 * w + x] - q[20 * w + x + 1] > q[20 * w + at] - q[20 * w + at + 1]) at = x;
      return at;
    };
    expect(steepest(exact)).toBe(76);
    expect(steepest(fast)).toBe(76);
    expect(fast[20 * w + 77]).toBeLessThan(0.6);
    let diff = 0;
    for (let i = 0; i < w * h; i++) diff += Math.abs(fast[i] - exact[i]);
    expect(diff / (w * h)).toBeLessThan(0.03);
    // s = 1 is the exact filter.
    expect(Array.from(fastGuidedFilter(img.data, p, w, h, 10, 1e-3, 1))).toEqual(Array.from(exact));
  });

  it('refineMaskEdge snaps a rectangle selection to the edge and leaves far pixels alone', () => {
    const w = 300;
    const h = 200;
    const img = stepImage(w, h, 150);
    let mask = createEmptyMask(w, h);
    mask = applyCoverage(mask, rasterizeRect({ x: 0, y: 0, width: 156, height: h }), 'add');
    const cov = refineMaskEdge(memorySource(img), mask, { radius: 10, smoothness: 0 });
    expect(cov).not.toBeNull();
    const out = applyCoverage(mask, cov!, 'replace');
    const row = readMaskRegion(out, { x: 0, y: 100, width: w, height: 1 });
    expect(row[146]).toBeGreaterThan(200);
    expect(row[153]).toBeLessThan(60);
    expect(row[20]).toBe(255);
    expect(row[250]).toBe(0);
  });

  it('upsamples bilinearly with centres aligned', () => {
    const up = upsampleBilinear(new Uint8Array([0, 255]), 2, 1, 4, 1);
    expect(Array.from(up)).toEqual([0, 64, 191, 255]);
  });

  it('refineAlongEdge block by block equals filtering the whole region at once (no seams), hard and soft masks', () => {
    const w = 230;
    const h = 190;
    const s = makeScene({ width: w, height: h, shape: 'star', fg: [200, 150, 70], bg: [60, 90, 130], stripes: 9, noise: 12 });
    // A blocky, offset version of the truth (hard), and the same feathered (a soft ramp ~20 px wide), as
    // a marquee or lasso feathered 10 px and then refined; and a flat 70 % area (a uniform mid value).
    const hard = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) hard[y * w + x] = s.truth[Math.min(h - 1, y + 3) * w + Math.max(0, x - 2)] ? 255 : 0;
    const feathered = new Uint8Array(w * h);
    const tmp = new Float32Array(w * h);
    const f = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) tmp[i] = hard[i];
    boxMean(tmp, w, h, 5, f, new Float32Array(w * h));
    boxMean(f, w, h, 5, tmp, new Float32Array(w * h));
    for (let i = 0; i < w * h; i++) feathered[i] = Math.round(tmp[i]);
    const flat70 = feathered.map((v, i) => (i % w < 150 ? 179 : v));
    const level = (q: number, sharpen: number) => {
      const v = (q - 0.5) * sharpen + 0.5;
      return v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
    };
    for (const [soft, radius, block, passes, sharpen] of [
      [hard, 4, 16, 1, 2],
      [hard, 6, 64, 2, 3],
      [feathered, 10, 64, 2, 3],
      [feathered, 5, 32, 2, 3],
      [flat70, 6, 64, 2, 3],
    ] as const) {
      let q: Float32Array = Float32Array.from(soft, (v) => v / 255);
      for (let k = 0; k < passes; k++) q = guidedFilter(s.img.data, q, w, h, radius, 1e-3);
      const whole = Array.from(q, (v) => level(v, sharpen));
      const work = soft.slice();
      const out = refineAlongEdge(memorySource(s.img), { x: 0, y: 0, width: w, height: h }, work, {
        radius,
        eps: 1e-3,
        sharpen,
        passes,
        block,
      });
      expect(out).toBe(work);
      let worst = 0;
      for (let i = 0; i < w * h; i++) worst = Math.max(worst, Math.abs(out[i] - whole[i]));
      expect({ radius, block, passes, worst }).toEqual({ radius, block, passes, worst: Math.min(worst, 1) });
    }
  });

  it('refineAlongEdge leaves blocks without an edge untouched', () => {
    const img = stepImage(200, 200, 100);
    const soft = new Uint8Array(200 * 200).fill(255);
    const out = refineAlongEdge(memorySource(img), { x: 0, y: 0, width: 200, height: 200 }, soft, { radius: 4, eps: 1e-3 });
    expect(out.every((v) => v === 255)).toBe(true);
  });
});

describe('object select end to end', () => {
  it('a rectangle on a 1200×900 scene: IoU > 0.95 at full resolution, nothing outside the rectangle', () => {
    const s = makeScene({ width: 1200, height: 900, shape: 'star', fg: [220, 160, 60], bg: [50, 100, 120], stripes: 20, noise: 10 });
    const rect = { x: 340, y: 200, width: 540, height: 500 };
    const res = selectObject(memorySource(s.img), { rect, maxSide: 200 });
    const full = new Uint8Array(1200 * 900);
    const { rect: r, data } = res.coverage;
    for (let y = 0; y < r.height; y++) full.set(data.subarray(y * r.width, (y + 1) * r.width), (r.y + y) * 1200 + r.x);
    expect(iou(full, s.truth)).toBeGreaterThan(0.95);
    for (let y = 0; y < r.height; y++) expect(data[y * r.width]).toBe(0);
  });

  it('select subject on a plain background with no rectangle', () => {
    const s = makeScene({
      width: 800,
      height: 600,
      shape: 'ellipse',
      fg: [180, 40, 40],
      bg: [240, 240, 240],
      noise: 3,
      box: [0.2, 0.3, 0.55, 0.9],
    });
    const res = selectObject(memorySource(s.img), { maxSide: 200 });
    expect(res.region).toEqual({ x: 0, y: 0, width: 800, height: 600 });
    expect(iou(res.coverage.data, s.truth)).toBeGreaterThan(0.96);
  });

  it('a "not object" stroke removes a part the colours alone would keep', () => {
    // Two same-coloured blobs in the rectangle; a stroke over the right one says it is not the object.
    const s = makeScene({
      width: 400,
      height: 200,
      shape: 'ellipse',
      fg: [230, 200, 40],
      bg: [30, 30, 30],
      noise: 4,
      box: [0.1, 0.2, 0.4, 0.8],
    });
    const twin = makeScene({
      width: 400,
      height: 200,
      shape: 'ellipse',
      fg: [230, 200, 40],
      bg: [30, 30, 30],
      noise: 4,
      box: [0.6, 0.2, 0.9, 0.8],
    });
    const data = new Uint8Array(s.img.data);
    for (let p = 0; p < 400 * 200; p++) if (twin.truth[p]) data.set(twin.img.data.subarray(p * 4, p * 4 + 4), p * 4);
    const src = memorySource({ width: 400, height: 200, data });
    const rect = { x: 10, y: 10, width: 380, height: 180 };
    const both = selectObject(src, { rect, maxSide: 200 });
    const at = (c: typeof both, x: number, y: number) => c.coverage.data[(y - c.region.y) * c.region.width + (x - c.region.x)];
    expect(at(both, 300, 100)).toBe(255);
    const one = selectObject(src, {
      rect,
      maxSide: 200,
      strokes: [
        {
          points: [
            { x: 300, y: 70 },
            { x: 300, y: 130 },
          ],
          size: 12,
          object: false,
        },
      ],
    });
    expect(at(one, 300, 100)).toBe(0);
    expect(at(one, 100, 100)).toBe(255);
  });

  it('downscaleArea of a rectangle equals downscaling its crop (within rounding)', () => {
    const s = makeScene({ width: 300, height: 200, shape: 'star', fg: [220, 160, 60], bg: [50, 100, 120], stripes: 20, noise: 30 });
    const rect = { x: 17, y: 9, width: 233, height: 151 };
    for (const [w, h] of [
      [233, 151],
      [50, 33],
      [7, 100],
    ]) {
      const a = downscaleArea(s.img, w, h, rect);
      const b = downscaleArea(cropImage(s.img, rect), w, h);
      expect([a.width, a.height]).toEqual([w, h]);
      for (let i = 0; i < a.data.length; i++) expect(Math.abs(a.data[i] - b.data[i])).toBeLessThanOrEqual(1);
    }
    // Each output pixel is the mean of the cell it covers (2×2 cells here).
    const d = downscaleArea(s.img, 100, 60, { x: 10, y: 20, width: 200, height: 120 });
    const at = (x: number, y: number, c: number) => s.img.data[(y * 300 + x) * 4 + c];
    for (const [ox, oy] of [
      [0, 0],
      [37, 22],
      [99, 59],
    ]) {
      for (let c = 0; c < 4; c++) {
        const x = 10 + 2 * ox;
        const y = 20 + 2 * oy;
        const mean = (at(x, y, c) + at(x + 1, y, c) + at(x, y + 1, c) + at(x + 1, y + 1, c)) / 4;
        expect(Math.abs(d.data[(oy * 100 + ox) * 4 + c] - mean)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('downscaleArea averages', () => {
    const d = downscaleArea({ width: 2, height: 1, data: new Uint8Array([0, 0, 0, 255, 200, 100, 50, 255]) }, 1, 1);
    expect(Array.from(d.data)).toEqual([100, 50, 25, 255]);
  });
});
