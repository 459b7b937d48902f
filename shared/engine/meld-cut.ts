/**
 * Objects cut by the hole's edge, over a smooth background (the meld's case: meld-finish.ts). The meld
 * (gradient-relax.ts `meldToSources`) meets the ring exactly and spreads every mismatch between the ring
 * and the vote over the whole hole, as a Poisson blend does. Where an object crosses the ring and the
 * vote (rightly) continued the background — imagemagick-logo's box: the wizard's robe, sleeve and shoes
 * cut by a box on white — that mismatch is an edge, and blended over the hole it tinted the white
 * background lavender. So a ring link whose step from the vote differs from the source's step by more
 * than {@link MELD_CUT} (L1 RGB) is left out of the meld, and the step it leaves is faded into the hole
 * over a few pixels ({@link fadeCutSteps}): the object's colour ends softly at the ring, the
 * background stays the background.
 */
import type { Layer } from './region';

/**
 * A ring link counts as an object's edge from this mismatch (L1 over RGB, grey levels). Measured on the dev
 * set (2026-12-07, helper B9; haze = mean 255 − min(R, G, B) over the hole pixels ≥ 32 px in): 150 took
 * imagemagick-logo's box haze 57 → 20 and smarties' box 14.8 → 4.2, but also cut bokeh-dandelion's seed head
 * and rocket's lit smoke, and the dev box texture to 0.849 (the truth under those boxes is the robe and the
 * sweets, not white); 250 left the dev blob texture at 0.8496; 300: 25 and 7.0, both textures ≥ 0.85.
 */
export const MELD_CUT = 300;
/** When more than this share of the ring's links is cut, none is: the vote is off all round, and the meld blends it. */
export const MAX_CUT_SHARE = 0.5;
/** Numbers per cut link in `guidance`'s `cuts`: hole pixel, known pixel, the source's step (RGB). */
export const CUT_RECORD = 5;
/** The cut step's e-folding length into the hole, in pixels. */
export const FADE_LENGTH = 4;
/** Hole pixels farther than this (city-block, px) from a cut link keep the meld. */
const FADE_BAND = 6 * FADE_LENGTH;
/** Gauss–Seidel sweeps of the screened Poisson solve (alternating directions). */
const FADE_SWEEPS = 40;

/**
 * Adds, to the hole pixels near the cut links (`cuts`: {@link CUT_RECORD} numbers each), the screened
 * harmonic field C (4-neighbour Laplacian of C = C / {@link FADE_LENGTH}²) that takes each cut link's
 * step (known value − source step − hole value) at the ring and decays into the hole: 0 at the other
 * ring pixels and beyond {@link FADE_BAND}. RGB only.
 */
export function fadeCutSteps(layer: Layer, cuts: number[]): void {
  const { width: w, height: h, pix, hole } = layer;
  // Band pixels in breadth-first order from the cut links' hole pixels; `at` = index in the band + 1.
  const at = new Int32Array(w * h);
  const band: number[] = [];
  const dist: number[] = [];
  const push = (p: number, d: number) => {
    if (at[p] !== 0 || !hole[p]) return;
    band.push(p);
    dist.push(d);
    at[p] = band.length;
  };
  for (let k = 0; k < cuts.length; k += CUT_RECORD) push(cuts[k], 0);
  for (let i = 0; i < band.length; i++) {
    const p = band[i],
      d = dist[i];
    if (d >= FADE_BAND) continue;
    const x = p % w;
    if (x > 0) push(p - 1, d + 1);
    if (x < w - 1) push(p + 1, d + 1);
    if (p >= w) push(p - w, d + 1);
    if (p + w < w * h) push(p + w, d + 1);
  }
  const n = band.length;
  const source = new Float32Array(n * 3);
  for (let k = 0; k < cuts.length; k += CUT_RECORD) {
    const p4 = cuts[k] * 4,
      q4 = cuts[k + 1] * 4,
      j3 = (at[cuts[k]] - 1) * 3;
    for (let c = 0; c < 3; c++) source[j3 + c] += pix[q4 + c] - cuts[k + 2 + c] - pix[p4 + c];
  }
  // Per band pixel: its band neighbours (index + 1, 0 = none) and its diagonal, 4-neighbours in the image + λ.
  const nbr = new Int32Array(n * 4);
  const diag = new Float32Array(n);
  const lambda = 1 / (FADE_LENGTH * FADE_LENGTH);
  for (let j = 0; j < n; j++) {
    const p = band[j];
    const x = p % w;
    let m = 0;
    const link = (ok: boolean, q: number, slot: number) => {
      if (!ok) return;
      m++;
      nbr[j * 4 + slot] = at[q];
    };
    link(x > 0, p - 1, 0);
    link(x < w - 1, p + 1, 1);
    link(p >= w, p - w, 2);
    link(p + w < w * h, p + w, 3);
    diag[j] = m + lambda;
  }
  const c = new Float32Array(n * 3);
  for (let sweep = 0; sweep < FADE_SWEEPS; sweep++) {
    const back = sweep % 2 === 1;
    for (let t = 0; t < n; t++) {
      const j = back ? n - 1 - t : t;
      let r = source[j * 3],
        g = source[j * 3 + 1],
        b = source[j * 3 + 2];
      for (let k = j * 4; k < j * 4 + 4; k++) {
        const q = nbr[k] - 1;
        if (q < 0) continue;
        r += c[q * 3];
        g += c[q * 3 + 1];
        b += c[q * 3 + 2];
      }
      c[j * 3] = r / diag[j];
      c[j * 3 + 1] = g / diag[j];
      c[j * 3 + 2] = b / diag[j];
    }
  }
  for (let j = 0; j < n; j++) {
    const p4 = band[j] * 4;
    for (let k = 0; k < 3; k++) pix[p4 + k] += c[j * 3 + k];
  }
}
