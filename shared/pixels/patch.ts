/**
 * Turning a generated candidate into a patch: RGB from the (optionally colour-matched) generated
 * pixels, alpha from the feathered mask. Composited over the original (out = o·(1−a) + g·a), every
 * pixel whose alpha is 0 — everything outside the feather band — stays the original's bit for bit,
 * whatever the provider did there. All arrays are region-sized, row-major.
 */
import { boxBlur, dilateSquare, maskWindow } from './box-filter';
import { matchColours } from './colour-match';

export interface PatchInput {
  width: number;
  height: number;
  /** Generated pixels, RGBA, already scaled to the region. */
  generated: Uint8Array;
  /** The current composite of the region, RGBA (used for colour matching only). */
  original: Uint8Array;
  /** The edit mask, one byte per pixel, 255 = change. */
  mask: Uint8Array;
  /** Feather radius in document px (0 = hard edge). */
  featherPx: number;
  colourMatch: boolean;
}

/** How far outside the mask a feather of `px` can reach (px); beyond it patch alpha is 0. */
export function featherBand(px: number): number {
  // Two square boxes of radius r reach 2r along an axis and 2r·√2 at a corner.
  return px <= 0 ? 0 : Math.ceil(2 * Math.ceil(px / 2) * Math.SQRT2) + 1;
}

/**
 * Alpha of a patch: the mask, feathered by two box blurs of radius ⌈px/2⌉ (a smooth ramp about
 * ±px wide centred on the mask edge), computed only in a window around the mask.
 */
export function featheredAlpha(width: number, height: number, mask: Uint8Array, featherPx: number): Uint8Array {
  if (featherPx <= 0) return new Uint8Array(mask);
  const r = Math.ceil(featherPx / 2);
  const win = maskWindow(mask, width, height, 2 * r + 1);
  if (!win) return new Uint8Array(width * height);
  return boxBlur(boxBlur(mask, width, height, r, win), width, height, r, win);
}

/** 1 for pixels within `r` px (square) of the mask (values ≥ 128). */
export function dilatedMask(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const win = maskWindow(mask, width, height, r);
  return win ? dilateSquare(mask, width, height, r, win) : new Uint8Array(width * height);
}

export function buildPatch(p: PatchInput): Uint8Array {
  const { width, height } = p;
  const n = width * height;
  if (p.generated.length !== n * 4 || p.original.length !== n * 4 || p.mask.length !== n) {
    throw new RangeError(`patch buffers do not match ${width}×${height}`);
  }
  const alpha = featheredAlpha(width, height, p.mask, p.featherPx);
  let rgb = p.generated;
  if (p.colourMatch) {
    // Statistics from a ring of known pixels just outside the feather band, where generated and
    // original should agree; correct the generated pixels inside.
    // Ring = near the mask but where the patch is fully transparent (alpha 0).
    const ring = dilatedMask(p.mask, width, height, featherBand(p.featherPx) + 24);
    for (let i = 0; i < n; i++) if (ring[i] && alpha[i]) ring[i] = 0;
    rgb = matchColours(p.generated, p.original, ring, alpha);
  }
  const out = new Uint8Array(n * 4);
  for (let i = 0, q = 0; i < n; i++, q += 4) {
    const a = alpha[i];
    if (a === 0) continue; // fully transparent: RGB irrelevant, keep zeros (smaller PNGs)
    out[q] = rgb[q];
    out[q + 1] = rgb[q + 1];
    out[q + 2] = rgb[q + 2];
    out[q + 3] = a;
  }
  return out;
}

/** out = base·(1−a) + patch·a over RGBA buffers of the same size (used to preview and to chain edits). */
export function compositeOver(base: Uint8Array, patch: Uint8Array): Uint8Array {
  const out = new Uint8Array(base);
  for (let q = 0; q < base.length; q += 4) {
    const a = patch[q + 3];
    if (a === 0) continue;
    if (a === 255) {
      out[q] = patch[q];
      out[q + 1] = patch[q + 1];
      out[q + 2] = patch[q + 2];
      out[q + 3] = 255;
      continue;
    }
    const t = a / 255;
    out[q] = Math.round(base[q] * (1 - t) + patch[q] * t);
    out[q + 1] = Math.round(base[q + 1] * (1 - t) + patch[q + 1] * t);
    out[q + 2] = Math.round(base[q + 2] * (1 - t) + patch[q + 2] * t);
    out[q + 3] = Math.max(base[q + 3], a);
  }
  return out;
}
