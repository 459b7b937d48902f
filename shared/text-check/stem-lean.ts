/**
 * The lean of a single glyph's stem, and the glyph sheared upright by it. The line's de-slant
 * (deslant.ts) stands italic text upright only when the whole line clearly leans: Nimbus Mono PS
 * Bold Italic's wide slab serifs sharpen the mirrored shear almost as much as the real one (the
 * real one 7–15 % more, short of the 15 % asked, on "Size l1", "Gate l1", "Lot 2l" at 20–56 px), so
 * those lines stay leaning, and their l's flat bar, leaning with its stem, looks like a 1's sloped
 * flag (chamfer 0.21–0.25; the same bars on lines stood upright 0.00–0.12). A stem is a stem at
 * any size: the centres of its middle rows lie on a line whose slope is the glyph's own lean.
 */

/** The stem's middle rows: below a 1's flag (≤ 0.28 of the height), above the foot (bottom 15 %). */
const FROM = 0.35;
const TO = 0.8;

/**
 * The lean of the stem as tan of its angle from upright (positive: its top leans right), from a
 * least-squares line through the ink centres of the middle rows (ink w × h, 1 = ink); 0 with
 * fewer than 4 such rows.
 */
export function stemLean(ink: Uint8Array, w: number, h: number): number {
  const ys: number[] = [];
  const xs: number[] = [];
  for (let y = Math.ceil(h * FROM); y < Math.floor(h * TO); y++) {
    let sum = 0;
    let n = 0;
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        sum += x;
        n++;
      }
    if (n) {
      ys.push(y);
      xs.push(sum / n);
    }
  }
  if (ys.length < 4) return 0;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < ys.length; i++) {
    num += (ys[i] - my) * (xs[i] - mx);
    den += (ys[i] - my) ** 2;
  }
  // y grows downwards: a stem whose top leans right has x falling as y grows.
  return den ? -num / den : 0;
}

/**
 * The glyph sheared so that a stem leaning by `lean` stands upright: each row moves by
 * lean·(y − centre) (rows above the centre move left), to the nearest pixel, widened so nothing
 * is cut off and trimmed to its ink columns.
 */
export function shearGlyph(ink: Uint8Array, w: number, h: number, lean: number): { ink: Uint8Array; w: number; h: number } {
  const centre = (h - 1) / 2;
  const pad = Math.ceil(Math.abs(lean) * centre) + 1;
  const wide = w + 2 * pad;
  const out = new Uint8Array(wide * h);
  let x0 = wide;
  let x1 = -1;
  for (let y = 0; y < h; y++) {
    const shift = Math.round(lean * (y - centre)) + pad;
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        const X = x + shift;
        out[y * wide + X] = 1;
        if (X < x0) x0 = X;
        if (X > x1) x1 = X;
      }
  }
  if (x1 < 0) return { ink, w, h };
  const tw = x1 - x0 + 1;
  const trimmed = new Uint8Array(tw * h);
  for (let y = 0; y < h; y++) trimmed.set(out.subarray(y * wide + x0, y * wide + x1 + 1), y * tw);
  return { ink: trimmed, w: tw, h };
}
