/**
 * Harmonic (Laplace) hole filling, solved coarse to fine so it converges on big holes in a few
 * dozen sweeps per level. Used as the smooth baseline and to seed the exemplar fill's coarsest level.
 */
import { assertImageAndMask, copyImage, NEUTRAL_GREY, type RgbaImage } from './types';
import { cropToLayer, maskBounds, padRect, pasteHole, type Layer } from './region';

/** Successive over-relaxation factor for the Gauss–Seidel sweeps. */
const SOR_OMEGA = 1.7;

/** Gauss–Seidel sweeps at the finest level and at each coarser level of the solve. */
export interface SweepCounts {
  /** Called after every sweep of every level (progress and cancellation of long solves). */
  onSweep?: () => void;
  fine: number;
  coarse: number;
}

/** Sweeps for an accurate solve; coarse levels are cheap, so they get more. */
export const DEFAULT_SWEEPS: SweepCounts = { fine: 40, coarse: 80 };

/** Pixel states of a diffusion problem (values of `Layer.hole` here). */
const KNOWN = 0;
const UNKNOWN = 1;
/** Neither solved nor used as a neighbour (Neumann boundary); see {@link harmonicFillLayer}. */
const IGNORED = 2;

function countState(hole: Uint8Array, state: number): number {
  let n = 0;
  for (let i = 0; i < hole.length; i++) if (hole[i] === state) n++;
  return n;
}

/**
 * Averages 2×2 blocks, keeping only known children. A coarse pixel is unknown only when none
 * of its children is known, so the known area grows and the hole vanishes after a few levels.
 */
function downsampleKnown(layer: Layer): Layer {
  const { width: w, height: h, pix, hole } = layer;
  const cw = (w + 1) >> 1;
  const ch = (h + 1) >> 1;
  const cpix = new Float32Array(cw * ch * 4);
  const chole = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let n = 0,
        unknown = 0;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let dy = 0; dy < 2; dy++) {
        const y = 2 * cy + dy;
        if (y >= h) break;
        for (let dx = 0; dx < 2; dx++) {
          const x = 2 * cx + dx;
          if (x >= w) break;
          const i = y * w + x;
          const st = hole[i];
          if (st !== KNOWN) {
            if (st === UNKNOWN) unknown = 1;
            continue;
          }
          const i4 = i * 4;
          r += pix[i4];
          g += pix[i4 + 1];
          b += pix[i4 + 2];
          a += pix[i4 + 3];
          n++;
        }
      }
      const ci = cy * cw + cx;
      if (n === 0) {
        chole[ci] = unknown ? UNKNOWN : IGNORED;
      } else {
        const c4 = ci * 4;
        cpix[c4] = r / n;
        cpix[c4 + 1] = g / n;
        cpix[c4 + 2] = b / n;
        cpix[c4 + 3] = a / n;
      }
    }
  }
  return { width: cw, height: ch, pix: cpix, hole: chole };
}

/**
 * Bilinearly samples the coarse layer into the unknown pixels of the fine layer, skipping
 * ignored coarse pixels (their weight is moved to the valid corners).
 */
function upsampleIntoHoles(fine: Layer, coarse: Layer): void {
  const { width: w, height: h, pix, hole } = fine;
  const { width: cw, height: ch, pix: cpix, hole: chole } = coarse;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y - 0.5) / 2, 0), ch - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, ch - 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (hole[i] !== UNKNOWN) continue;
      const fx = Math.min(Math.max((x - 0.5) / 2, 0), cw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, cw - 1);
      const tx = fx - x0;
      const ca = y0 * cw + x0,
        cb = y0 * cw + x1,
        cc = y1 * cw + x0,
        cd = y1 * cw + x1;
      const wa = chole[ca] === IGNORED ? 0 : (1 - tx) * (1 - ty);
      const wb = chole[cb] === IGNORED ? 0 : tx * (1 - ty);
      const wc = chole[cc] === IGNORED ? 0 : (1 - tx) * ty;
      const wd = chole[cd] === IGNORED ? 0 : tx * ty;
      const sum = wa + wb + wc + wd;
      if (sum <= 0) continue;
      for (let k = 0; k < 4; k++) {
        pix[i * 4 + k] = (wa * cpix[ca * 4 + k] + wb * cpix[cb * 4 + k] + wc * cpix[cc * 4 + k] + wd * cpix[cd * 4 + k]) / sum;
      }
    }
  }
}

/**
 * In-place SOR sweeps of the 4-neighbour Laplace equation over the hole pixels (Neumann at edges).
 * The neighbours each pixel averages (left, right, up, down among those not ignored) are listed
 * once before the sweeps, so a sweep is a tight loop over them.
 */
function relax(layer: Layer, sweeps: number, onSweep?: () => void): void {
  const { width: w, height: h, pix, hole } = layer;
  const idx = new Int32Array(countState(hole, UNKNOWN));
  for (let i = 0, k = 0; i < hole.length; i++) if (hole[i] === UNKNOWN) idx[k++] = i;
  // Up to 4 neighbour offsets (×4, into pix) per pixel, in the order left, right, up, down.
  const nbr = new Int32Array(idx.length * 4);
  const count = new Uint8Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const x = i % w;
    const y = (i - x) / w;
    let n = 0;
    if (x > 0 && hole[i - 1] !== IGNORED) nbr[k * 4 + n++] = (i - 1) * 4;
    if (x < w - 1 && hole[i + 1] !== IGNORED) nbr[k * 4 + n++] = (i + 1) * 4;
    if (y > 0 && hole[i - w] !== IGNORED) nbr[k * 4 + n++] = (i - w) * 4;
    if (y < h - 1 && hole[i + w] !== IGNORED) nbr[k * 4 + n++] = (i + w) * 4;
    count[k] = n;
  }
  for (let s = 0; s < sweeps; s++) {
    for (let k = 0; k < idx.length; k++) {
      const n = count[k];
      if (n === 0) continue;
      const i4 = idx[k] * 4;
      if (n === 4) {
        // Interior pixel (most of them): the same sums in the same order, unrolled.
        const q = k * 4;
        const j0 = nbr[q],
          j1 = nbr[q + 1],
          j2 = nbr[q + 2],
          j3 = nbr[q + 3];
        pix[i4] += SOR_OMEGA * ((0 + pix[j0] + pix[j1] + pix[j2] + pix[j3]) / 4 - pix[i4]);
        pix[i4 + 1] += SOR_OMEGA * ((0 + pix[j0 + 1] + pix[j1 + 1] + pix[j2 + 1] + pix[j3 + 1]) / 4 - pix[i4 + 1]);
        pix[i4 + 2] += SOR_OMEGA * ((0 + pix[j0 + 2] + pix[j1 + 2] + pix[j2 + 2] + pix[j3 + 2]) / 4 - pix[i4 + 2]);
        pix[i4 + 3] += SOR_OMEGA * ((0 + pix[j0 + 3] + pix[j1 + 3] + pix[j2 + 3] + pix[j3 + 3]) / 4 - pix[i4 + 3]);
        continue;
      }
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let q = k * 4, end = q + n; q < end; q++) {
        const j = nbr[q];
        r += pix[j];
        g += pix[j + 1];
        b += pix[j + 2];
        a += pix[j + 3];
      }
      pix[i4] += SOR_OMEGA * (r / n - pix[i4]);
      pix[i4 + 1] += SOR_OMEGA * (g / n - pix[i4 + 1]);
      pix[i4 + 2] += SOR_OMEGA * (b / n - pix[i4 + 2]);
      pix[i4 + 3] += SOR_OMEGA * (a / n - pix[i4 + 3]);
    }
    onSweep?.();
  }
}

/**
 * Fills the unknown pixels of `layer` in place with the harmonic interpolant of the known ones.
 * `layer.hole` holds 0 (known), 1 (unknown, solved) or 2 (ignored: neither solved nor used as
 * a neighbour). With no known pixel at all, unknown pixels become neutral grey
 * (128, 128, 128) and opaque.
 */
export function harmonicFillLayer(layer: Layer, sweeps: SweepCounts = DEFAULT_SWEEPS): void {
  const holes = countState(layer.hole, UNKNOWN);
  if (holes === 0) return;
  if (countState(layer.hole, KNOWN) === 0) {
    const pix = layer.pix;
    for (let i = 0; i < layer.hole.length; i++) {
      if (layer.hole[i] !== UNKNOWN) continue;
      const i4 = i * 4;
      pix[i4] = NEUTRAL_GREY;
      pix[i4 + 1] = NEUTRAL_GREY;
      pix[i4 + 2] = NEUTRAL_GREY;
      pix[i4 + 3] = 255;
    }
    return;
  }
  solveLevel(layer, 0, sweeps);
}

function solveLevel(layer: Layer, depth: number, sweeps: SweepCounts): void {
  const coarse = downsampleKnown(layer);
  if (countState(coarse.hole, UNKNOWN) > 0) solveLevel(coarse, depth + 1, sweeps);
  upsampleIntoHoles(layer, coarse);
  relax(layer, depth === 0 ? sweeps.fine : sweeps.coarse, sweeps.onSweep);
}

/**
 * Baseline fill: every hole pixel (`mask > 127`) becomes the harmonic (membrane) interpolation
 * of the pixels around the hole. Smooth and seamless, but it has no texture.
 * Pixels outside the mask are bit-identical to the input.
 * @param image - RGBA source image (not modified)
 * @param mask - one byte per pixel, same size as the image; `> 127` marks the hole
 */
export function diffusionFill(image: RgbaImage, mask: Uint8Array): RgbaImage {
  assertImageAndMask(image, mask);
  const out = copyImage(image);
  const bounds = maskBounds(mask, image.width, image.height);
  if (!bounds) return out;
  // A one-pixel ring is all the Dirichlet boundary the Laplace equation needs.
  const rect = padRect(bounds, 1, image.width, image.height);
  const layer = cropToLayer(image, mask, rect);
  harmonicFillLayer(layer);
  pasteHole(out, layer, rect);
  return out;
}
