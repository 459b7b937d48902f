/**
 * Turning a generated candidate into a patch: RGB from the (optionally colour-matched) generated
 * pixels, alpha from the feathered mask. Composited over the original (out = o·(1−a) + g·a), every
 * pixel whose alpha is 0 — everything outside the feather band — stays the original's bit for bit,
 * whatever the provider did there. All arrays are region-sized, row-major.
 */
import { dilateSquare, maskWindow, type Window } from './box-filter';
import { edgeTriangleBlur } from './triangle-blur';
import { colourLuts } from './colour-match';
import { MASK_ON } from '../mask/threshold';

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
export function featheredAlpha(width: number, height: number, mask: Uint8Array, featherPx: number, maskWin?: Window | null): Uint8Array {
  if (featherPx <= 0) return new Uint8Array(mask);
  const r = Math.ceil(featherPx / 2);
  const tight = maskWin === undefined ? maskWindow(mask, width, height, 0) : maskWin;
  if (!tight) return new Uint8Array(width * height);
  return edgeTriangleBlur(mask, width, height, r, padWindow(tight, 2 * r + 1, width, height));
}

function padWindow(w: Window, pad: number, width: number, height: number): Window {
  return { x0: Math.max(0, w.x0 - pad), y0: Math.max(0, w.y0 - pad), x1: Math.min(width, w.x1 + pad), y1: Math.min(height, w.y1 + pad) };
}

/** `on` (default 1) for pixels within `r` px (square) of the mask (values ≥ MASK_ON), else 0. */
export function dilatedMask(mask: Uint8Array, width: number, height: number, r: number, on = 1): Uint8Array {
  const win = maskWindow(mask, width, height, r);
  return win ? dilateSquare(mask, width, height, r, win, on) : new Uint8Array(width * height);
}

/**
 * The part of the generated pixels {@link buildPatch} reads (null: none): the mask's window padded by
 * the colour-match ring's reach (band + 24 px, sampled on a 4-px grid), which covers the feather's.
 * Outside it the generated pixels never matter, so main scales only this part of a provider's image.
 */
export function generatedWindow(mask: Uint8Array, width: number, height: number, featherPx: number): Window | null {
  const ring = 4 * Math.ceil((featherBand(featherPx) + 24) / 4) + 4;
  return maskWindow(mask, width, height, Math.max(ring, 2 * Math.ceil(featherPx / 2) + 1));
}

export function buildPatch(p: PatchInput): Uint8Array {
  const { width, height } = p;
  const n = width * height;
  if (p.generated.length !== n * 4 || p.original.length !== n * 4 || p.mask.length !== n) {
    throw new RangeError(`patch buffers do not match ${width}×${height}`);
  }
  return applyPatchPlan(planPatch(p.mask, width, height, p.featherPx, p.colourMatch), p.generated, p.original);
}

/**
 * Everything of a patch that depends on the mask alone: its window, the feathered alpha and the
 * colour-match ring. An edit computes it while the model works (main: `run-edit.ts`), so only the
 * colour statistics and one pass over the generated pixels are left once they arrive.
 */
export interface PatchPlan {
  width: number;
  height: number;
  /** The mask's own window (null: an empty mask, the patch is transparent). */
  tight: Window | null;
  alpha: Uint8Array | null;
  /** Ring pixels for the colour match (null: no colour match). */
  ring: Uint32Array | null;
  /** Where alpha can be non-zero. */
  win: Window | null;
}

/**
 * `solidMask`: the patch is opaque over the whole mask (values ≥ MASK_ON) and the feather's ramp shows
 * only outside it — for the offline engine, which fills the mask alone and returns every other pixel as
 * it was: the ramp then mixes the original with itself, and nothing of what the mask covered (the
 * removed object) shows through its edge, as the ramp's inner half let it.
 */
export function planPatch(
  mask: Uint8Array,
  width: number,
  height: number,
  featherPx: number,
  colourMatch: boolean,
  solidMask = false,
): PatchPlan {
  if (mask.length !== width * height) throw new RangeError(`patch mask does not match ${width}×${height}`);
  // One scan for the mask's window; everything below works inside it (plus the feather's reach).
  const tight = maskWindow(mask, width, height, 0);
  if (!tight) return { width, height, tight, alpha: null, ring: null, win: null };
  const alpha = featheredAlpha(width, height, mask, featherPx, tight);
  if (solidMask)
    for (let y = tight.y0; y < tight.y1; y++)
      for (let i = y * width + tight.x0, e = y * width + tight.x1; i < e; i++) if (mask[i] >= MASK_ON) alpha[i] = 255;
  // Colour match: statistics from a ring of known pixels just outside the feather band (where
  // generated and original should agree), applied as per-channel lookup tables.
  const ring = colourMatch ? sampledRing(mask, alpha, width, height, featherBand(featherPx), tight) : null;
  const win = padWindow(tight, 2 * Math.ceil(featherPx / 2) + 1, width, height);
  return { width, height, tight, alpha, ring, win };
}

/**
 * The patch from its plan and the generated (and, for the colour match, original) pixels of the region.
 * `inPlace`: the patch is written over `generated` (returned), not into a new buffer — every pixel
 * depends only on the same pixel of `generated` once the colour statistics are taken, and a second
 * region-sized buffer is a cost of its own (first-touching fresh memory is ≈ 3 ms per MB on the
 * machines measured).
 */
export function applyPatchPlan(plan: PatchPlan, generated: Uint8Array, original: Uint8Array, inPlace = false): Uint8Array {
  const { width, height, alpha, win } = plan;
  const n = width * height;
  if (generated.length !== n * 4 || original.length !== n * 4) throw new RangeError(`patch buffers do not match ${width}×${height}`);
  // In place needs whole-pixel (32-bit) access to `generated`; a view at an odd offset gets a new buffer.
  const own = inPlace && generated.byteOffset % 4 === 0;
  if (own && (!alpha || !win)) return generated.fill(0);
  const out = own ? generated : new Uint8Array(n * 4);
  if (!alpha || !win) return out;
  const luts = plan.ring ? colourLuts(generated, original, plan.ring) : IDENTITY;
  if (own) clearOutside(out, width, height, win);
  const [lr, lg, lb] = luts;
  const g = generated;
  // Whole-pixel reads and writes through 32-bit views (RGBA bytes in memory order = little-endian words).
  const out32 = new Uint32Array(out.buffer, out.byteOffset, n);
  const le = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const g32 = le && g.byteOffset % 4 === 0 ? new Uint32Array(g.buffer, g.byteOffset, n) : null;
  for (let y = win.y0; y < win.y1; y++) {
    for (let i = y * width + win.x0, e = y * width + win.x1; i < e; i++) {
      const a = alpha[i];
      if (a === 0) {
        out32[i] = 0; // fully transparent: RGB irrelevant, zeros (smaller PNGs)
        continue;
      }
      if (g32) {
        const v = g32[i];
        out32[i] = (lr[v & 255] | (lg[(v >>> 8) & 255] << 8) | (lb[(v >>> 16) & 255] << 16) | (a << 24)) >>> 0;
        continue;
      }
      const q = i * 4;
      if (le) out32[i] = (lr[g[q]] | (lg[g[q + 1]] << 8) | (lb[g[q + 2]] << 16) | (a << 24)) >>> 0;
      else {
        out[q] = lr[g[q]];
        out[q + 1] = lg[g[q + 1]];
        out[q + 2] = lb[g[q + 2]];
        out[q + 3] = a;
      }
    }
  }
  return out;
}

/** Zeroes every pixel of an RGBA buffer outside `win`. */
function clearOutside(rgba: Uint8Array, width: number, height: number, win: Window): void {
  const row = width * 4;
  rgba.fill(0, 0, win.y0 * row);
  rgba.fill(0, win.y1 * row, height * row);
  for (let y = win.y0; y < win.y1; y++) {
    rgba.fill(0, y * row, (y * width + win.x0) * 4);
    rgba.fill(0, (y * width + win.x1) * 4, (y + 1) * row);
  }
}

const IDENTITY_LUT = Uint8Array.from({ length: 256 }, (_, i) => i);
const IDENTITY: readonly Uint8Array[] = [IDENTITY_LUT, IDENTITY_LUT, IDENTITY_LUT];

/**
 * Ring pixels for colour statistics, sampled on a 4-px grid: within `band + 24` px (square) of the
 * mask but outside the patch (alpha 0). Sampling keeps the dilation cheap; the statistics barely move.
 */
function sampledRing(mask: Uint8Array, alpha: Uint8Array, width: number, height: number, band: number, win: Window): Uint32Array {
  const S = 4;
  const sw = Math.ceil(width / S);
  const sh = Math.ceil(height / S);
  const small = new Uint8Array(sw * sh);
  for (let y = win.y0; y < win.y1; y++) {
    const srow = ((y / S) | 0) * sw;
    for (let x = win.x0, i = y * width + x; x < win.x1; x++, i++) if (mask[i] >= MASK_ON) small[srow + ((x / S) | 0)] = 255;
  }
  const near = dilatedMask(small, sw, sh, Math.ceil((band + 24) / S));
  const picks: number[] = [];
  for (let sy = 0; sy < sh; sy++) {
    for (let sx = 0; sx < sw; sx++) {
      if (!near[sy * sw + sx]) continue;
      const i = Math.min(height - 1, sy * S) * width + Math.min(width - 1, sx * S);
      if (alpha[i] === 0 && mask[i] < MASK_ON) picks.push(i);
    }
  }
  return Uint32Array.from(picks);
}

/** out = base·(1−a) + patch·a over RGBA buffers of the same size (used to preview and to chain edits). */
export function compositeOver(base: Uint8Array, patch: Uint8Array): Uint8Array {
  const out = new Uint8Array(base);
  // The buffers as one row: the same per-pixel arithmetic as the block form below.
  const pixels = base.length / 4;
  compositeOverInto(out, pixels, patch, pixels, { sx: 0, sy: 0, dx: 0, dy: 0, width: pixels, height: 1 });
  return out;
}

/**
 * `compositeOver` in place, for a `width`×`height` block: src (rows of `srcWidth` px, from sx, sy)
 * over dst (rows of `dstWidth` px, at dx, dy). Only the block's pixels are read and written — a patch
 * costs its own area, not the whole buffer's.
 */
export function compositeOverInto(
  dst: Uint8Array,
  dstWidth: number,
  src: Uint8Array,
  srcWidth: number,
  b: { sx: number; sy: number; dx: number; dy: number; width: number; height: number },
): void {
  for (let y = 0; y < b.height; y++) {
    let s = ((b.sy + y) * srcWidth + b.sx) * 4;
    let d = ((b.dy + y) * dstWidth + b.dx) * 4;
    for (let x = 0; x < b.width; x++, s += 4, d += 4) {
      const a = src[s + 3];
      if (a === 0) continue;
      if (a === 255) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = 255;
        continue;
      }
      const t = a / 255;
      dst[d] = Math.round(dst[d] * (1 - t) + src[s] * t);
      dst[d + 1] = Math.round(dst[d + 1] * (1 - t) + src[s + 1] * t);
      dst[d + 2] = Math.round(dst[d + 2] * (1 - t) + src[s + 2] * t);
      dst[d + 3] = Math.max(dst[d + 3], a);
    }
  }
}
