/**
 * The extension's finish at the band (extend.ts, step 4): the low-frequency step between the known
 * pixels and the copy is removed ({@link correctBand}), and the copy's texture is faded into the
 * photo's own over the first layers ({@link featherBand}).
 */
import { PLAN_DEPTH, type ExtensionPlan } from './extend-plan';
import type { Layer } from './region';

/** Half side of the windows whose mean colours give the band step. */
const BAND_WINDOW = 3;

/**
 * Removes the low-frequency step at the band: for every known pixel next to the hole, the mean
 * colour of the known pixels minus that of the hole pixels in its (2·BAND_WINDOW+1)² window; each
 * hole pixel within 3τ of the band gets the step of the ring pixel it is nearest to (4-connected),
 * scaled by exp(−distance / τ).
 */
export function correctBand(layer: Layer, plan: ExtensionPlan, tau: number): void {
  const { width: w, height: h, pix, hole } = layer;
  const { ring, dist } = plan;
  const reach = Math.min(PLAN_DEPTH, Math.ceil(3 * tau));
  const steps = new Map<number, [number, number, number]>();
  const stepAt = (k: number): [number, number, number] => {
    const cached = steps.get(k);
    if (cached) return cached;
    const kx = k % w,
      ky = (k - kx) / w;
    const known = [0, 0, 0],
      filled = [0, 0, 0];
    let nk = 0,
      nf = 0;
    for (let y = Math.max(0, ky - BAND_WINDOW); y <= Math.min(h - 1, ky + BAND_WINDOW); y++) {
      for (let x = Math.max(0, kx - BAND_WINDOW); x <= Math.min(w - 1, kx + BAND_WINDOW); x++) {
        const i = y * w + x;
        const acc = hole[i] ? filled : known;
        for (let c = 0; c < 3; c++) acc[c] += pix[i * 4 + c];
        if (hole[i]) nf++;
        else nk++;
      }
    }
    const s: [number, number, number] =
      nf && nk ? [known[0] / nk - filled[0] / nf, known[1] / nk - filled[1] / nf, known[2] / nk - filled[2] / nf] : [0, 0, 0];
    steps.set(k, s);
    return s;
  };
  // Measure every step first (before any pixel moves), then apply.
  const touched: number[] = [];
  for (let i = 0; i < ring.length; i++) if (hole[i] && ring[i] >= 0 && dist[i] <= reach) touched.push(i);
  for (const i of touched) stepAt(ring[i]);
  for (const i of touched) {
    const s = stepAt(ring[i]);
    const k = Math.exp(-(dist[i] - 1) / tau);
    for (let c = 0; c < 3; c++) pix[i * 4 + c] += s[c] * k;
  }
}

/**
 * Hides the texture seam at the band: within `depth` pixels of it, each hole pixel is blended with
 * a known pixel as far inside as it is outside, with weight 1 − (d − 1) / depth at distance d
 * (deeper pixels keep the copy). That pixel is the mirror image across the nearest ring pixel
 * (reflection without repeating the ring pixel, so the first hole layer continues the photo as its
 * own next pixel would) — where the photo has no direction, or its lines are square or parallel to
 * the edge. Where the ring pixel's neighbourhood has straight lines that cross the edge obliquely
 * (wood grain, grass blades) the mirror would bend them into a chevron at the edge (seen in coffee's
 * and dune-grass's 2026-12-06 extensions), so it takes, by the lines' coherence and obliqueness, the
 * pixel on the same line instead: the hole pixel moved back along the isophote to one layer less deep
 * inside (the ring's own layer for the first hole layer; bilinear), which continues the lines straight.
 */
export function featherBand(layer: Layer, plan: ExtensionPlan, depth: number): void {
  const { width: w, height: h, pix, hole } = layer;
  if (depth < 1) return;
  const { ring, dist } = plan;
  const tensors = new Map<number, [number, number, number]>();
  for (let i = 0; i < ring.length; i++) {
    if (!hole[i] || ring[i] < 0 || dist[i] > depth) continue;
    const k = ring[i];
    const x = i % w,
      y = (i - x) / w,
      kx = k % w,
      ky = (k - kx) / w;
    const mx = 2 * kx - x,
      my = 2 * ky - y;
    if (mx < 0 || my < 0 || mx >= w || my >= h) continue;
    const m = my * w + mx;
    if (hole[m]) continue;
    const a = 1 - (dist[i] - 1) / depth;
    const sample = [pix[m * 4], pix[m * 4 + 1], pix[m * 4 + 2], pix[m * 4 + 3]];
    // Oriented structure: the known pixel on the same line, one layer less deep inside than the hole pixel is outside.
    let t = tensors.get(k);
    if (!t) {
      t = isophote(layer, kx, ky);
      tensors.set(k, t);
    }
    const [tx, ty, coh] = t;
    const dx = x - kx,
      dy = y - ky,
      dn = Math.hypot(dx, dy);
    let tn = (tx * dx + ty * dy) / dn;
    const sg = tn < 0 ? -1 : 1;
    tn *= sg;
    const beta = clamp01((coh - 0.3) / 0.4) * clamp01((tn - 0.2) / 0.3);
    if (beta > 0) {
      const s = ((2 * dn - 1) * sg) / tn;
      const q = bilinearKnown(layer, x - s * tx, y - s * ty);
      if (q) for (let c = 0; c < 4; c++) sample[c] = beta * q[c] + (1 - beta) * sample[c];
    }
    for (let c = 0; c < 4; c++) pix[i * 4 + c] = a * sample[c] + (1 - a) * pix[i * 4 + c];
  }
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Half side (px) of the window whose structure tensor gives the orientation at a ring pixel. */
const TENSOR_RADIUS = 4;

/**
 * The isophote direction (unit vector along the lines; luma structure tensor of the known pixels
 * within {@link TENSOR_RADIUS} of (kx, ky)) and its coherence, 0 (no direction) to 1 (straight lines).
 */
function isophote(layer: Layer, kx: number, ky: number): [number, number, number] {
  const { width: w, height: h, pix, hole } = layer;
  const lum = (j: number) => 0.299 * pix[j * 4] + 0.587 * pix[j * 4 + 1] + 0.114 * pix[j * 4 + 2];
  let a = 0,
    b = 0,
    c = 0;
  for (let y = Math.max(1, ky - TENSOR_RADIUS); y <= Math.min(h - 2, ky + TENSOR_RADIUS); y++)
    for (let x = Math.max(1, kx - TENSOR_RADIUS); x <= Math.min(w - 2, kx + TENSOR_RADIUS); x++) {
      const j = y * w + x;
      if (hole[j] || hole[j - 1] || hole[j + 1] || hole[j - w] || hole[j + w]) continue;
      const gx = lum(j + 1) - lum(j - 1),
        gy = lum(j + w) - lum(j - w);
      a += gx * gx;
      b += gx * gy;
      c += gy * gy;
    }
  const th = 0.5 * Math.atan2(2 * b, a - c);
  const root = Math.hypot((a - c) / 2, b);
  const coh = a + c > 1e-6 ? (2 * root) / (a + c) : 0;
  return [-Math.sin(th), Math.cos(th), coh];
}

/** Bilinear sample at (x, y) when its four pixels are inside and known, else null. */
function bilinearKnown(layer: Layer, x: number, y: number): number[] | null {
  const { width: w, height: h, pix, hole } = layer;
  const x0 = Math.floor(x),
    y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) return null;
  const fx = x - x0,
    fy = y - y0;
  const out = [0, 0, 0, 0];
  for (let k = 0; k < 4; k++) {
    const j = (y0 + (k >> 1)) * w + x0 + (k & 1);
    if (hole[j]) return null;
    const wt = (k & 1 ? fx : 1 - fx) * (k & 2 ? fy : 1 - fy);
    for (let c = 0; c < 4; c++) out[c] += wt * pix[j * 4 + c];
  }
  return out;
}
