/**
 * Rectangle and ellipse selections rasterised to coverage patches. Document pixels; pixel
 * `(x, y)` covers `[x, x + 1) × [y, y + 1)`.
 */
import { boundingIntRect } from '../geometry/rect';
import type { Coverage, Rect } from './tiled-mask';

/** Normalises a rect with possibly negative width/height (a drag in any direction). */
function normalize(r: Rect): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.min(r.x, r.x + r.width),
    y0: Math.min(r.y, r.y + r.height),
    x1: Math.max(r.x, r.x + r.width),
    y1: Math.max(r.y, r.y + r.height),
  };
}

/** Fraction (0..1) of the unit interval `[i, i + 1)` covered by `[a, b)`. */
function overlap(i: number, a: number, b: number): number {
  return Math.max(0, Math.min(i + 1, b) - Math.max(i, a));
}

/**
 * Rasterises a rectangle selection (document pixels). Integer rects give exactly 255 inside;
 * fractional edges get area coverage. Negative width/height are normalised.
 */
export function rasterizeRect(rect: Rect): Coverage {
  const { x0, y0, x1, y1 } = normalize(rect);
  const out = boundingIntRect(x0, y0, x1, y1);
  const data = new Uint8Array(Math.max(0, out.width * out.height));
  if (!(x1 > x0 && y1 > y0)) return { rect: out, data };
  const colCov = new Float64Array(out.width);
  for (let i = 0; i < out.width; i++) colCov[i] = overlap(out.x + i, x0, x1);
  for (let j = 0; j < out.height; j++) {
    const ry = overlap(out.y + j, y0, y1);
    const o = j * out.width;
    if (ry === 1) {
      for (let i = 0; i < out.width; i++) data[o + i] = Math.round(colCov[i] * 255);
    } else {
      for (let i = 0; i < out.width; i++) data[o + i] = Math.round(colCov[i] * ry * 255);
    }
  }
  return { rect: out, data };
}

/**
 * Rasterises the ellipse inscribed in `rect` (document pixels) with an anti-aliased edge
 * (coverage from an approximate signed distance of each pixel centre to the ellipse).
 */
export function rasterizeEllipse(rect: Rect): Coverage {
  const { x0, y0, x1, y1 } = normalize(rect);
  const out = boundingIntRect(x0, y0, x1, y1);
  const data = new Uint8Array(Math.max(0, out.width * out.height));
  const a = (x1 - x0) / 2;
  const b = (y1 - y0) / 2;
  if (!(a > 0 && b > 0)) return { rect: out, data };
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const ia2 = 1 / (a * a);
  const ib2 = 1 / (b * b);
  for (let j = 0; j < out.height; j++) {
    const dy = out.y + j + 0.5 - cy;
    const o = j * out.width;
    for (let i = 0; i < out.width; i++) {
      const dx = out.x + i + 0.5 - cx;
      const k2 = dx * dx * ia2 + dy * dy * ib2;
      const k = Math.sqrt(k2);
      if (k === 0) {
        data[o + i] = Math.min(a, b) >= 0.5 ? 255 : Math.round(Math.min(a, b) * 2 * 255);
        continue;
      }
      // Signed distance ≈ (k - 1) / |∇k|, with ∇k = (dx/a², dy/b²) / k.
      const gx = dx * ia2;
      const gy = dy * ib2;
      const grad = Math.sqrt(gx * gx + gy * gy) / k;
      const dist = (k - 1) / grad;
      const v = 0.5 - dist;
      data[o + i] = v >= 1 ? 255 : v <= 0 ? 0 : Math.round(v * 255);
    }
  }
  return { rect: out, data };
}
