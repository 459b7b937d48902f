/**
 * Gaussian-like blur of a byte grid by repeated box blurs (running sums, O(1) per pixel per
 * pass regardless of the radius). Distances are in pixels of the grid.
 */

/**
 * Box radii whose successive application approximates a Gaussian of standard deviation `sigma`
 * (pixels), following W. Jarosz / I. Kutskir ("fast Gaussian blur"). Returns `passes` radii ≥ 0.
 */
export function gaussianBoxRadii(sigma: number, passes = 3): number[] {
  if (!(sigma > 0)) return new Array<number>(passes).fill(0);
  const wIdeal = Math.sqrt((12 * sigma * sigma) / passes + 1);
  let wl = Math.floor(wIdeal);
  if (wl % 2 === 0) wl--;
  const wu = wl + 2;
  const mIdeal = (12 * sigma * sigma - passes * wl * wl - 4 * passes * wl - 3 * passes) / (-4 * wl - 4);
  const m = Math.round(mIdeal);
  const radii: number[] = [];
  for (let i = 0; i < passes; i++) radii.push(((i < m ? wl : wu) - 1) / 2);
  return radii;
}

/**
 * One box blur of radius `r` over `src[0 .. n)` into `dst[0 .. n)`, with clamp-to-edge
 * boundaries (samples beyond either end repeat the end value).
 */
export function boxBlur1d(src: Float64Array, dst: Float64Array, n: number, r: number): void {
  if (r <= 0 || n === 0) {
    for (let i = 0; i < n; i++) dst[i] = src[i];
    return;
  }
  const last = n - 1;
  const norm = 1 / (2 * r + 1);
  let sum = (r + 1) * src[0];
  for (let i = 1; i <= r; i++) sum += src[i < last ? i : last];
  for (let i = 0; i < n; i++) {
    dst[i] = sum * norm;
    const add = i + r + 1;
    const sub = i - r;
    sum += src[add < last ? add : last] - src[sub > 0 ? sub : 0];
  }
}

/** Applies every radius in turn to `a[0 .. n)`; the result ends in `a` (`b` is scratch). */
function blurLine(a: Float64Array, b: Float64Array, n: number, radii: readonly number[]): void {
  for (const r of radii) {
    boxBlur1d(a, b, n, r);
    for (let i = 0; i < n; i++) a[i] = b[i];
  }
}

/** Columns processed together in the vertical pass (one 64-byte cache line of floats). */
const STRIP = 16;

/**
 * Blurs a `width`×`height` row-major byte grid with the box `radii` applied horizontally then
 * vertically (clamp-to-edge), returning a new rounded byte grid. Memory: one float per pixel.
 */
export function separableBoxBlur(values: Uint8Array, width: number, height: number, radii: readonly number[]): Uint8Array {
  const buf = new Float32Array(width * height);
  const a = new Float64Array(Math.max(width, height));
  const b = new Float64Array(Math.max(width, height));
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) a[x] = values[o + x];
    blurLine(a, b, width, radii);
    for (let x = 0; x < width; x++) buf[o + x] = a[x];
  }
  const out = new Uint8Array(width * height);
  const strip = new Float64Array(STRIP * height);
  for (let x0 = 0; x0 < width; x0 += STRIP) {
    const sw = Math.min(STRIP, width - x0);
    for (let y = 0; y < height; y++) {
      const o = y * width + x0;
      for (let c = 0; c < sw; c++) strip[c * height + y] = buf[o + c];
    }
    for (let c = 0; c < sw; c++) {
      const col = strip.subarray(c * height, (c + 1) * height);
      for (let y = 0; y < height; y++) a[y] = col[y];
      blurLine(a, b, height, radii);
      col.set(a.subarray(0, height));
    }
    for (let y = 0; y < height; y++) {
      const o = y * width + x0;
      for (let c = 0; c < sw; c++) {
        const v = strip[c * height + y];
        out[o + c] = v >= 255 ? 255 : v <= 0 ? 0 : Math.round(v);
      }
    }
  }
  return out;
}
