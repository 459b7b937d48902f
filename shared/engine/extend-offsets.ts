/**
 * The low-frequency part of the extension's full-resolution copy (extend.ts): per coarse cell, the
 * colour offset added to the pixels copied through it, and the separable blur it is built from.
 * Both report progress per band of rows (on an 8:1 poster they are a noticeable step).
 */
import type { Layer } from './region';

/** Rows of one blur pass between progress reports. */
const BLUR_ROWS_PER_TICK = 16;

/** Gaussian σ (coarse pixels) of the low-frequency offsets. */
const OFFSET_SIGMA = 1.5;
/** Gaussian σ (coarse pixels) of the large scale, pulled towards the membrane. */
const LARGE_SIGMA = 4;
/** How much of the large scale comes from the membrane rather than the synthesis (0..1). */
export const MEMBRANE_SHARE = 0.5;
/**
 * Most the membrane may move a cell's large-scale colour (RGB distance, 0..255 levels). Where the
 * synthesis copies something distinct from the membrane's blend of the band's colours (a white
 * flower at ladybird's band, the dark gaps between colorful-cups' cups), half the difference made
 * a colour that is neither: a grey flower ending in a straight edge where the band correction
 * stops, grey gaps with dark specks. Differences up to 2 × this still get their half share.
 */
export const MEMBRANE_PULL_MAX = 12;

/** Kernel sizes of the three blurs of {@link lowFrequencyOffsets}, summed (for progress weights). */
export function offsetTaps(): number {
  const taps = (sigma: number) => 2 * Math.max(1, Math.ceil(3 * sigma)) + 1;
  return taps(OFFSET_SIGMA) + 2 * taps(LARGE_SIGMA);
}

/**
 * Per coarse hole cell, the RGB offset added to the full-resolution pixels copied through it:
 * - blur(synthesis)(cell) − blur(synthesis)(source of cell), at σ = {@link OFFSET_SIGMA}: turns
 *   the colour jumps where the field changes source into smooth transitions (zero where the field
 *   is coherent over the blur's support);
 * - {@link MEMBRANE_SHARE} × (large-scale membrane − large-scale synthesis) at the cell, at most
 *   {@link MEMBRANE_PULL_MAX} levels long: the largest scales lean towards the harmonic membrane
 *   (the smooth continuation of the colours at the band), since a copied region's overall colour
 *   is a guess from elsewhere in the photo — but only so far, so a copied object keeps its colour.
 */
export function lowFrequencyOffsets(
  coarse: Layer,
  src: Int32Array,
  membrane: Float32Array,
  onRows?: (rows: number, taps: number) => void,
): Float32Array {
  const { width: w, height: h, pix, hole } = coarse;
  const blurred = blurRgb(pix, w, h, OFFSET_SIGMA, onRows);
  const largeSynth = blurRgb(pix, w, h, LARGE_SIGMA, onRows);
  const largeMembrane = blurRgb(membrane, w, h, LARGE_SIGMA, onRows);
  const out = new Float32Array(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const s = src[i];
    if (!hole[i] || s < 0) continue;
    const j = i * 3;
    const d0 = largeMembrane[j] - largeSynth[j],
      d1 = largeMembrane[j + 1] - largeSynth[j + 1],
      d2 = largeMembrane[j + 2] - largeSynth[j + 2];
    const pull = MEMBRANE_SHARE * Math.hypot(d0, d1, d2);
    const g = pull > MEMBRANE_PULL_MAX ? (MEMBRANE_SHARE * MEMBRANE_PULL_MAX) / pull : MEMBRANE_SHARE;
    out[j] = blurred[j] - blurred[s * 3] + g * d0;
    out[j + 1] = blurred[j + 1] - blurred[s * 3 + 1] + g * d1;
    out[j + 2] = blurred[j + 2] - blurred[s * 3 + 2] + g * d2;
  }
  return out;
}

/**
 * Separable Gaussian blur of the RGB channels of an RGBA float image (edges clamped); RGB out.
 * `onRows(rows, taps)` is called every {@link BLUR_ROWS_PER_TICK} rows of each pass (taps = kernel size).
 */
export function blurRgb(
  pix: Float32Array,
  w: number,
  h: number,
  sigma: number,
  onRows?: (rows: number, taps: number) => void,
): Float32Array {
  const rad = Math.max(1, Math.ceil(3 * sigma));
  const tick = (y: number) => {
    if (onRows && y > 0 && y % BLUR_ROWS_PER_TICK === 0) onRows(BLUR_ROWS_PER_TICK, 2 * rad + 1);
  };
  const k = new Float32Array(2 * rad + 1);
  let ks = 0;
  for (let i = -rad; i <= rad; i++) ks += k[i + rad] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i] /= ks;
  const tmp = new Float32Array(w * h * 3);
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    tick(y);
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 3; c++) {
        let a = 0;
        for (let d = -rad; d <= rad; d++) a += k[d + rad] * pix[(y * w + Math.min(w - 1, Math.max(0, x + d))) * 4 + c];
        tmp[(y * w + x) * 3 + c] = a;
      }
  }
  for (let y = 0; y < h; y++) {
    tick(y);
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 3; c++) {
        let a = 0;
        for (let d = -rad; d <= rad; d++) a += k[d + rad] * tmp[(Math.min(h - 1, Math.max(0, y + d)) * w + x) * 3 + c];
        out[(y * w + x) * 3 + c] = a;
      }
  }
  return out;
}
