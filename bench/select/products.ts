/**
 * Rendered "products" with exact masks for the selection benchmark: bottle, mug (with a handle hole),
 * box, can, sneaker-like blob, flower. Each is an inside test in unit coordinates (−1..1 box) plus a
 * paint function (base colour, cylinder shading, a label band, noise); composited over a background
 * with 2×2 supersampled edges, so the truth (coverage ≥ ½) is exact.
 */
import { rng } from '../../shared/select/test-scenes';

export type Rgb = [number, number, number];
export const PRODUCT_KINDS = ['bottle', 'mug', 'box', 'can', 'sneaker', 'flower'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

function roundRect(u: number, v: number, hw: number, hh: number, r: number): boolean {
  const dx = Math.max(Math.abs(u) - (hw - r), 0);
  const dy = Math.max(Math.abs(v) - (hh - r), 0);
  return dx * dx + dy * dy <= r * r;
}

/** Inside test in the product's unit box (u, v in −1..1, v down). */
export function insideProduct(kind: ProductKind, u: number, v: number): boolean {
  switch (kind) {
    case 'bottle':
      return (
        roundRect(u, v - 0.25, 0.5, 0.75, 0.25) ||
        roundRect(u, v + 0.7, 0.18, 0.32, 0.06) ||
        (v > -0.55 && v < -0.3 && Math.abs(u) < 0.5 - (v + 0.3) * -1.3)
      );
    case 'mug': {
      const body = roundRect(u + 0.2, v, 0.6, 0.85, 0.12);
      const ring = ((u - 0.55) / 0.42) ** 2 + (v / 0.45) ** 2;
      return body || (ring <= 1 && ring >= 0.45 && u > 0.3);
    }
    case 'box': {
      const a = 0.2;
      const x = u * Math.cos(a) - v * Math.sin(a);
      const y = u * Math.sin(a) + v * Math.cos(a);
      return Math.abs(x) < 0.62 && Math.abs(y) < 0.72;
    }
    case 'can':
      return roundRect(u, v, 0.55, 0.95, 0.1) || (u / 0.55) ** 2 + ((v - 0.95) / 0.08) ** 2 <= 1;
    case 'sneaker':
      return (
        ((u + 0.1) / 0.9) ** 2 + ((v - 0.35) / 0.4) ** 2 <= 1 ||
        ((u + 0.45) / 0.45) ** 2 + ((v + 0.15) / 0.55) ** 2 <= 1 ||
        ((u - 0.6) / 0.35) ** 2 + ((v - 0.55) / 0.25) ** 2 <= 1
      );
    case 'flower': {
      const a = Math.atan2(v, u);
      const r = Math.hypot(u, v);
      return r <= 0.45 + 0.5 * Math.abs(Math.cos(3 * a));
    }
  }
}

export interface ProductLook {
  kind: ProductKind;
  base: Rgb;
  label: Rgb;
  /** Label band in v (−1..1). */
  labelV: [number, number];
  noise: number;
}

export function randomLook(kind: ProductKind, seed: number): ProductLook {
  const r = rng(seed * 7919 + 13);
  const col = (): Rgb => [Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256)];
  const a = -0.3 + r() * 0.5;
  return { kind, base: col(), label: col(), labelV: [a, a + 0.25 + r() * 0.25], noise: 4 + r() * 8 };
}

/** Colour of the product at (u, v), with deterministic noise from `rand`. */
export function paintProduct(look: ProductLook, u: number, v: number, rand: () => number): Rgb {
  const c = v > look.labelV[0] && v < look.labelV[1] ? look.label : look.base;
  // Cylinder-like light from the left: brighter at u ≈ −0.4, darker at the right edge.
  const shade = 0.75 + 0.35 * Math.cos((u + 0.4) * 1.3);
  const n = (rand() - 0.5) * 2 * look.noise;
  return [
    Math.max(0, Math.min(255, c[0] * shade + n)),
    Math.max(0, Math.min(255, c[1] * shade + n)),
    Math.max(0, Math.min(255, c[2] * shade + n)),
  ];
}

export interface Placement {
  /** Centre and half-size of the product's unit box, in image px. */
  cx: number;
  cy: number;
  hw: number;
  hh: number;
}

/**
 * Paints the product over `rgba` (in place) with 2×2 supersampled edges; returns the truth mask
 * (1 = product, where at least half of the pixel is covered).
 */
export function compositeProduct(
  rgba: Uint8Array,
  width: number,
  height: number,
  look: ProductLook,
  at: Placement,
  seed: number,
): Uint8Array {
  const truth = new Uint8Array(width * height);
  const rand = rng(seed);
  const x0 = Math.max(0, Math.floor(at.cx - at.hw - 2));
  const x1 = Math.min(width, Math.ceil(at.cx + at.hw + 2));
  const y0 = Math.max(0, Math.floor(at.cy - at.hh - 2));
  const y1 = Math.min(height, Math.ceil(at.cy + at.hh + 2));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let cov = 0;
      for (const [sx, sy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ]) {
        if (insideProduct(look.kind, (x + sx - at.cx) / at.hw, (y + sy - at.cy) / at.hh)) cov++;
      }
      if (!cov) continue;
      const p = y * width + x;
      if (cov >= 2) truth[p] = 1;
      const col = paintProduct(look, (x + 0.5 - at.cx) / at.hw, (y + 0.5 - at.cy) / at.hh, rand);
      const a = cov / 4;
      for (let k = 0; k < 3; k++) rgba[p * 4 + k] = Math.round(rgba[p * 4 + k] * (1 - a) + col[k] * a);
    }
  }
  return truth;
}

/** A studio background: a soft vertical gradient of a light or coloured paper, with a soft shadow under the product. */
export function studioBackground(width: number, height: number, seed: number, shadowUnder?: Placement): Uint8Array {
  const r = rng(seed * 31 + 5);
  const light = r() < 0.7;
  const top: Rgb = light ? [235 + r() * 20, 235 + r() * 20, 235 + r() * 20] : [60 + r() * 150, 60 + r() * 150, 60 + r() * 150];
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      let k = 1 - 0.12 * t;
      if (shadowUnder) {
        const dx = (x - shadowUnder.cx) / (shadowUnder.hw * 1.1);
        const dy = (y - (shadowUnder.cy + shadowUnder.hh)) / (shadowUnder.hh * 0.12);
        k *= 1 - 0.25 * Math.exp(-(dx * dx + dy * dy));
      }
      const n = (r() - 0.5) * 3;
      rgba[p] = Math.max(0, Math.min(255, top[0] * k + n));
      rgba[p + 1] = Math.max(0, Math.min(255, top[1] * k + n));
      rgba[p + 2] = Math.max(0, Math.min(255, top[2] * k + n));
      rgba[p + 3] = 255;
    }
  }
  return rgba;
}
