/**
 * The finish of a hole over a smooth background (out of focus, sky, a plain wall), used by seam.ts
 * instead of membrane + gained detail when the known ring is smooth but for a few sharp lines.
 *
 * The membrane + detail finish replaces every scale above the detail σ (≤ 8 px) by the harmonic
 * membrane, the ring's average: on bokeh-dandelion's box hole the large orange and red discs of the
 * truth became one hazy grey-orange rectangle, and on rocket's box hole a lighter square in the night
 * sky. And the detail gain (measured on the ring's mean step, which the seed head's filaments set)
 * amplified the steps between the vote's sources into straight borders and grain. Here instead:
 *
 * 1. the vote is melded: relaxed to convergence towards its sources' own steps (`meld`,
 *    gradient-relax.ts `meldToSources`). Every step between two unrelated sources is spread over the
 *    hole, as a Poisson blend of the copied regions, and the result meets the ring exactly; the
 *    vote's large discs stay.
 * 2. its detail (vote − its σ blur) is gained by the ratio of the MEDIAN steps of the known and hole
 *    detail ({@link medianSteps}: sparse filaments and object edges on the ring do not set it), faded
 *    in over σ pixels from the ring so the ring's own steps meet the fill unamplified.
 *
 * "Smooth" is {@link SMOOTH_RING_STEP}: the ring's median detail step, in grey levels (L1 over RGB, a
 * right and a down step). Measured on the bench's holes whose gain exceeds 1.2 (the only ones that
 * reach this choice): dev 0.0–6.6 (dandelion, rocket, smarties, imagemagick-logo, desk-stuff), held
 * back 8.8–28 (grass, leaves, a valley, a fig bowl: textures, where the membrane finish is kept —
 * melding them cost held-back box texture 0.86 → 0.83 and blob PSNR 0.4 dB).
 */
import type { Box } from './blur-box';
import type { Layer } from './region';

/** The ring's median detail step below which a hole's background counts as smooth (see above). */
export const SMOOTH_RING_STEP = 8;

/**
 * Median detail step (L1 RGB, right + down) of the known and of the hole pixels in `box`.
 * @param holeToo - false: the known pixels' only (`hole` is then 0)
 * @returns [known, hole] (a typed array: see seam.ts detailStats on why not an object)
 */
export function medianSteps(level: Layer, box: Box, det: Float32Array, holeToo = true): Float64Array {
  const { width: w, hole } = level;
  const bw = box.x1 - box.x0 + 1;
  const cap = (box.y1 - box.y0) * (bw - 1);
  const known = new Float32Array(cap),
    inHole = new Float32Array(holeToo ? cap : 0);
  let nk = 0,
    nh = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = y * w + x;
      const isKnown = !hole[i] && !hole[i + 1] && !hole[i + w];
      if (!isKnown && !(holeToo && hole[i] && hole[i + 1] && hole[i + w])) continue;
      const b = ((y - box.y0) * bw + (x - box.x0)) * 4;
      let g = 0;
      for (let c = 0; c < 3; c++) g += Math.abs(det[b + 4 + c] - det[b + c]) + Math.abs(det[b + bw * 4 + c] - det[b + c]);
      if (isKnown) known[nk++] = g;
      else inHole[nh++] = g;
    }
  }
  const median = (a: Float32Array, n: number) => (n === 0 ? 0 : selectKth(a, n, n >> 1));
  return Float64Array.of(median(known, nk), median(inHole, nh));
}

/**
 * The `k`-th smallest of `a[0…n − 1]` (0-based), which it reorders: the value `a.subarray(0, n).sort()[k]`
 * has, in O(n) (quickselect, three-way partition: a smooth ring's steps are mostly equal, often 0).
 */
export function selectKth(a: Float32Array, n: number, k: number): number {
  let lo = 0,
    hi = n - 1;
  while (lo < hi) {
    // Median of three as the pivot; then a[lo…lt − 1] < p, a[lt…gt] = p, a[gt + 1…hi] > p.
    const mid = (lo + hi) >> 1;
    const x = a[lo],
      y = a[mid],
      z = a[hi];
    const p = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo,
      i = lo,
      gt = hi;
    while (i <= gt) {
      const v = a[i];
      if (v < p) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > p) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return p;
  }
  return a[k];
}

/**
 * Adds (gain − 1) × the detail to the hole pixels of `level.pix` in `box`, faded in linearly over the
 * first `ramp` pixels (city-block distance from the known pixels). RGB only.
 * @param det - detail per box pixel, 4 floats each
 */
export function addGainedDetail(level: Layer, box: Box, det: Float32Array, gain: number, ramp: number): void {
  const { width: w, hole, pix } = level;
  const bw = box.x1 - box.x0 + 1,
    bh = box.y1 - box.y0 + 1;
  if (gain === 1) return;
  // Two-pass city-block distance to the nearest known pixel of the box.
  const dist = new Float32Array(bw * bh);
  const far = bw + bh;
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const b = y * bw + x;
      if (!hole[(y + box.y0) * w + x + box.x0]) continue;
      dist[b] = Math.min(x > 0 ? dist[b - 1] + 1 : far, y > 0 ? dist[b - bw] + 1 : far);
    }
  }
  for (let y = bh - 1; y >= 0; y--) {
    for (let x = bw - 1; x >= 0; x--) {
      const b = y * bw + x;
      dist[b] = Math.min(dist[b], x < bw - 1 ? dist[b + 1] + 1 : far, y < bh - 1 ? dist[b + bw] + 1 : far);
    }
  }
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const b = (y - box.y0) * bw + (x - box.x0);
      const f = (gain - 1) * Math.min(1, dist[b] / ramp);
      for (let c = 0; c < 3; c++) pix[i * 4 + c] += f * det[b * 4 + c];
    }
  }
}

/**
 * Ring colours of opposed hues, as on foliage-branch's blob hole (blue sky between yellow-green
 * leaves): the harmonic membrane averages them to a washed grey over the hole. Measured on the
 * known pixels' σ blur in `box` (`low`, 3 floats per box pixel), in the opponent axes R − G and
 * (R + G) / 2 − B: the mean chroma is at least {@link OPPOSED_MIN_CHROMA} and the hue dispersion
 * (1 − |mean colour vector| ÷ mean |colour vector|: 0 for one hue, 1 when they cancel) at least
 * {@link OPPOSED_MIN_DISPERSION}. On the bench's holes with gain ≤ 1.2: foliage-branch blob 0.59
 * (chroma 46), bokeh-nuthatch blob 0.77 (33), autumn-valley box 0.52 (45) pass; with chroma ≥ 20
 * the next is 0.19 (ladybird); dogs-window blob (0.84) and bokeh-nuthatch box (0.76) are grey (8, 13).
 * The ring must also be textured (median detail step ≥ 8: a smooth colour ramp keeps the plain
 * membrane, which is exact there; so bokeh-nuthatch blob, median 3.1, is left out).
 * There the vote is melded and the membrane guided by it (seam.ts): the fill is the meld's detail
 * (gained and feathered as usual) + the meld's σ blur + a harmonic correction to meet the ring. (The
 * vote's own detail over the meld's σ blur, until 2026-12-07 noon, kept the steps between its copied
 * pieces: a mosaic of straight-edged leaf shards, `straightStepShare` 0.0063 against the truth's 0.0005.)
 */
export const OPPOSED_MIN_CHROMA = 20;
export const OPPOSED_MIN_DISPERSION = 0.5;

export function opposedHues(level: Layer, box: Box, low: Float32Array): boolean {
  const { width: w, hole } = level;
  const bw = box.x1 - box.x0 + 1;
  let n = 0,
    sa = 0,
    sb = 0,
    sm = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      if (hole[y * w + x]) continue;
      const j = ((y - box.y0) * bw + (x - box.x0)) * 3;
      const a = low[j] - low[j + 1],
        b = (low[j] + low[j + 1]) / 2 - low[j + 2];
      n++;
      sa += a;
      sb += b;
      sm += Math.hypot(a, b);
    }
  }
  if (n === 0 || sm / n < OPPOSED_MIN_CHROMA) return false;
  return 1 - Math.hypot(sa, sb) / sm >= OPPOSED_MIN_DISPERSION;
}

/** Adds `low` (3 floats per box pixel) to the hole pixels of `level.pix` in `box`. RGB only. */
export function addLow(level: Layer, box: Box, low: Float32Array): void {
  const { width: w, hole, pix } = level;
  const bw = box.x1 - box.x0 + 1;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const b = ((y - box.y0) * bw + (x - box.x0)) * 3;
      for (let c = 0; c < 3; c++) pix[i * 4 + c] += low[b + c];
    }
  }
}
