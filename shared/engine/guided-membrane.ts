/**
 * The finish's membrane (seam.ts), guided by the exemplar vote: a harmonic interpolation of the ring of
 * known pixels around the hole in which a link between two hole pixels is weak where the vote's smooth
 * part (its Gaussian blur, the finish's structure layer) changes fast. Colour spreads from the ring
 * within the regions the vote lays out and hardly across their borders.
 *
 * The plain membrane averages the whole ring: on bokeh-nuthatch's box hole (dark bark on the left,
 * white bokeh on the right) it spread the white over the bark the vote had copied, a lighter haze over
 * the whole square; over a white background it mixed the colours of a few objects on the ring into a
 * grey or pink smear where the vote has plain white. With the weights, each of the vote's regions takes
 * the colour of the ring it touches. Where the vote is smooth (no edge stands out) every weight is about
 * the same and the result is the plain membrane.
 *
 * Weight of a link p–q between hole pixels: 1 / (1 + (g / κ)²), g = the L1 RGB difference of the
 * guide at p and q, κ = {@link GUIDE_KAPPA} × the mean g over the level's hole links (so only an edge
 * that stands out of the vote's own variation cuts); a link to a known pixel has weight 1 (the ring is
 * the Dirichlet boundary as before). Solved coarse to fine like `harmonicFillLayer` (diffusion.ts):
 * 2×2 blocks (known if any child is known; the guide averaged over hole children), nearest-neighbour
 * up-sampling, weighted SOR sweeps at each level.
 */
import type { SweepCounts } from './diffusion';
import type { Box } from './blur-box';
import type { Layer } from './region';

/** κ as a multiple of the mean guide step (tuned on the dev set: 0.3 / 1 / 2 tried; see shared/engine/README.md). */
export const GUIDE_KAPPA = 1;
/**
 * The guide is used only when the ring's colours fall clearly into two groups ({@link ringSeparation} at
 * least this). On a smooth ramp the vote is four regions copied from the four sides, and a guided
 * membrane gave each its side's colour, with steps along the diagonals where they meet (30.4 dB against
 * 35.7 for the plain membrane, seam.test.ts); the ramp's ring scores 1.9, bokeh-nuthatch's box 5.1.
 * Tuned on the dev set (see shared/engine/README.md).
 */
export const GUIDE_ABOVE_SEPARATION = 4.5;
const SOR_OMEGA = 1.7;
const KNOWN = 0;
const UNKNOWN = 1;
const IGNORED = 2;

/**
 * Fills the UNKNOWN pixels of `layer` (states as in `harmonicFillLayer`: 0 known, 1 solved, 2 ignored)
 * with the guided harmonic interpolation of the known ones.
 * @param guide - 3 floats per layer pixel (read at UNKNOWN pixels only)
 */
export function guidedMembrane(layer: Layer, guide: Float32Array, sweeps: SweepCounts, kappa = GUIDE_KAPPA): void {
  const { pix, hole } = layer;
  let unknown = 0,
    known = 0;
  const mean = [0, 0, 0, 0];
  for (let i = 0; i < hole.length; i++) {
    if (hole[i] === UNKNOWN) unknown++;
    else if (hole[i] === KNOWN) {
      known++;
      for (let c = 0; c < 4; c++) mean[c] += pix[i * 4 + c];
    }
  }
  if (unknown === 0 || known === 0) return;

  // The coarsest level starts from the mean of the known pixels.
  for (let i = 0; i < hole.length; i++) if (hole[i] === UNKNOWN) for (let c = 0; c < 4; c++) pix[i * 4 + c] = mean[c] / known;
  solve(layer, guide, unknown, 0, sweeps, kappa);
}

function solve(layer: Layer, guide: Float32Array, unknown: number, depth: number, sweeps: SweepCounts, kappa: number): void {
  const { width: w, height: h, pix, hole } = layer;
  const cw = (w + 1) >> 1,
    ch = (h + 1) >> 1;
  const coarse: Layer = { width: cw, height: ch, pix: new Float32Array(cw * ch * 4), hole: new Uint8Array(cw * ch) };
  const cguide = new Float32Array(cw * ch * 3);
  let cUnknown = 0;
  const known = [0, 0, 0, 0],
    open = [0, 0, 0, 0];
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const ci = cy * cw + cx;
      let nk = 0,
        nu = 0;
      known.fill(0);
      open.fill(0);
      for (let dy = 0; dy < 2 && 2 * cy + dy < h; dy++) {
        for (let dx = 0; dx < 2 && 2 * cx + dx < w; dx++) {
          const i = (2 * cy + dy) * w + 2 * cx + dx;
          if (hole[i] === KNOWN) {
            for (let c = 0; c < 4; c++) known[c] += pix[i * 4 + c];
            nk++;
          } else if (hole[i] === UNKNOWN) {
            for (let c = 0; c < 3; c++) cguide[ci * 3 + c] += guide[i * 3 + c] / 4;
            for (let c = 0; c < 4; c++) open[c] += pix[i * 4 + c];
            nu++;
          }
        }
      }
      // A coarse pixel is known if any child is (the average of those), unknown if only hole children.
      if (nk > 0) for (let c = 0; c < 4; c++) coarse.pix[ci * 4 + c] = known[c] / nk;
      else if (nu > 0) {
        cUnknown++;
        for (let c = 0; c < 3; c++) cguide[ci * 3 + c] *= 4 / nu;
        for (let c = 0; c < 4; c++) coarse.pix[ci * 4 + c] = open[c] / nu;
      }
      coarse.hole[ci] = nk > 0 ? KNOWN : nu > 0 ? UNKNOWN : IGNORED;
    }
  }
  if (cUnknown > 0 && cUnknown < unknown) {
    solve(coarse, cguide, cUnknown, depth + 1, sweeps, kappa);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (hole[i] !== UNKNOWN) continue;
        const ci = (y >> 1) * cw + (x >> 1);
        for (let c = 0; c < 4; c++) pix[i * 4 + c] = coarse.pix[ci * 4 + c];
      }
    }
  }
  weightedSweeps(layer, guide, depth === 0 ? sweeps.fine : sweeps.coarse, kappa, sweeps.onSweep);
}

/** SOR sweeps of the weighted 4-neighbour average over the UNKNOWN pixels (neighbours and weights listed once). */
function weightedSweeps(layer: Layer, guide: Float32Array, count: number, kappa: number, onSweep?: () => void): void {
  const { width: w, height: h, pix, hole } = layer;
  let n = 0;
  for (let i = 0; i < hole.length; i++) if (hole[i] === UNKNOWN) n++;
  const idx = new Int32Array(n);
  for (let i = 0, k = 0; i < hole.length; i++) if (hole[i] === UNKNOWN) idx[k++] = i;
  const nbr = new Int32Array(n * 4).fill(-1);
  const wt = new Float32Array(n * 4);
  let sum = 0,
    links = 0;
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    const x = i % w,
      y = (i - x) / w;
    for (let s = 0; s < 4; s++) {
      const q =
        s === 0 ? (x > 0 ? i - 1 : -1) : s === 1 ? (x < w - 1 ? i + 1 : -1) : s === 2 ? (y > 0 ? i - w : -1) : y < h - 1 ? i + w : -1;
      if (q < 0 || hole[q] === IGNORED) continue;
      nbr[k * 4 + s] = q * 4;
      if (hole[q] === KNOWN) {
        wt[k * 4 + s] = -1; // a link to the ring: weight 1, set below
        continue;
      }
      const a = i * 3,
        b = q * 3;
      const g = Math.abs(guide[a] - guide[b]) + Math.abs(guide[a + 1] - guide[b + 1]) + Math.abs(guide[a + 2] - guide[b + 2]);
      wt[k * 4 + s] = g;
      sum += g;
      links++;
    }
  }
  const k2 = Math.max(1e-6, (kappa * sum) / Math.max(1, links)) ** 2;
  for (let j = 0; j < n * 4; j++) if (nbr[j] >= 0) wt[j] = wt[j] < 0 ? 1 : 1 / (1 + (wt[j] * wt[j]) / k2);
  for (let s = 0; s < count; s++) {
    for (let k = 0; k < n; k++) {
      const i4 = idx[k] * 4;
      let W = 0,
        r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let t = k * 4, end = t + 4; t < end; t++) {
        const q = nbr[t];
        if (q < 0) continue;
        const v = wt[t];
        W += v;
        r += v * pix[q];
        g += v * pix[q + 1];
        b += v * pix[q + 2];
        a += v * pix[q + 3];
      }
      if (W <= 0) continue;
      pix[i4] += SOR_OMEGA * (r / W - pix[i4]);
      pix[i4 + 1] += SOR_OMEGA * (g / W - pix[i4 + 1]);
      pix[i4 + 2] += SOR_OMEGA * (b / W - pix[i4 + 2]);
      pix[i4 + 3] += SOR_OMEGA * (a / W - pix[i4 + 3]);
    }
    onSweep?.();
  }
}

/** The guide for a membrane over `box`: `low` (3 floats per pixel of `lowBox`, as the finish's detail blur returns it) cropped to `box`. */
export function cropGuide(low: Float32Array, lowBox: Box, box: Box): Float32Array {
  const lw = lowBox.x1 - lowBox.x0 + 1,
    bw = box.x1 - box.x0 + 1;
  const out = new Float32Array(bw * (box.y1 - box.y0 + 1) * 3);
  for (let y = box.y0; y <= box.y1; y++) {
    const from = ((y - lowBox.y0) * lw + box.x0 - lowBox.x0) * 3;
    out.set(low.subarray(from, from + bw * 3), (y - box.y0) * bw * 3);
  }
  return out;
}

/**
 * How clearly the known pixels of `layer` (its ring) fall into two colour groups: 2-means over their RGB,
 * the distance between the two means ÷ the RMS distance of the pixels to their own mean.
 */
export function ringSeparation(layer: Layer): number {
  const { pix, hole } = layer;
  const pts: number[] = [];
  for (let i = 0; i < hole.length; i++) if (hole[i] === KNOWN) pts.push(i * 4);
  if (pts.length < 4) return 0;
  const lum = (j: number) => pix[j] + pix[j + 1] + pix[j + 2];
  let lo = pts[0],
    hi = pts[0];
  for (const j of pts) {
    if (lum(j) < lum(lo)) lo = j;
    if (lum(j) > lum(hi)) hi = j;
  }
  const c = [pix[lo], pix[lo + 1], pix[lo + 2], pix[hi], pix[hi + 1], pix[hi + 2]];
  let within = 0;
  for (let it = 0; it < 10; it++) {
    const acc = [0, 0, 0, 0, 0, 0],
      n = [0, 0];
    within = 0;
    for (const j of pts) {
      let d0 = 0,
        d1 = 0;
      for (let k = 0; k < 3; k++) {
        d0 += (pix[j + k] - c[k]) ** 2;
        d1 += (pix[j + k] - c[3 + k]) ** 2;
      }
      const g = d0 <= d1 ? 0 : 1;
      within += Math.min(d0, d1);
      n[g]++;
      for (let k = 0; k < 3; k++) acc[g * 3 + k] += pix[j + k];
    }
    for (let g = 0; g < 2; g++) if (n[g] > 0) for (let k = 0; k < 3; k++) c[g * 3 + k] = acc[g * 3 + k] / n[g];
  }
  const between = Math.hypot(c[0] - c[3], c[1] - c[4], c[2] - c[5]);
  return between / Math.max(1e-6, Math.sqrt(within / pts.length));
}
