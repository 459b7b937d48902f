/**
 * The box-filter cascade the structure/texture finish (seam.ts) uses for a large σ: three running-sum
 * box filters approximating the Gaussian of blur-box.ts at a cost independent of σ, per side of the
 * hole border (split from blur-box.ts, which keeps the tap-based Gaussian blurs).
 */
import type { Box } from './blur-box';

/**
 * Widths (odd) of three box filters whose cascade approximates a Gaussian of `sigma` (Wells 1986;
 * the integer widths after Kovesi 2010): m boxes of width wl and 3 − m of wl + 2, with m chosen so
 * the cascade's variance Σ (wᵢ² − 1) / 12 is as close to σ² as integer widths allow.
 */
export function boxWidthsFor(sigma: number): [number, number, number] {
  const n = 3;
  let wl = Math.floor(Math.sqrt((12 * sigma * sigma) / n + 1));
  if (wl % 2 === 0) wl--;
  wl = Math.max(1, wl);
  const m = Math.round((12 * sigma * sigma - n * wl * wl - 4 * n * wl - 3 * n) / (-4 * wl - 4));
  return [0, 1, 2].map((i) => (i < m ? wl : wl + 2)) as [number, number, number];
}

/**
 * One box sum of radius `r` along `len` samples of 4 interleaved channels, `src` → `dst`.
 * Samples outside the line count as 0.
 */
function boxLine(src: Float64Array, dst: Float64Array, len: number, r: number): void {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  for (let i = 0, o = 0; i <= r && i < len; i++, o += 4) {
    s0 += src[o];
    s1 += src[o + 1];
    s2 += src[o + 2];
    s3 += src[o + 3];
  }
  // Three runs of i (the sample entering at i + r + 1 exists / the one leaving at i − r exists), each
  // without per-sample tests: the same additions and subtractions in the same order as one loop with both tests.
  const addEnd = Math.max(0, len - r - 1); // i < addEnd: a sample enters
  const subStart = Math.min(len, r); // i ≥ subStart: a sample leaves
  const mid0 = Math.min(addEnd, subStart);
  let i = 0,
    o = 0;
  for (; i < mid0; i++, o += 4) {
    dst[o] = s0;
    dst[o + 1] = s1;
    dst[o + 2] = s2;
    dst[o + 3] = s3;
    const a = o + (r + 1) * 4;
    s0 += src[a];
    s1 += src[a + 1];
    s2 += src[a + 2];
    s3 += src[a + 3];
  }
  for (; i < addEnd && i >= subStart; i++, o += 4) {
    dst[o] = s0;
    dst[o + 1] = s1;
    dst[o + 2] = s2;
    dst[o + 3] = s3;
    const a = o + (r + 1) * 4;
    s0 += src[a];
    s1 += src[a + 1];
    s2 += src[a + 2];
    s3 += src[a + 3];
    const d = o - r * 4;
    s0 -= src[d];
    s1 -= src[d + 1];
    s2 -= src[d + 2];
    s3 -= src[d + 3];
  }
  for (; i < len; i++, o += 4) {
    dst[o] = s0;
    dst[o + 1] = s1;
    dst[o + 2] = s2;
    dst[o + 3] = s3;
    if (i < addEnd) {
      const a = o + (r + 1) * 4;
      s0 += src[a];
      s1 += src[a + 1];
      s2 += src[a + 2];
      s3 += src[a + 3];
    }
    if (i >= subStart) {
      const d = o - r * 4;
      s0 -= src[d];
      s1 -= src[d + 1];
      s2 -= src[d + 2];
      s3 -= src[d + 3];
    }
  }
}

/**
 * One box sum of radius `r` down the columns of a `rows × n` plane (n = values per row),
 * `src` → `dst`, with a running row of sums: rows outside the plane count as 0.
 */
function boxColumns(src: Float64Array, dst: Float64Array, rows: number, n: number, r: number, acc: Float64Array): void {
  acc.fill(0, 0, n);
  for (let y = 0; y <= r && y < rows; y++) for (let j = 0, o = y * n; j < n; j++, o++) acc[j] += src[o];
  for (let y = 0; y < rows; y++) {
    const o = y * n;
    dst.set(n === acc.length ? acc : acc.subarray(0, n), o);
    if (y + r + 1 < rows) for (let j = 0, a = (y + r + 1) * n; j < n; j++, a++) acc[j] += src[a];
    if (y - r >= 0) for (let j = 0, d = (y - r) * n; j < n; j++, d++) acc[j] -= src[d];
  }
}

/**
 * {@link blurOwnSide} with the Gaussian replaced by a cascade of three box filters of about the
 * same variance ({@link boxWidthsFor}): the same normalised convolution per side (hole pixels from
 * hole pixels only, known from known only, renormalised at the image edges), at a cost independent
 * of σ (running sums) instead of 2⌈3σ⌉ + 1 taps per pass; its support is Σ wᵢ − 2 ≈ ±3σ. Weights
 * are pixel counts, so "no contributor on its side" is exact (the pixel gets 0).
 * Returns 3 floats per box pixel, row-major.
 */
export function blurOwnSideBoxes(pix: Float32Array, w: number, h: number, box: Box, sigma: number, hole: Uint8Array): Float32Array {
  const out = new Float32Array((box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1) * 3);
  blurSideBoxes(pix, w, h, box, sigma, hole, 0, out);
  blurSideBoxes(pix, w, h, box, sigma, hole, 1, out);
  return out;
}

/**
 * One side of {@link blurOwnSideBoxes}: `side` 0 blurs the hole pixels from hole pixels, 1 the known
 * pixels from known pixels, and writes only that side's box pixels of `out` (3 floats per box pixel;
 * the other side's entries are left as they are). The two sides share nothing, so they can run on
 * two threads (lanes.ts); each channel's sums are the same operations in the same order either way.
 */
export function blurSideBoxes(
  pix: Float32Array,
  w: number,
  h: number,
  box: Box,
  sigma: number,
  hole: Uint8Array,
  side: 0 | 1,
  out: Float32Array,
): void {
  const { x0, y0, x1, y1 } = box;
  const radii = boxWidthsFor(sigma).map((wd) => (wd - 1) >> 1);
  const R = radii[0] + radii[1] + radii[2];
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // Rows y0 − R … y1 + R and columns x0 − R … x1 + R, including those beyond the image (zeros):
  // the intermediate passes spread into them, and the last pass must see that spread.
  const ya = y0 - R;
  const rows = bh + 2 * R;
  // Horizontal: per row, a line of bw + 2R samples, 4 channels: this side's (r, g, b, count).
  const len = bw + 2 * R;
  let a = new Float64Array(len * 4),
    b = new Float64Array(len * 4);
  const n = bw * 4;
  const p = new Float64Array(rows * n);
  const xs = Math.max(0, x0 - R),
    xe = Math.min(w - 1, x1 + R);
  const mine = side === 0 ? 1 : 0;
  for (let y = Math.max(0, ya); y <= Math.min(h - 1, y1 + R); y++) {
    a.fill(0);
    const row = y * w;
    let any = false;
    for (let x = xs, o = (xs - (x0 - R)) * 4; x <= xe; x++, o += 4) {
      const i = row + x;
      if ((hole[i] ? 1 : 0) !== mine) continue;
      const i4 = i * 4;
      a[o] = pix[i4];
      a[o + 1] = pix[i4 + 1];
      a[o + 2] = pix[i4 + 2];
      a[o + 3] = 1;
      any = true;
    }
    // A row without pixels of this side blurs to zeros, which `p` already holds.
    if (!any) continue;
    for (const r of radii) {
      boxLine(a, b, len, r);
      const t = a;
      a = b;
      b = t;
    }
    p.set(a.subarray(R * 4, (R + bw) * 4), (y - ya) * n);
  }
  // Vertical, in strips of STRIP_PIXELS columns (each column's sums are the same operations in the same
  // order as over the whole plane; a strip's two planes stay in cache), then this side's pixels.
  const sw0 = Math.min(bw, STRIP_PIXELS) * 4;
  let sa = new Float64Array(rows * sw0),
    sb = new Float64Array(rows * sw0);
  const acc = new Float64Array(sw0);
  for (let c0 = 0; c0 < bw; c0 += STRIP_PIXELS) {
    const cw = Math.min(STRIP_PIXELS, bw - c0);
    const sw = cw * 4;
    for (let y = 0; y < rows; y++) sa.set(p.subarray(y * n + c0 * 4, y * n + c0 * 4 + sw), y * sw);
    for (const r of radii) {
      boxColumns(sa, sb, rows, sw, r, acc);
      const t = sa;
      sa = sb;
      sb = t;
    }
    for (let y = y0; y <= y1; y++) {
      const srow = (y - ya) * sw;
      for (let x = 0; x < cw; x++) {
        if ((hole[y * w + x0 + c0 + x] ? 1 : 0) !== mine) continue;
        const o4 = srow + x * 4;
        const cnt = sa[o4 + 3];
        if (cnt < 0.5) continue;
        const o = ((y - y0) * bw + c0 + x) * 3;
        out[o] = sa[o4] / cnt;
        out[o + 1] = sa[o4 + 1] / cnt;
        out[o + 2] = sa[o4 + 2] / cnt;
      }
    }
  }
}

/** Columns per strip of {@link blurSideBoxes}'s vertical passes. */
const STRIP_PIXELS = 64;
