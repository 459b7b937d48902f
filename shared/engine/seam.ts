/**
 * Finishing the exemplar fill: structure / texture recombination and seam removal.
 *
 * The exemplar vote is good at texture (fine detail copied from real pixels) but its large-scale
 * colour is a guess copied from elsewhere, and the harmonic membrane is the better estimate of
 * that smooth part (it is what wins on PSNR for big holes). So, after Bertalmio, Vese, Sapiro &
 * Osher (2003, "Simultaneous structure and texture image inpainting"), the result is
 *
 *     fill = membrane (structure, from the pixels around the hole) + detail (from the exemplar),
 *
 * where detail = vote − Gaussian blur of the vote (σ = {@link detailSigmaFor} the hole depth, hole pixels only). The membrane is solved as a
 * Poisson correction (Pérez, Gangnet & Blake 2003): its Dirichlet values on the ring of known
 * pixels around the hole are (real pixel − adjacent detail), so the sum meets the real pixels
 * exactly in the mean and the detail's own gradients are kept.
 *
 * Two statistics of the known surroundings (never of the truth) steer the detail:
 * - gain: if the exemplar detail is flatter than the known detail around the hole (SSD matching
 *   favours flat sources), it is amplified to match, at most {@link MAX_DETAIL_GAIN}×;
 * - feathering: the known detail is continued into the first {@link FEATHER_LAYERS} pixel layers
 *   of the hole, decaying by ρ per layer, with ρ the lag-1 autocorrelation of the known detail
 *   (the best linear prediction of a neighbour for an AR(1)-like texture); the exemplar detail
 *   fades in as 1 − ρ^layer. This hides the texture seam without moving it.
 *
 * Where the gain would exceed {@link RELAX_ABOVE_GAIN} on a smooth ring (out of focus, sky: see
 * meld-finish.ts), there is no membrane: the vote, melded to convergence, is the fill.
 */
import { harmonicFillLayer, type SweepCounts } from './diffusion';
import { cropGuide, guidedMembrane, ringSeparation, GUIDE_ABOVE_SEPARATION } from './guided-membrane';
import type { Layer } from './region';
import { blurOwnSide, type Box } from './blur-box';
import { blurOwnSideBoxes, blurSideBoxes } from './box-cascade-blur';
import { feather } from './feather';
import { addGainedDetail, addLow, medianSteps, opposedHues, SMOOTH_RING_STEP } from './meld-finish';

export { FEATHER_LAYERS } from './feather';

export { blurBox } from './blur-box';

/**
 * The membrane is smooth and solved coarse to fine, so few sweeps suffice: 40 fine sweeps changed no
 * bench score by more than 0.01, and 12 instead of 24 per coarse level left PSNR, seam and texture of
 * blob and box holes (dev and held-back) unchanged to two decimals (8 moved PSNR by −0.01).
 */
const MEMBRANE_SWEEPS: SweepCounts = { fine: 8, coarse: 12 };
/** Gaussian σ (pixels) separating structure (membrane) from detail (exemplar): the smallest, for small holes and scratches. */
export const DETAIL_SIGMA = 2;
/**
 * Detail σ grows with the hole: a hole whose deepest pixel is d px from known data gets σ = d / 8,
 * between {@link DETAIL_SIGMA} and {@link MAX_DETAIL_SIGMA}. On large holes the membrane is smooth
 * over a long way, so more of the picture (every scale below σ) must come from the exemplar: with
 * σ = 2 on box holes the fill looked smoother than the photo (texture 0.78–0.87 on the dev set).
 */
export const DETAIL_SIGMA_DEPTH_DIVISOR = 8;
export const MAX_DETAIL_SIGMA = 8;
/** Detail σ for a hole whose deepest pixel is `depth` px from known data. */
export function detailSigmaFor(depth: number): number {
  return Math.min(MAX_DETAIL_SIGMA, Math.max(DETAIL_SIGMA, depth / DETAIL_SIGMA_DEPTH_DIVISOR));
}
/**
 * From this σ on, the detail blur is a cascade of three box filters of the same variance
 * ({@link blurOwnSideBoxes}: running sums, cost independent of σ) instead of the truncated Gaussian
 * (2⌈3σ⌉ + 1 taps per pass, ≈ 2× slower at σ = 8). Measured on the fill bench (blob + box, dev and
 * held-back, in-process): PSNR, seam and texture within ±0.01 of the Gaussian; below σ = 4 the
 * Gaussian is as fast.
 */
export const BOX_BLUR_MIN_SIGMA = 4;
/** Largest amplification of the exemplar detail towards the surroundings' detail strength. */
export const MAX_DETAIL_GAIN = 3;
/**
 * The detail statistics (gain, ρ) are measured on the known pixels within this many detail σ of the
 * hole's bounding box. With the box grown by 1 px only, a rectangular hole had a single known pixel
 * with known right and lower neighbours (the corner), so its gain was noise and ρ was measured along
 * a line. Dev box holes with 2σ (tuned on dev only; 1, 4, 8, 16 px and 2σ tried): texture
 * 0.93 → 1.00, seam 2.89 → 1.51, PSNR 15.25 → 15.10 (Telea 14.76); dev blob unchanged within 0.01.
 */
export const STATS_BAND_SIGMAS = 2;
/**
 * When the detail gain would be above this, the vote is first relaxed towards its sources' own steps
 * (`relax` of {@link finishFill}; gradient-relax.ts): the gain would otherwise amplify the steps
 * between unrelated sources as if they were texture — on bokeh-dandelion's holes (gain 1.5 and 2.7,
 * the ring full of the seed head's filaments) a patchwork of sharp-edged shards. Tuned on the dev set
 * (1 also relaxed building's facade, whose ledges came out softer; 1.5 left dandelion's blob hole out).
 */
export const RELAX_ABOVE_GAIN = 1.2;
/** Cap on the estimated detail autocorrelation ρ. */
const MAX_RHO = 0.9;

/**
 * Known pixels with a 4-neighbour in the hole (the Dirichlet boundary of the hole), in raster order.
 * @param within - where to look (default the whole level): the hole's box grown by 1 holds them all
 */
export function boundaryRing(level: Layer, within?: Box): Int32Array {
  const { width: w, height: h, hole } = level;
  const { x0, y0, x1, y1 } = within ?? { x0: 0, y0: 0, x1: w - 1, y1: h - 1 };
  const ring: number[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (hole[i]) continue;
      if ((x > 0 && hole[i - 1]) || (x < w - 1 && hole[i + 1]) || (y > 0 && hole[i - w]) || (y < h - 1 && hole[i + w])) ring.push(i);
    }
  }
  return Int32Array.from(ring);
}

/** Bounding box of the hole, or null without hole pixels. */
function holeBounds(level: Layer): Box | null {
  const { width: w, height: h, hole } = level;
  let x0 = w,
    y0 = h,
    x1 = -1,
    y1 = -1;
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      if (!hole[i]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/** `b` grown by `pad` pixels, clipped to the level. */
function grow(level: Layer, b: Box, pad: number): Box {
  return {
    x0: Math.max(0, b.x0 - pad),
    y0: Math.max(0, b.y0 - pad),
    x1: Math.min(level.width - 1, b.x1 + pad),
    y1: Math.min(level.height - 1, b.y1 + pad),
  };
}

/**
 * Detail statistics of the known pixels in `box`: lag-1 autocorrelation ρ of the detail and
 * the ratio (known detail gradient) / (hole detail gradient), both over RGB.
 * @param det - detail (pixel − blur) per box pixel, 4 floats each
 * @returns [ρ, gain] (a typed array: a fresh `{ rho, gain }` literal, holding a Smi one fill and a
 *   double the next, got a new map after every GC and deoptimised this function and toDetail each fill)
 */
function detailStats(level: Layer, box: Box, det: Float32Array): Float64Array {
  const { width: w, hole } = level;
  const bw = box.x1 - box.x0 + 1;
  let num = 0,
    den = 0,
    gk = 0,
    nk = 0,
    gh = 0,
    nh = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * w + x;
      const b = ((y - box.y0) * bw + (x - box.x0)) * 4;
      const right = x < box.x1,
        down = y < box.y1;
      if (!hole[i]) {
        for (let c = 0; c < 3; c++) {
          const d = det[b + c];
          den += d * d;
          if (right && !hole[i + 1]) num += d * det[b + 4 + c];
          if (down && !hole[i + w]) num += d * det[b + bw * 4 + c];
        }
      }
      if (!right || !down) continue;
      const known = !hole[i] && !hole[i + 1] && !hole[i + w];
      const inHole = hole[i] && hole[i + 1] && hole[i + w];
      if (!known && !inHole) continue;
      let g = 0;
      for (let c = 0; c < 3; c++) {
        const d = det[b + c];
        g += Math.abs(det[b + 4 + c] - d) + Math.abs(det[b + bw * 4 + c] - d);
      }
      if (known) {
        gk += g;
        nk++;
      } else {
        gh += g;
        nh++;
      }
    }
  }
  const rho = den > 0 ? Math.min(MAX_RHO, Math.max(0, num / (2 * den))) : 0;
  const ratio = nk > 0 && nh > 0 && gh > 0 ? gk / nk / (gh / nh) : 1;
  return Float64Array.of(rho, Math.min(MAX_DETAIL_GAIN, Math.max(1, ratio)));
}

/**
 * Replaces the hole's colour in `level.pix` (the exemplar vote) by its detail layer: gained,
 * and feathered into the known detail near the border. RGB only; alpha keeps the vote.
 */
function toDetail(
  level: Layer,
  box: Box,
  sigma: number,
  boxBlur: BoxBlur = blurOwnSideBoxes,
  relax?: (converge: boolean) => void,
): Float32Array | null {
  const { width: w, hole, pix } = level;
  const bw = box.x1 - box.x0 + 1,
    bh = box.y1 - box.y0 + 1;
  // Detail = pixel − blur of its own side (hole pixels from the vote, known ones from the photo).
  // One detail buffer, rewritten by each `detailOf` (the earlier detail is not read after it).
  let low: Float32Array = new Float32Array(0);
  let knownBlurred = false;
  const blurNow = () => {
    if (sigma < BOX_BLUR_MIN_SIGMA) low = blurOwnSide(pix, w, level.height, box, sigma, hole);
    else if (knownBlurred) {
      // Again after `relax`, which changes hole pixels only: the box cascade's sides share nothing, so
      // the known side's blur stands and only the hole side is blurred again, over the same `low` (the
      // earlier blur is not read after this; every hole pixel gets its entry: it counts on its own side).
      blurSideBoxes(pix, w, level.height, box, sigma, hole, 0, low);
    } else {
      low = boxBlur(pix, w, level.height, box, sigma, hole);
      knownBlurred = true;
    }
  };
  const d = new Float32Array(bw * bh * 4);
  const detailOf = () => {
    blurNow();
    for (let y = box.y0; y <= box.y1; y++) {
      for (let x = box.x0; x <= box.x1; x++) {
        const j = (y - box.y0) * bw + (x - box.x0),
          i4 = (y * w + x) * 4;
        for (let c = 0; c < 3; c++) d[j * 4 + c] = pix[i4 + c] - low[j * 3 + c];
      }
    }
    return d;
  };
  let det = detailOf();
  let stats = detailStats(level, box, det);
  if (relax && stats[1] > RELAX_ABOVE_GAIN) {
    // The gain would amplify the steps between the vote's sources with the texture: calm them first.
    const smooth = medianSteps(level, box, det, false)[0] < SMOOTH_RING_STEP;
    relax(smooth);
    det = detailOf();
    if (smooth) {
      // A smooth background: the melded vote is the fill, its detail gained by the median steps (meld-finish.ts).
      const [known, hole] = medianSteps(level, box, det);
      addGainedDetail(level, box, det, hole > 0 ? Math.min(MAX_DETAIL_GAIN, Math.max(1, known / hole)) : 1, sigma);
      return null;
    }
    stats = detailStats(level, box, det);
  }
  // Sky through leaves: the membrane would average the ring's opposed hues to grey; the meld guides it
  // instead (meld-finish.ts opposedHues; a smooth ring, a colour ramp, keeps the membrane). Its detail
  // too: the vote's kept the steps between its copied pieces, a mosaic of straight-edged leaf shards.
  let meldLow: Float32Array | null = null;
  const textured = () => medianSteps(level, box, det, false)[0] >= SMOOTH_RING_STEP;
  if (relax && !(stats[1] > RELAX_ABOVE_GAIN) && opposedHues(level, box, low) && textured()) {
    relax(true);
    det = detailOf(); // `low` and `det` become the meld's σ blur and detail
    stats = detailStats(level, box, det);
    meldLow = low;
  }
  // Layer of every box pixel: 0 known, t ≥ 1 hole at 4-connected distance t (≤ FEATHER_LAYERS), -1 deeper.
  const layer = new Int8Array(bw * bh).fill(-1);
  const ext = new Float32Array(bw * bh * 3);
  for (let y = 0; y < bh; y++) {
    for (let x = 0, b = y * bw, i = (y + box.y0) * w + box.x0; x < bw; x++, b++, i++) {
      if (hole[i]) continue;
      layer[b] = 0;
      ext[b * 3] = det[b * 4];
      ext[b * 3 + 1] = det[b * 4 + 1];
      ext[b * 3 + 2] = det[b * 4 + 2];
    }
  }
  const rho = stats[0],
    gain = stats[1];
  if (rho > 0) feather(level, box, layer, ext, det, rho, gain);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const b = y * bw + x;
      if (layer[b] !== -1) continue; // known, or already feathered
      const i4 = ((y + box.y0) * w + x + box.x0) * 4;
      for (let c = 0; c < 3; c++) pix[i4 + c] = gain * det[b * 4 + c];
    }
  }
  if (meldLow) addLow(level, box, meldLow);
  return meldLow ?? low; // the vote's (or the meld's) smooth part: the membrane's guide (null above: no membrane)
}

/** A {@link blurOwnSideBoxes} (the host may run its two sides on two threads: lanes.ts). */
export type BoxBlur = typeof blurOwnSideBoxes;

/**
 * Turns the finest level's voted hole into the final fill: exemplar detail (see {@link toDetail})
 * plus the Poisson membrane that carries the structure from the known pixels.
 * @param level - finest level; its hole pixels hold the voted fill, known pixels the photo
 * @param boxBlur - the detail blur for σ ≥ {@link BOX_BLUR_MIN_SIGMA} (same result, maybe split over lanes)
 * @param relax - smooths the steps between the vote's sources in `level.pix` (gradient-relax.ts); run
 *   when the detail gain would exceed {@link RELAX_ABOVE_GAIN}. `converge`: to convergence (a meld; the
 *   ring is smooth, and the melded vote with its gained detail is the fill: meld-finish.ts)
 */
export function finishFill(
  level: Layer,
  units = 0,
  tick?: (units: number) => void,
  maxDepth = 0,
  boxBlur?: BoxBlur,
  relax?: (converge: boolean) => void,
): void {
  // Progress: `units` spread over the membrane's sweeps (≈ fine + 8 coarse levels' worth).
  const perSweep = Math.floor(units / (MEMBRANE_SWEEPS.fine + 8 * MEMBRANE_SWEEPS.coarse));
  let spent = 0;
  const onSweep = tick
    ? () => {
        if (spent + perSweep > units) return tick(0);
        spent += perSweep;
        tick(perSweep);
      }
    : undefined;
  const bounds = holeBounds(level);
  if (!bounds) return;
  const box = grow(level, bounds, 1);
  const ring = boundaryRing(level, box);
  if (ring.length === 0) return;
  const sigma = detailSigmaFor(maxDepth);
  const statsBox = grow(level, bounds, Math.ceil(STATS_BAND_SIGMAS * sigma));
  const low = toDetail(level, statsBox, sigma, boxBlur, relax);
  if (!low) {
    tick?.(units);
    return;
  }
  const { width: w, hole, pix } = level;
  const { x0, y0, x1, y1 } = box;
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  // Only the ring is pinned and only the hole is solved; everything else is ignored (state 2).
  const membrane: Layer = {
    width: bw,
    height: bh,
    pix: new Float32Array(bw * bh * 4),
    hole: new Uint8Array(bw * bh).fill(2),
  };
  for (const p of ring) {
    const px = p % w,
      py = (p - px) / w;
    const b = (py - y0) * bw + (px - x0);
    membrane.hole[b] = 0;
    // Boundary value: real pixel minus the mean of its hole neighbours (the detail there).
    let n = 0;
    const adj = [0, 0, 0, 0];
    const acc = (q: number) => {
      for (let c = 0; c < 4; c++) adj[c] += pix[q * 4 + c];
      n++;
    };
    if (px > 0 && hole[p - 1]) acc(p - 1);
    if (px < w - 1 && hole[p + 1]) acc(p + 1);
    if (p >= w && hole[p - w]) acc(p - w);
    if (p + w < hole.length && hole[p + w]) acc(p + w);
    for (let c = 0; c < 4; c++) membrane.pix[b * 4 + c] = pix[p * 4 + c] - adj[c] / n;
  }
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) if (hole[y * w + x]) membrane.hole[(y - y0) * bw + (x - x0)] = 1;
  }
  const sweeps = { ...MEMBRANE_SWEEPS, onSweep };
  // A ring of two distinct colours: the vote's layout decides which reaches where (guided-membrane.ts).
  if (ringSeparation(membrane) >= GUIDE_ABOVE_SEPARATION) guidedMembrane(membrane, cropGuide(low, statsBox, box), sweeps);
  else harmonicFillLayer(membrane, sweeps);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const b = ((y - y0) * bw + (x - x0)) * 4;
      for (let c = 0; c < 4; c++) pix[i * 4 + c] += membrane.pix[b + c];
    }
  }
  tick?.(units - spent);
}
