/**
 * The normalised Gaussian blur the structure/texture finish (seam.ts) splits a fill with, by its taps
 * (box-cascade-blur.ts has the running-sum approximation used for a large σ).
 */

/** Inclusive pixel box. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Unnormalised Gaussian taps over ±⌈3σ⌉ (at least ±1): the weights both blurs below use. */
function gaussianTaps(sigma: number): { rad: number; k: Float64Array } {
  const rad = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float64Array(2 * rad + 1);
  for (let i = -rad; i <= rad; i++) k[i + rad] = Math.exp(-(i * i) / (2 * sigma * sigma));
  return { rad, k };
}

/**
 * Gaussian blur (σ, truncated at 3σ) of the RGBA planes of `pix`, evaluated inside `box` only;
 * returns 4 floats per box pixel, row-major. A normalised convolution: only pixels whose
 * `hole` value is non-zero exactly when `fromHole` is true contribute, and the weights are
 * renormalised (also at the image edges), so the hole's detail never sees the known pixels and
 * vice versa, and a step at the hole border does not leak into either. Without `hole`, every
 * pixel contributes. Box pixels with no contributor get 0.
 */
export function blurBox(
  pix: Float32Array,
  w: number,
  h: number,
  box: Box,
  sigma: number,
  hole?: Uint8Array,
  fromHole = false,
): Float32Array {
  const { x0, y0, x1, y1 } = box;
  const { rad, k } = gaussianTaps(sigma);
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  const use = (i: number) => (hole ? (hole[i] !== 0) === fromHole : true);
  // Horizontal pass (weighted sums and weights, 5 floats) over the rows the vertical pass needs.
  const ya = Math.max(0, y0 - rad),
    yb = Math.min(h - 1, y1 + rad);
  const tmp = new Float64Array((yb - ya + 1) * bw * 5);
  for (let y = ya; y <= yb; y++) {
    for (let x = x0; x <= x1; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0,
        sw = 0;
      const xa = Math.max(0, x - rad),
        xe = Math.min(w - 1, x + rad);
      for (let xx = xa; xx <= xe; xx++) {
        const i = y * w + xx;
        if (!use(i)) continue;
        const wt = k[xx - x + rad],
          i4 = i * 4;
        r += wt * pix[i4];
        g += wt * pix[i4 + 1];
        b += wt * pix[i4 + 2];
        a += wt * pix[i4 + 3];
        sw += wt;
      }
      const o = ((y - ya) * bw + (x - x0)) * 5;
      tmp[o] = r;
      tmp[o + 1] = g;
      tmp[o + 2] = b;
      tmp[o + 3] = a;
      tmp[o + 4] = sw;
    }
  }
  const out = new Float32Array(bw * bh * 4);
  for (let y = y0; y <= y1; y++) {
    const ys = Math.max(ya, y - rad),
      ye = Math.min(yb, y + rad);
    for (let x = 0; x < bw; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0,
        sw = 0;
      for (let yy = ys; yy <= ye; yy++) {
        const wt = k[yy - y + rad],
          i5 = ((yy - ya) * bw + x) * 5;
        r += wt * tmp[i5];
        g += wt * tmp[i5 + 1];
        b += wt * tmp[i5 + 2];
        a += wt * tmp[i5 + 3];
        sw += wt * tmp[i5 + 4];
      }
      if (sw <= 0) continue;
      const o = ((y - y0) * bw + x) * 4;
      out[o] = r / sw;
      out[o + 1] = g / sw;
      out[o + 2] = b / sw;
      out[o + 3] = a / sw;
    }
  }
  return out;
}

/**
 * The blur {@link toDetail} (seam.ts) needs, in one pass: for every pixel of `box`, the normalised
 * Gaussian blur (σ, truncated at 3σ) of the RGB of the pixels on ITS side of the hole border —
 * hole pixels from hole pixels only, known pixels from known pixels only. Equals
 * `blurBox(pix, w, h, box, sigma, hole, true)` at hole pixels and `blurBox(…, false)` at known
 * ones (up to float rounding), at about a third of their cost: the horizontal pass sums both sides at once
 * without branches (hole-side sums weighted by the 0/1 hole map, the known side as all − hole),
 * the vertical pass only sums the side each pixel needs, and alpha is skipped.
 * Returns 3 floats per box pixel, row-major; a pixel with no contributor on its side gets 0.
 */
export function blurOwnSide(pix: Float32Array, w: number, h: number, box: Box, sigma: number, hole: Uint8Array): Float32Array {
  const { x0, y0, x1, y1 } = box;
  const { rad, k } = gaussianTaps(sigma);
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  const ya = Math.max(0, y0 - rad),
    yb = Math.min(h - 1, y1 + rad);
  // Horizontal pass: 8 sums per pixel — hole side (r, g, b, weight), then all pixels (r, g, b, weight).
  const tmp = new Float64Array((yb - ya + 1) * bw * 8);
  for (let y = ya; y <= yb; y++) {
    const row = y * w;
    let o = (y - ya) * bw * 8;
    for (let x = x0; x <= x1; x++, o += 8) {
      let hr = 0,
        hg = 0,
        hb = 0,
        hw = 0,
        ar = 0,
        ag = 0,
        ab = 0,
        aw = 0;
      const xa = x - rad < 0 ? 0 : x - rad,
        xe = x + rad > w - 1 ? w - 1 : x + rad;
      for (let xx = xa, kk = xa - x + rad; xx <= xe; xx++, kk++) {
        const i = row + xx,
          i4 = i * 4;
        const wt = k[kk],
          wh = wt * hole[i];
        const r = pix[i4],
          g = pix[i4 + 1],
          b = pix[i4 + 2];
        hr += wh * r;
        hg += wh * g;
        hb += wh * b;
        hw += wh;
        ar += wt * r;
        ag += wt * g;
        ab += wt * b;
        aw += wt;
      }
      tmp[o] = hr;
      tmp[o + 1] = hg;
      tmp[o + 2] = hb;
      tmp[o + 3] = hw;
      tmp[o + 4] = ar - hr;
      tmp[o + 5] = ag - hg;
      tmp[o + 6] = ab - hb;
      tmp[o + 7] = aw - hw;
    }
  }
  // Vertical pass: only the pixel's own side (offset 0 in the hole, 4 outside).
  const out = new Float32Array(bw * bh * 3);
  const stride = bw * 8;
  for (let y = y0; y <= y1; y++) {
    const ys = Math.max(ya, y - rad),
      ye = Math.min(yb, y + rad);
    for (let x = 0; x < bw; x++) {
      const side = hole[y * w + x0 + x] ? 0 : 4;
      let r = 0,
        g = 0,
        b = 0,
        sw = 0;
      for (let yy = ys, i8 = (ys - ya) * stride + x * 8 + side, kk = ys - y + rad; yy <= ye; yy++, i8 += stride, kk++) {
        const wt = k[kk];
        r += wt * tmp[i8];
        g += wt * tmp[i8 + 1];
        b += wt * tmp[i8 + 2];
        sw += wt * tmp[i8 + 3];
      }
      // Known-side weights are differences of sums: treat round-off as "no contributor".
      if (sw <= 1e-9) continue;
      const o = ((y - y0) * bw + x) * 3;
      out[o] = r / sw;
      out[o + 1] = g / sw;
      out[o + 2] = b / sw;
    }
  }
  return out;
}
