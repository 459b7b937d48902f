/**
 * Exact Euclidean distance transform of a binary grid (Felzenszwalb & Huttenlocher,
 * "Distance Transforms of Sampled Functions", 2012): a column pass computing 1-D distances
 * followed by a row pass taking the lower envelope of parabolas. O(width × height).
 * Distances are between pixel centres, in pixels of the grid.
 */

/**
 * 1-D squared distance transform of `f` (in place over `f[off .. off + n)`): the result at `q`
 * is `min_p ((q - p)² + f[p])`. `Infinity` entries are ignored; an all-`Infinity` input stays
 * `Infinity`. `v`, `z`, `tmp` are scratch buffers of at least `n`, `n + 1`, `n` entries.
 */
export function squaredEdt1d(f: Float32Array, off: number, n: number, v: Int32Array, z: Float64Array, tmp: Float64Array): void {
  for (let q = 0; q < n; q++) tmp[q] = f[off + q];
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = tmp[q];
    if (fq === Infinity) continue;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    const a = fq + q * q;
    let p = v[k];
    let s = (a - (tmp[p] + p * p)) / (2 * (q - p));
    while (s <= z[k]) {
      k--;
      p = v[k];
      s = (a - (tmp[p] + p * p)) / (2 * (q - p));
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  if (k < 0) return; // no finite entry: everything stays Infinity
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const p = v[k];
    f[off + q] = (q - p) * (q - p) + tmp[p];
  }
}

/**
 * Squared Euclidean distance (px²) from every cell of a `width`×`height` row-major grid to the
 * nearest cell where `isFeature(value)` holds, for `values` (e.g. mask bytes). Cells with no
 * feature anywhere in the grid get `Infinity`.
 */
export function squaredDistanceTransform(
  values: Uint8Array,
  width: number,
  height: number,
  isFeature: (value: number) => boolean,
): Float32Array {
  const n = width * height;
  const d = new Float32Array(n);
  const feat = new Uint8Array(256);
  for (let v = 0; v < 256; v++) feat[v] = isFeature(v) ? 1 : 0;

  // Column pass, done row by row for cache friendliness: 1-D distance to the nearest feature
  // above (forward) then below (backward).
  for (let x = 0; x < width; x++) d[x] = feat[values[x]] ? 0 : Infinity;
  for (let y = 1; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) d[o + x] = feat[values[o + x]] ? 0 : d[o - width + x] + 1;
  }
  for (let y = height - 2; y >= 0; y--) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const below = d[o + width + x] + 1;
      if (below < d[o + x]) d[o + x] = below;
    }
  }
  for (let i = 0; i < n; i++) d[i] = d[i] * d[i];

  // Row pass: lower envelope of parabolas.
  const v = new Int32Array(width);
  const z = new Float64Array(width + 1);
  const tmp = new Float64Array(width);
  for (let y = 0; y < height; y++) squaredEdt1d(d, y * width, width, v, z, tmp);
  return d;
}
