/**
 * Quality metrics for fills. All take 8-bit RGBA images of equal size and a mask where
 * `> 127` marks the hole; "grey" means Rec. 601 luma (0.299 R + 0.587 G + 0.114 B).
 */
import { HOLE_THRESHOLD, type Rect, type RgbaImage } from './types';

function luma(d: RgbaImage['data'], i: number): number {
  return 0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2];
}

function assertSameSize(a: RgbaImage, b: RgbaImage): void {
  if (a.width !== b.width || a.height !== b.height) {
    throw new RangeError(`size mismatch ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
}

/**
 * PSNR (dB, peak 255) over the RGB channels of hole pixels. `Infinity` when identical there or
 * when the mask is empty.
 */
export function psnrInMask(a: RgbaImage, b: RgbaImage, mask: Uint8Array): number {
  assertSameSize(a, b);
  let se = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] <= HOLE_THRESHOLD) continue;
    for (let c = 0; c < 3; c++) {
      const d = a.data[i * 4 + c] - b.data[i * 4 + c];
      se += d * d;
    }
    n += 3;
  }
  if (n === 0 || se === 0) return Infinity;
  return 10 * Math.log10((255 * 255) / (se / n));
}

/**
 * Mean grey SSIM (Wang et al. 2004, K1 = 0.01, K2 = 0.03, L = 255) over 8×8 windows with
 * stride 4 inside `rect` (clipped to the image). A rect smaller than 8 px is one window.
 */
export function ssimInRect(a: RgbaImage, b: RgbaImage, rect: Rect): number {
  assertSameSize(a, b);
  const x0 = Math.max(0, rect.x),
    y0 = Math.max(0, rect.y);
  const x1 = Math.min(a.width, rect.x + rect.width),
    y1 = Math.min(a.height, rect.y + rect.height);
  if (x1 <= x0 || y1 <= y0) return 1;
  const C1 = (0.01 * 255) ** 2,
    C2 = (0.03 * 255) ** 2;
  const win = 8,
    stride = 4;
  const wx = Math.min(win, x1 - x0),
    wy = Math.min(win, y1 - y0);
  let total = 0,
    count = 0;
  for (let y = y0; y + wy <= y1; y += stride) {
    for (let x = x0; x + wx <= x1; x += stride) {
      let sa = 0,
        sb = 0,
        saa = 0,
        sbb = 0,
        sab = 0;
      for (let yy = y; yy < y + wy; yy++) {
        for (let xx = x; xx < x + wx; xx++) {
          const i = yy * a.width + xx;
          const va = luma(a.data, i),
            vb = luma(b.data, i);
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const n = wx * wy;
      const ma = sa / n,
        mb = sb / n;
      const va = saa / n - ma * ma,
        vb = sbb / n - mb * mb,
        cov = sab / n - ma * mb;
      total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
      count++;
    }
  }
  return count === 0 ? 1 : total / count;
}

/**
 * Seam visibility: mean absolute RGB difference (per channel, 0..255) between each hole pixel
 * and each of its 4-neighbours outside the hole. The outside pixel is read from `original`
 * when given (identical in a valid fill) and from `result` otherwise. Lower is better; 0 when
 * there is no boundary.
 */
export function seamScore(result: RgbaImage, original: RgbaImage | undefined, mask: Uint8Array): number {
  const outside = original ?? result;
  assertSameSize(result, outside);
  const { width: w, height: h } = result;
  let sum = 0,
    pairs = 0;
  const pair = (i: number, j: number) => {
    if (mask[j] > HOLE_THRESHOLD) return;
    for (let c = 0; c < 3; c++) sum += Math.abs(result.data[i * 4 + c] - outside.data[j * 4 + c]);
    pairs++;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (mask[i] <= HOLE_THRESHOLD) continue;
      if (x > 0) pair(i, i - 1);
      if (x < w - 1) pair(i, i + 1);
      if (y > 0) pair(i, i - w);
      if (y < h - 1) pair(i, i + w);
    }
  }
  return pairs === 0 ? 0 : sum / (3 * pairs);
}

/** Mean grey gradient magnitude over hole pixels whose right and lower neighbours are holes too. */
function meanGradientInHole(img: RgbaImage, mask: Uint8Array): number {
  const { width: w, height: h } = img;
  let sum = 0,
    n = 0;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      if (mask[i] <= HOLE_THRESHOLD || mask[i + 1] <= HOLE_THRESHOLD || mask[i + w] <= HOLE_THRESHOLD) continue;
      const v = luma(img.data, i);
      const gx = luma(img.data, i + 1) - v,
        gy = luma(img.data, i + w) - v;
      sum += Math.sqrt(gx * gx + gy * gy);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Texture preservation: mean gradient magnitude inside the hole of `result` divided by the
 * same for `original` (the true content). ≈ 1 means as much detail as the truth; a blur gives
 * ≪ 1. Returns 1 when both are flat, `Infinity` when only the original is flat.
 */
export function textureScore(result: RgbaImage, original: RgbaImage, mask: Uint8Array): number {
  assertSameSize(result, original);
  const gr = meanGradientInHole(result, mask);
  const go = meanGradientInHole(original, mask);
  if (go === 0) return gr === 0 ? 1 : Infinity;
  return gr / go;
}

/** Number of pixels outside the hole where any of the four RGBA bytes of `a` and `b` differ. */
export function changedOutsideMask(a: RgbaImage, b: RgbaImage, mask: Uint8Array): number {
  assertSameSize(a, b);
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] > HOLE_THRESHOLD) continue;
    const i4 = i * 4;
    if (
      a.data[i4] !== b.data[i4] ||
      a.data[i4 + 1] !== b.data[i4 + 1] ||
      a.data[i4 + 2] !== b.data[i4 + 2] ||
      a.data[i4 + 3] !== b.data[i4 + 3]
    )
      n++;
  }
  return n;
}

/** A grey step counts as a sharp edge from this many levels (see {@link straightStepShare}). */
export const STRAIGHT_STEP_MIN = 12;
/** … and as a straight one when it runs along one row or column for at least this many pixels. */
export const STRAIGHT_STEP_RUN = 8;

/**
 * Share of hole pixels on straight, sharp, axis-aligned grey steps: a step between two neighbouring
 * hole pixels of at least {@link STRAIGHT_STEP_MIN} levels and more than twice the steps just before
 * and after it across the edge (a jump, not a soft out-of-focus ramp), on a run of at least
 * {@link STRAIGHT_STEP_RUN} such steps along the same row or column (counted once per step). It
 * catches a mosaic of copied patches with straight seams between them, which photographs rarely
 * have (foliage-branch's blob hole: 0.0005 in the truth, 0.0063 in the fill of 2026-12-07 morning).
 */
export function straightStepShare(result: RgbaImage, mask: Uint8Array): number {
  const { width: w, height: h, data } = result;
  const grey = new Float32Array(w * h);
  let n = 0;
  for (let i = 0; i < w * h; i++) {
    grey[i] = luma(data, i);
    if (mask[i] > HOLE_THRESHOLD) n++;
  }
  const sharp = (i: number, across: number) => {
    if (mask[i] <= HOLE_THRESHOLD || mask[i + across] <= HOLE_THRESHOLD) return false;
    const step = Math.abs(grey[i + across] - grey[i]);
    return (
      step >= STRAIGHT_STEP_MIN &&
      step > 2 * Math.abs(grey[i] - grey[i - across]) &&
      step > 2 * Math.abs(grey[i + 2 * across] - grey[i + across])
    );
  };
  let onRuns = 0;
  // Horizontal edges (a step between rows a and a + 1, running along x), then vertical ones.
  for (const vertical of [false, true]) {
    const lines = vertical ? w : h,
      len = vertical ? h : w;
    const across = vertical ? 1 : w;
    for (let a = 1; a < lines - 2; a++) {
      let run = 0;
      for (let b = 0; b <= len; b++) {
        if (b < len && sharp(vertical ? b * w + a : a * w + b, across)) run++;
        else {
          if (run >= STRAIGHT_STEP_RUN) onRuns += run;
          run = 0;
        }
      }
    }
  }
  return n === 0 ? 0 : onRuns / n;
}
