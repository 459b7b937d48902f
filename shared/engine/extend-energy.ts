/**
 * The extension's detail energy, capped (extend.ts, after the copy): a copied extension must not be
 * busier than what it continues.
 *
 * The synthesis continues what crosses the band, so a sharp subject beside the band (the bark next
 * to bokeh-nuthatch's bird) is copied across the whole extension, where the frame often hides
 * softer things (an out-of-focus background, plain surroundings). Where the hole's mean luma
 * gradient exceeds {@link ENERGY_CAP} × both that of the known band (the known pixels within
 * {@link BAND_WIDTH} px of the hole) and that of all known pixels of the region, the copy's detail
 * (copy − its Gaussian blur over hole pixels, σ = {@link CAP_SIGMA}) is scaled down until the hole
 * meets the cap, ramping in over the first {@link CAP_RAMP} px from the band so the seam keeps the
 * band's texture. Flatter extensions are left alone (a gain > 1 would only amplify noise, and a flat
 * extension lacks objects, not contrast). All statistics come from the region's own pixels.
 */
import { blurBox } from './blur-box';
import type { ExtensionPlan } from './extend-plan';
import type { Layer } from './region';

/** Most mean gradient energy of the hole, as a multiple of the known pixels'. */
export const ENERGY_CAP = 1;
/** σ of the blur that splits the copy into its smooth part and the detail that is scaled. */
const CAP_SIGMA = 2;
/** Hole pixel layers from the band over which the scaling ramps in (full at this depth and beyond). */
const CAP_RAMP = 12;
/** Rows blurred per progress tick. */
export const CAP_ROWS = 64;

/**
 * Known pixels within this many px (square window) of the hole are the band. The cap takes the larger
 * of the band's and the whole known region's energy: the region alone (× 0.9) also flattened
 * extensions that were already flatter than the truth, the band alone flattened the 8:1 poster
 * (whose edges are softer than the middle it copies from) below 0.7 × the poster's texture.
 */
export const BAND_WIDTH = 32;

const luma = (p: Float32Array, i: number) => 0.299 * p[i * 4] + 0.587 * p[i * 4 + 1] + 0.114 * p[i * 4 + 2];

/** 1 for pixels with a hole pixel within `r` px (Chebyshev), via a summed-area table of the hole. */
function nearHole(hole: Uint8Array, w: number, h: number, r: number, tick?: () => void): Uint8Array {
  const W = w + 1;
  const sat = new Int32Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += hole[y * w + x];
      sat[(y + 1) * W + x + 1] = sat[y * W + x + 1] + row;
    }
    if (y % CAP_ROWS === CAP_ROWS - 1) tick?.();
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r),
      y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r),
        x1 = Math.min(w, x + r + 1);
      out[y * w + x] = sat[y1 * W + x1] - sat[y0 * W + x1] - sat[y1 * W + x0] + sat[y0 * W + x0] > 0 ? 1 : 0;
    }
    if (y % CAP_ROWS === CAP_ROWS - 1) tick?.();
  }
  return out;
}

/**
 * Mean luma gradient magnitude (forward differences) over the pixels whose right and lower
 * neighbours are of the same class: `[known within `within` px of the hole, all known, hole]`.
 */
export function meanGradients(layer: Layer, within = BAND_WIDTH, tick?: () => void): [number, number, number] {
  const { width: w, height: h, pix, hole } = layer;
  const near = nearHole(hole, w, h, within, tick);
  let sb = 0,
    nb = 0,
    sk = 0,
    nk = 0,
    sh = 0,
    nh = 0;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      const c = hole[i];
      if (hole[i + 1] !== c || hole[i + w] !== c) continue;
      const v = luma(pix, i);
      const gx = luma(pix, i + 1) - v,
        gy = luma(pix, i + w) - v;
      const g = Math.sqrt(gx * gx + gy * gy);
      if (c) {
        sh += g;
        nh++;
      } else {
        sk += g;
        nk++;
        if (near[i]) {
          sb += g;
          nb++;
        }
      }
    }
    if (y % CAP_ROWS === CAP_ROWS - 1) tick?.();
  }
  return [nb ? sb / nb : 0, nk ? sk / nk : 0, nh ? sh / nh : 0];
}

/** Row passes of {@link capExtensionEnergy} when the cap bites (three to measure, one blur, two to measure again). */
export const CAP_PASSES = 6;

/**
 * Scales the hole's detail down in place when the hole is busier than the cap (see the module
 * comment). Returns the gain applied beyond the ramp (1: unchanged: then only the first three of
 * {@link CAP_PASSES} row passes ran). `tick` is called per {@link CAP_ROWS} rows of each pass.
 */
export function capExtensionEnergy(layer: Layer, plan: ExtensionPlan, tick?: () => void): number {
  const { width: w, height: h, pix, hole } = layer;
  const [band, all, inHole] = meanGradients(layer, BAND_WIDTH, tick);
  // Busier than both the band it continues and the known region it copies from as a whole.
  const cap = ENERGY_CAP * Math.max(band, all);
  if (cap <= 0 || inHole <= cap) return 1;
  // The smooth part keeps some gradient of its own, so scaling the detail by cap / inHole leaves the
  // hole above the cap: the gain is found by one secant step on the measured energy (linear in the
  // gain to within a few per cent).
  const src = new Float32Array(pix);
  const low = new Float32Array(w * h * 3);
  for (let y0 = 0; y0 < h; y0 += CAP_ROWS) {
    const y1 = Math.min(h, y0 + CAP_ROWS) - 1;
    const b = blurBox(src, w, h, { x0: 0, y0, x1: w - 1, y1 }, CAP_SIGMA, hole, true);
    for (let k = 0, n = (y1 - y0 + 1) * w; k < n; k++) {
      const i = y0 * w + k;
      if (hole[i]) for (let c = 0; c < 3; c++) low[i * 3 + c] = b[k * 4 + c];
    }
    tick?.();
  }
  let gain = cap / inHole;
  scaleDetail(layer, plan, src, low, gain);
  const after = meanGradients(layer, BAND_WIDTH, tick)[2];
  if (after > cap && inHole > after) {
    gain = Math.max(0, 1 - ((1 - gain) * (inHole - cap)) / (inHole - after));
    scaleDetail(layer, plan, src, low, gain);
  }
  return gain;
}

/** `pix` = low + g · (src − low) over the hole, g ramping from 1 at the band to `gain` at {@link CAP_RAMP} px. */
function scaleDetail(layer: Layer, plan: ExtensionPlan, src: Float32Array, low: Float32Array, gain: number): void {
  const { pix, hole } = layer;
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    const d = plan.ring[i] >= 0 ? plan.dist[i] - 1 : CAP_RAMP;
    const g = 1 + (gain - 1) * Math.min(1, d / CAP_RAMP);
    for (let c = 0; c < 3; c++) pix[i * 4 + c] = low[i * 3 + c] + g * (src[i * 4 + c] - low[i * 3 + c]);
  }
}
