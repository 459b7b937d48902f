/**
 * The colour guided filter (He, Sun & Tang 2010): a mask filtered with the photo as guide keeps the
 * photo's edges — a soft or blocky selection edge moves onto the object's edge. Used by Refine edge
 * and by object select's full-resolution pass, block by block along the boundary only. The fast
 * variant (He & Sun 2015) finds the filter's coefficients on an s× smaller copy and brings them back
 * up bilinearly: s² fewer box means for nearly the same edge.
 */

/** Mean over the (2r+1)² window clamped to the image, separable running sums. */
export function boxMean(src: Float32Array, w: number, h: number, r: number, out: Float32Array, tmp: Float32Array): void {
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let s = 0;
    for (let x = 0; x < Math.min(r, w - 1) + 1; x++) s += src[row + x];
    for (let x = 0; x < w; x++) {
      const lo = x - r;
      const hi = x + r;
      const n = Math.min(hi, w - 1) - Math.max(lo, 0) + 1;
      tmp[row + x] = s / n;
      if (hi + 1 < w) s += src[row + hi + 1];
      if (lo >= 0) s -= src[row + lo];
    }
  }
  for (let x = 0; x < w; x++) {
    let s = 0;
    for (let y = 0; y < Math.min(r, h - 1) + 1; y++) s += tmp[y * w + x];
    for (let y = 0; y < h; y++) {
      const lo = y - r;
      const hi = y + r;
      const n = Math.min(hi, h - 1) - Math.max(lo, 0) + 1;
      out[y * w + x] = s / n;
      if (hi + 1 < h) s += tmp[(hi + 1) * w + x];
      if (lo >= 0) s -= tmp[lo * w + x];
    }
  }
}

/** The guide's three channels as planes of 0..1 values. */
function guidePlanes(rgba: Uint8Array | Uint8ClampedArray, n: number): Float32Array[] {
  const I = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    I[0][i] = rgba[i * 4] / 255;
    I[1][i] = rgba[i * 4 + 1] / 255;
    I[2][i] = rgba[i * 4 + 2] / 255;
  }
  return I;
}

/**
 * The filter's linear coefficients, already averaged over each window: q = a·I + b with
 * a = [ar, ag, ab], b = bb (four planes of `w`×`h`).
 */
function coefficients(I: Float32Array[], p: Float32Array, w: number, h: number, r: number, eps: number): Float32Array[] {
  const n = w * h;
  const tmp = new Float32Array(n);
  const mean = (src: Float32Array) => {
    const out = new Float32Array(n);
    boxMean(src, w, h, r, out, tmp);
    return out;
  };
  const prod = (a: Float32Array, b: Float32Array) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
    return out;
  };
  const mI = I.map(mean);
  const mp = mean(p);
  const mIp = I.map((c) => mean(prod(c, p)));
  // Covariances of the guide: rr rg rb gg gb bb.
  const pairs: Array<[number, number]> = [
    [0, 0],
    [0, 1],
    [0, 2],
    [1, 1],
    [1, 2],
    [2, 2],
  ];
  const v = pairs.map(([a, b]) => mean(prod(I[a], I[b])));
  const ar = new Float32Array(n);
  const ag = new Float32Array(n);
  const ab = new Float32Array(n);
  const bb = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r0 = mI[0][i];
    const g0 = mI[1][i];
    const b0 = mI[2][i];
    const m = mp[i];
    const cr = mIp[0][i] - r0 * m;
    const cg = mIp[1][i] - g0 * m;
    const cb = mIp[2][i] - b0 * m;
    const srr = v[0][i] - r0 * r0 + eps;
    const srg = v[1][i] - r0 * g0;
    const srb = v[2][i] - r0 * b0;
    const sgg = v[3][i] - g0 * g0 + eps;
    const sgb = v[4][i] - g0 * b0;
    const sbb = v[5][i] - b0 * b0 + eps;
    // Inverse of the symmetric 3×3 by cofactors.
    const i00 = sgg * sbb - sgb * sgb;
    const i01 = srb * sgb - srg * sbb;
    const i02 = srg * sgb - srb * sgg;
    const i11 = srr * sbb - srb * srb;
    const i12 = srb * srg - srr * sgb;
    const i22 = srr * sgg - srg * srg;
    const det = srr * i00 + srg * i01 + srb * i02;
    const a0 = (i00 * cr + i01 * cg + i02 * cb) / det;
    const a1 = (i01 * cr + i11 * cg + i12 * cb) / det;
    const a2 = (i02 * cr + i12 * cg + i22 * cb) / det;
    ar[i] = a0;
    ag[i] = a1;
    ab[i] = a2;
    bb[i] = m - a0 * r0 - a1 * g0 - a2 * b0;
  }
  return [mean(ar), mean(ag), mean(ab), mean(bb)];
}

/**
 * Filters `p` (0..1, one value a pixel) guided by the colour image `rgba` (8-bit RGBA, same size).
 * `eps` is in (0..1)² units: small keeps more of the guide's edges.
 */
export function guidedFilter(
  rgba: Uint8Array | Uint8ClampedArray,
  p: Float32Array,
  w: number,
  h: number,
  r: number,
  eps: number,
): Float32Array {
  const n = w * h;
  const I = guidePlanes(rgba, n);
  const [mar, mag, mab, mbb] = coefficients(I, p, w, h, r, eps);
  const q = new Float32Array(n);
  for (let i = 0; i < n; i++) q[i] = mar[i] * I[0][i] + mag[i] * I[1][i] + mab[i] * I[2][i] + mbb[i];
  return q;
}

/** Mean of each s×s cell (the last row and column of cells may be smaller). */
function cellMeans(src: Float32Array, w: number, h: number, s: number, ws: number, hs: number): Float32Array {
  const out = new Float32Array(ws * hs);
  const cell = new Int32Array(w);
  for (let x = 0; x < w; x++) cell[x] = (x / s) | 0;
  for (let y = 0; y < h; y++) {
    const o = ((y / s) | 0) * ws;
    const row = y * w;
    for (let x = 0; x < w; x++) out[o + cell[x]] += src[row + x];
  }
  for (let cy = 0; cy < hs; cy++) {
    const ch = Math.min(s, h - cy * s);
    for (let cx = 0; cx < ws; cx++) out[cy * ws + cx] /= ch * Math.min(s, w - cx * s);
  }
  return out;
}

/** Where full-resolution column/row `x` falls between cell centres: the left cell and the weight of the right one. */
function cellLerp(len: number, s: number, cells: number): { lo: Int32Array; t: Float32Array } {
  const lo = new Int32Array(len);
  const t = new Float32Array(len);
  for (let x = 0; x < len; x++) {
    const f = Math.min(cells - 1, Math.max(0, (x + 0.5) / s - 0.5));
    const i = cells === 1 ? 0 : Math.min(cells - 2, Math.floor(f));
    lo[x] = i;
    t[x] = cells === 1 ? 0 : f - i;
  }
  return { lo, t };
}

/**
 * The fast guided filter: like `guidedFilter`, with the coefficients found on an `s`× smaller copy
 * (window radius r/s there) and interpolated back; s = 1 is the exact filter.
 */
export function fastGuidedFilter(
  rgba: Uint8Array | Uint8ClampedArray,
  p: Float32Array,
  w: number,
  h: number,
  r: number,
  eps: number,
  s: number,
): Float32Array {
  if (s <= 1) return guidedFilter(rgba, p, w, h, r, eps);
  const n = w * h;
  const I = guidePlanes(rgba, n);
  const ws = Math.ceil(w / s);
  const hs = Math.ceil(h / s);
  const Is = I.map((c) => cellMeans(c, w, h, s, ws, hs));
  const ps = cellMeans(p, w, h, s, ws, hs);
  const [ar, ag, ab, bb] = coefficients(Is, ps, ws, hs, Math.max(1, Math.round(r / s)), eps);
  const X = cellLerp(w, s, ws);
  const Y = cellLerp(h, s, hs);
  const q = new Float32Array(n);
  const dx = ws === 1 ? 0 : 1;
  const dy = hs === 1 ? 0 : ws;
  const [I0, I1, I2] = I;
  for (let y = 0; y < h; y++) {
    const r0 = Y.lo[y] * ws;
    const ty = Y.t[y];
    for (let x = 0; x < w; x++) {
      const c = r0 + X.lo[x];
      const tx = X.t[x];
      const w00 = (1 - tx) * (1 - ty);
      const w01 = tx * (1 - ty);
      const w10 = (1 - tx) * ty;
      const w11 = tx * ty;
      const c01 = c + dx;
      const c10 = c + dy;
      const c11 = c10 + dx;
      const i = y * w + x;
      q[i] =
        (ar[c] * w00 + ar[c01] * w01 + ar[c10] * w10 + ar[c11] * w11) * I0[i] +
        (ag[c] * w00 + ag[c01] * w01 + ag[c10] * w10 + ag[c11] * w11) * I1[i] +
        (ab[c] * w00 + ab[c01] * w01 + ab[c10] * w10 + ab[c11] * w11) * I2[i] +
        (bb[c] * w00 + bb[c01] * w01 + bb[c10] * w10 + bb[c11] * w11);
    }
  }
  return q;
}
