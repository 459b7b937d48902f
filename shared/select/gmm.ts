/**
 * Gaussian mixture colour models (RGB, full covariance) for the graph-cut engine: k-means
 * initialisation, one re-estimation step per GrabCut iteration, and the negative log-likelihood
 * of a colour.
 */

export const GMM_COMPONENTS = 5;

export class Gmm {
  readonly k: number;
  readonly weight: Float64Array;
  readonly mean: Float64Array;
  /** Inverse covariance per component (3×3, row-major). */
  readonly inv: Float64Array;
  /** log(weight) - ½ log det(cov) - 1.5 log 2π per component (−∞ for an empty one). */
  readonly logNorm: Float64Array;
  /** Scratch for one colour's per-component terms. */
  private readonly terms: Float64Array;

  constructor(k = GMM_COMPONENTS) {
    this.k = k;
    this.weight = new Float64Array(k);
    this.mean = new Float64Array(k * 3);
    this.inv = new Float64Array(k * 9);
    this.logNorm = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    this.terms = new Float64Array(k);
  }

  /** Index of the component that explains colour (r, g, b) best. */
  component(r: number, g: number, b: number): number {
    let best = 0;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < this.k; c++) {
      const v = this.logTerm(c, r, g, b);
      if (v > bestV) {
        bestV = v;
        best = c;
      }
    }
    return best;
  }

  private logTerm(c: number, r: number, g: number, b: number): number {
    const ln = this.logNorm[c];
    if (ln === Number.NEGATIVE_INFINITY) return ln;
    const m = c * 3;
    const dr = r - this.mean[m];
    const dg = g - this.mean[m + 1];
    const db = b - this.mean[m + 2];
    const i = this.inv;
    const o = c * 9;
    const q =
      dr * (i[o] * dr + i[o + 1] * dg + i[o + 2] * db) +
      dg * (i[o + 3] * dr + i[o + 4] * dg + i[o + 5] * db) +
      db * (i[o + 6] * dr + i[o + 7] * dg + i[o + 8] * db);
    return ln - 0.5 * q;
  }

  /** −log p(colour), capped so one odd pixel cannot dominate the energy. */
  negLogLikelihood(r: number, g: number, b: number): number {
    let max = Number.NEGATIVE_INFINITY;
    const t = this.terms;
    for (let c = 0; c < this.k; c++) {
      t[c] = this.logTerm(c, r, g, b);
      if (t[c] > max) max = t[c];
    }
    if (max === Number.NEGATIVE_INFINITY) return 60;
    let s = 0;
    for (let c = 0; c < this.k; c++) s += Math.exp(t[c] - max);
    return Math.min(60, -(max + Math.log(s)));
  }

  /**
   * Re-estimates every component from the pixels `idx` (into `rgb`, 3 values a pixel) labelled with
   * their component in `comp`.
   */
  learn(rgb: Float32Array | Uint8Array, idx: Int32Array, count: number, comp: Uint8Array): void {
    const k = this.k;
    const n = new Float64Array(k);
    const s = new Float64Array(k * 3);
    const ss = new Float64Array(k * 9);
    for (let t = 0; t < count; t++) {
      const p = idx[t];
      const c = comp[p];
      const r = rgb[p * 3];
      const g = rgb[p * 3 + 1];
      const b = rgb[p * 3 + 2];
      n[c]++;
      s[c * 3] += r;
      s[c * 3 + 1] += g;
      s[c * 3 + 2] += b;
      const o = c * 9;
      ss[o] += r * r;
      ss[o + 1] += r * g;
      ss[o + 2] += r * b;
      ss[o + 4] += g * g;
      ss[o + 5] += g * b;
      ss[o + 8] += b * b;
    }
    for (let c = 0; c < k; c++) {
      if (n[c] < 1) {
        this.weight[c] = 0;
        this.logNorm[c] = Number.NEGATIVE_INFINITY;
        continue;
      }
      const nc = n[c];
      const mr = s[c * 3] / nc;
      const mg = s[c * 3 + 1] / nc;
      const mb = s[c * 3 + 2] / nc;
      this.mean[c * 3] = mr;
      this.mean[c * 3 + 1] = mg;
      this.mean[c * 3 + 2] = mb;
      const o = c * 9;
      // Covariance plus a floor (colours are 0..255; a flat region must not become a delta peak).
      const reg = 4;
      const a = ss[o] / nc - mr * mr + reg;
      const bb = ss[o + 1] / nc - mr * mg;
      const cc = ss[o + 2] / nc - mr * mb;
      const d = ss[o + 4] / nc - mg * mg + reg;
      const e = ss[o + 5] / nc - mg * mb;
      const f = ss[o + 8] / nc - mb * mb + reg;
      const det = a * (d * f - e * e) - bb * (bb * f - e * cc) + cc * (bb * e - d * cc);
      const inv = this.inv;
      inv[o] = (d * f - e * e) / det;
      inv[o + 1] = (cc * e - bb * f) / det;
      inv[o + 2] = (bb * e - cc * d) / det;
      inv[o + 3] = inv[o + 1];
      inv[o + 4] = (a * f - cc * cc) / det;
      inv[o + 5] = (bb * cc - a * e) / det;
      inv[o + 6] = inv[o + 2];
      inv[o + 7] = inv[o + 5];
      inv[o + 8] = (a * d - bb * bb) / det;
      this.weight[c] = nc / count;
      this.logNorm[c] = Math.log(this.weight[c]) - 0.5 * Math.log(Math.max(det, 1e-9)) - 1.5 * Math.log(2 * Math.PI);
    }
  }
}

/**
 * k-means (k = the model's component count) of the pixels `idx`: deterministic farthest-point
 * seeds on a subsample, then a few Lloyd rounds. Writes each pixel's cluster into `comp`.
 */
export function kmeansComponents(rgb: Float32Array | Uint8Array, idx: Int32Array, count: number, k: number, comp: Uint8Array): void {
  if (count === 0) return;
  const step = Math.max(1, Math.floor(count / 4000));
  const centres = new Float64Array(k * 3);
  const p0 = idx[0];
  // First seed: the mean colour; then the sample farthest from every chosen seed.
  let mr = 0;
  let mg = 0;
  let mb = 0;
  let m = 0;
  for (let t = 0; t < count; t += step) {
    const p = idx[t];
    mr += rgb[p * 3];
    mg += rgb[p * 3 + 1];
    mb += rgb[p * 3 + 2];
    m++;
  }
  centres[0] = m ? mr / m : rgb[p0 * 3];
  centres[1] = m ? mg / m : rgb[p0 * 3 + 1];
  centres[2] = m ? mb / m : rgb[p0 * 3 + 2];
  for (let c = 1; c < k; c++) {
    let bestD = -1;
    let bestP = p0;
    for (let t = 0; t < count; t += step) {
      const p = idx[t];
      let dmin = Number.POSITIVE_INFINITY;
      for (let q = 0; q < c; q++) {
        const dr = rgb[p * 3] - centres[q * 3];
        const dg = rgb[p * 3 + 1] - centres[q * 3 + 1];
        const db = rgb[p * 3 + 2] - centres[q * 3 + 2];
        const d = dr * dr + dg * dg + db * db;
        if (d < dmin) dmin = d;
      }
      if (dmin > bestD) {
        bestD = dmin;
        bestP = p;
      }
    }
    centres[c * 3] = rgb[bestP * 3];
    centres[c * 3 + 1] = rgb[bestP * 3 + 1];
    centres[c * 3 + 2] = rgb[bestP * 3 + 2];
  }
  const sums = new Float64Array(k * 4);
  for (let round = 0; round < 5; round++) {
    sums.fill(0);
    const last = round === 4;
    for (let t = 0; t < count; t += last ? 1 : step) {
      const p = idx[t];
      const r = rgb[p * 3];
      const g = rgb[p * 3 + 1];
      const b = rgb[p * 3 + 2];
      let best = 0;
      let bd = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dr = r - centres[c * 3];
        const dg = g - centres[c * 3 + 1];
        const db = b - centres[c * 3 + 2];
        const d = dr * dr + dg * dg + db * db;
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      if (last) comp[p] = best;
      sums[best * 4] += r;
      sums[best * 4 + 1] += g;
      sums[best * 4 + 2] += b;
      sums[best * 4 + 3]++;
    }
    for (let c = 0; c < k; c++) {
      const w = sums[c * 4 + 3];
      if (w > 0) {
        centres[c * 3] = sums[c * 4] / w;
        centres[c * 3 + 1] = sums[c * 4 + 1] / w;
        centres[c * 3 + 2] = sums[c * 4 + 2] / w;
      }
    }
  }
}
