/**
 * The colour guided filter (He, Sun & Tang 2010): a mask filtered with the photo as guide keeps the
 * photo's edges — a soft or blocky selection edge moves onto the object's edge. Used by Refine edge
 * and by object select's full-resolution pass, block by block along the boundary only.
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
  const ch = (k: number) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = rgba[i * 4 + k] / 255;
    return a;
  };
  const I = [ch(0), ch(1), ch(2)];
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
  const mar = mean(ar);
  const mag = mean(ag);
  const mab = mean(ab);
  const mbb = mean(bb);
  const q = new Float32Array(n);
  for (let i = 0; i < n; i++) q[i] = mar[i] * I[0][i] + mag[i] * I[1][i] + mab[i] * I[2][i] + mbb[i];
  return q;
}
