/**
 * Select colour range: every pixel close to one of the sampled colours. Fuzziness (1..200, as in
 * Photoshop) is the RGB distance at which the selection fades to nothing; pixels within a third of
 * it are fully selected, and it falls off linearly in between.
 */
export type Rgb = readonly [number, number, number];

/** Selection (0..255) of one colour for the given samples. */
export function colorRangeValue(r: number, g: number, b: number, colors: readonly Rgb[], fuzziness: number): number {
  const f = Math.max(1, fuzziness);
  let dmin = Number.POSITIVE_INFINITY;
  for (const c of colors) {
    const dr = r - c[0];
    const dg = g - c[1];
    const db = b - c[2];
    const d = dr * dr + dg * dg + db * db;
    if (d < dmin) dmin = d;
  }
  const d = Math.sqrt(dmin);
  const full = f / 3;
  if (d <= full) return 255;
  if (d >= f) return 0;
  return Math.round((255 * (f - d)) / (f - full));
}

/** The selection over a whole RGBA buffer (one byte a pixel). */
export function colorRange(rgba: Uint8Array | Uint8ClampedArray, colors: readonly Rgb[], fuzziness: number): Uint8Array {
  const n = rgba.length >> 2;
  const out = new Uint8Array(n);
  if (!colors.length) return out;
  // Colours repeat a lot in photos: cache the last answer.
  let lr = -1;
  let lg = -1;
  let lb = -1;
  let lv = 0;
  for (let p = 0; p < n; p++) {
    const r = rgba[p * 4];
    const g = rgba[p * 4 + 1];
    const b = rgba[p * 4 + 2];
    if (r !== lr || g !== lg || b !== lb) {
      lv = colorRangeValue(r, g, b, colors, fuzziness);
      lr = r;
      lg = g;
      lb = b;
    }
    out[p] = lv;
  }
  return out;
}
