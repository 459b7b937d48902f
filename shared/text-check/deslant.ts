/**
 * Slant of a line of italic or oblique text, and the shear that stands it upright. The glyph
 * checks measure widths, the flag of a 1 and the columns of an m on upright glyphs; an italic's
 * slant (10–15°) widens every glyph's box and smears its columns, so O and 0 stop differing in width.
 *
 * The slant is the shear that makes the ink's vertical projection sharpest: for each candidate shear
 * s every ink pixel (x, y) moves to x + s·(y − centre) (y grows downwards), and the sum of squared column counts is
 * largest when the strokes stand upright (the stems of the glyphs then fall into few columns).
 */
import type { GreyImage } from './glyph-check';

/** Shears tried, as tan of the angle: ±24°. */
const STEPS = Array.from({ length: 45 }, (_, i) => Math.round((-0.44 + i * 0.02) * 100) / 100);
/** Italic and oblique fonts lean 6–17° (tan 0.1–0.3); a slant outside this range is not taken. */
export const MIN_SLANT = 0.07;
export const MAX_SLANT = 0.36;

/**
 * Ink of a grey image: pixels darker (or lighter, for light text on dark) than the background by
 * more than half of the contrast. The background is the most common grey.
 */
function inkPixels(img: GreyImage): { xs: Int32Array; ys: Int32Array; n: number } {
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  let bg = 0;
  for (let v = 1; v < 256; v++) if (hist[v] > hist[bg]) bg = v;
  let far = bg;
  for (let v = 0; v < 256; v++) if (hist[v] && Math.abs(v - bg) > Math.abs(far - bg)) far = v;
  const cut = Math.abs(far - bg) / 2;
  let n = 0;
  for (const v of img.data) if (cut > 8 && Math.abs(v - bg) > cut) n++;
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  if (cut <= 8) return { xs, ys, n: 0 };
  let k = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = 0, i = y * img.width; x < img.width; x++, i++)
      if (Math.abs(img.data[i] - bg) > cut) {
        xs[k] = x;
        ys[k] = y;
        k++;
      }
  return { xs, ys, n };
}

/** Sharpness of the vertical projection after shearing by `s`: the sum of squared column counts. */
function sharpness(xs: Int32Array, ys: Int32Array, n: number, s: number, centre: number, width: number, height: number): number {
  const pad = Math.ceil(Math.abs(s) * height) + 1;
  const cols = new Float64Array(width + 2 * pad + 2);
  // Each pixel goes to its nearest column at every shear alike (splitting pixels between columns
  // would flatten the projection at every shear but 0 and favour upright).
  for (let k = 0; k < n; k++) cols[Math.round(xs[k] + s * (ys[k] - centre)) + pad]++;
  let sum = 0;
  for (const c of cols) sum += c * c;
  return sum;
}

/**
 * The slant of the text in `img` as tan of its angle from upright (positive: leaning right, the
 * italic way), or 0 when the text stands upright or there is too little ink to tell.
 */
export function estimateSlant(img: GreyImage): number {
  const { xs, ys, n } = inkPixels(img);
  if (n < 50) return 0;
  let y0 = img.height;
  let y1 = 0;
  for (let k = 0; k < n; k++) {
    if (ys[k] < y0) y0 = ys[k];
    if (ys[k] > y1) y1 = ys[k];
  }
  const centre = (y0 + y1) / 2;
  let best = 0;
  let bestScore = -1;
  let upright = 0;
  for (const s of STEPS) {
    const score = sharpness(xs, ys, n, s, centre, img.width, img.height);
    if (Math.abs(s) < 1e-9) upright = score;
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  // Refine between the neighbouring steps (parabola through the three scores).
  const lo = sharpness(xs, ys, n, best - 0.02, centre, img.width, img.height);
  const hi = sharpness(xs, ys, n, best + 0.02, centre, img.width, img.height);
  const den = lo - 2 * bestScore + hi;
  const slant = den < 0 ? best + Math.max(-0.01, Math.min(0.01, (0.02 * (lo - hi)) / (2 * den))) : best;
  const mirror = sharpness(xs, ys, n, -best, centre, img.width, img.height);
  // Upright unless the slant leans right within an italic's range and sharpens the projection
  // clearly more than the mirrored shear does: the two strokes of a V or A lean 17–24° each way and
  // sharpen both shears about equally, the stems of an italic only one (28–42 % more than its mirror
  // in Liberation Sans Italic; at most 5 % for the right-leaning peak of an upright V).
  const clear = slant >= MIN_SLANT && slant <= MAX_SLANT && bestScore > upright * 1.03 && bestScore > mirror * 1.15;
  return clear ? Math.round(slant * 1000) / 1000 : 0;
}

/**
 * `img` sheared by `s` about its vertical centre (each row moved right by s·(y − centre): rows
 * above the centre move left, so text leaning right by `s` stands upright; linear
 * interpolation between columns), widened so nothing is cut off; new pixels take the background
 * grey (the most common one).
 */
export function shear(img: GreyImage, s: number): GreyImage {
  if (!s) return img;
  const hist = new Uint32Array(256);
  for (const v of img.data) hist[v]++;
  let bg = 0;
  for (let v = 1; v < 256; v++) if (hist[v] > hist[bg]) bg = v;
  const centre = (img.height - 1) / 2;
  const pad = Math.ceil(Math.abs(s) * centre) + 1;
  const width = img.width + 2 * pad;
  const out = new Uint8Array(width * img.height).fill(bg);
  for (let y = 0; y < img.height; y++) {
    // Output column X shows input column X − pad − s·(y − centre).
    const shift = -s * (y - centre) - pad;
    const row = y * img.width;
    for (let X = 0; X < width; X++) {
      const x = X + shift;
      const i = Math.floor(x);
      const f = x - i;
      const a = i >= 0 && i < img.width ? img.data[row + i] : bg;
      const b = i + 1 >= 0 && i + 1 < img.width ? img.data[row + i + 1] : bg;
      out[y * width + X] = Math.round(a + (b - a) * f);
    }
  }
  return { width, height: img.height, data: out };
}
