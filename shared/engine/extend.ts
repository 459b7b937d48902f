/**
 * The dedicated path for large outpaints / extensions: holes bounded by the edge of the working
 * region that lie deep (far from any known pixel; the trigger is extend-plan.ts), where the general EM fill is slow (millions of
 * target patches at full resolution) and its membrane + detail finish spreads a flat gradient.
 *
 * 1. Reduce the region by a power of two f until it holds at most {@link COARSE_BUDGET} pixels
 *    (a coarse pixel is a hole if any of its children is).
 * 2. Synthesise the coarse hole from known coarse pixels only (extend-synth.ts: onion-peel order,
 *    coherent candidates, a spatial prior near the band, an occurrence penalty). This gives a
 *    source position per coarse hole pixel.
 * 3. Copy full-resolution detail through that field: every full-resolution hole pixel takes the
 *    real pixel at the same offset inside its coarse cell's source block, blended bilinearly with
 *    the neighbouring cells' sources (identical where the field is coherent; a soft transition over
 *    f pixels where it jumps). So the detail is real photo detail at full resolution.
 * 4. Band correction: the local low-frequency step between the known pixels and the copy along
 *    the band is measured per ring pixel and removed inside the hole, decaying over τ pixels.
 * 5. Energy cap (extend-energy.ts): a copy busier than both the band and the known region has its
 *    detail scaled down to that level.
 *
 * Cost is O(region / f² · candidates · patch²) + O(hole pixels): an 8:1 poster extension is a few
 * seconds on one core.
 */
import { DEFAULT_SWEEPS, harmonicFillLayer } from './diffusion';
import { CAP_PASSES, CAP_ROWS, capExtensionEnergy } from './extend-energy';
import { lowFrequencyOffsets, offsetTaps } from './extend-offsets';
import { PLAN_DEPTH, type ExtensionPlan } from './extend-plan';
import { synthesizeField, SYNTH_TICK } from './extend-synth';
import { downsampleConservative } from './pyramid';
import { deriveSeed, mulberry32 } from './random';
import type { Layer } from './region';

export { extensionPlan, frameHoles, MIN_EXTENSION_DEPTH, MIN_FRAME_SHARE, type ExtensionPlan } from './extend-plan';

/** Most pixels of the reduced region that the synthesis works on. */
export const COARSE_BUDGET = 120_000;
/** Patch radius of the coarse neighbourhood comparison (5×5). */
const COARSE_RADIUS = 2;
/** Half side of the windows whose mean colours give the band step. */
const BAND_WINDOW = 3;
/** Hole pixel layers over which the mirrored known pixels fade into the copy. */
export const FEATHER_DEPTH = 6;
/**
 * Depth (full-resolution px from the band) over which the synthesis's figure/ground prior fades in
 * (extend-synth.ts): near the band the band predicts best (an edge-touching blob hole, 50–70 px deep,
 * kept more of its continuation: dev blob texture 0.83 → 0.84; such holes take the general fill since
 * 2026-12-06, see {@link MIN_FRAME_SHARE}); far out, the photo's background does.
 */
const RARITY_RAMP = 64;
/** Membrane sweeps after which its share of the progress is half reported. */
const MEMBRANE_SWEEPS_HALF = 300;
/** Full-resolution rows per progress tick during the copy. */
const COPY_ROWS_PER_TICK = 4;
/**
 * Progress weights, in units of one synthesised coarse pixel's time (≈ 14 µs, measured on the 8:1
 * poster): copied full-resolution pixels per unit, blur taps (row pixel × kernel size) per unit, and
 * coarse pixels per unit of each set-up / finishing step.
 */
const COPY_PIXELS_PER_UNIT = 48;
const BLUR_TAPS_PER_UNIT = 200;
const SETUP_PIXELS_PER_UNIT = 16;

/**
 * Fills `layer`'s hole in place by the extension method (see the module comment). Returns false,
 * leaving the layer untouched, when the reduced region has no fully known patch to copy from.
 * @param progress - fraction 0..1 of this fill (non-decreasing)
 * @param checkCancel - throws to abort; called with every progress report
 */
export function extendLayer(
  layer: Layer,
  plan: ExtensionPlan,
  seed: number,
  progress: (f: number) => void,
  checkCancel: () => void,
): boolean {
  const { width: w, height: h, hole } = layer;
  // 1. Reduced region (each halving reports progress: on a long extension it is a noticeable step).
  let coarse: Layer = layer;
  let f = 1;
  while (coarse.width * coarse.height > COARSE_BUDGET && Math.min(coarse.width, coarse.height) >= 32) {
    coarse = downsampleConservative(coarse);
    f *= 2;
    progress(0.005 * Math.log2(f));
    checkCancel();
  }
  if (coarse === layer) coarse = { ...layer, pix: new Float32Array(layer.pix), hole: layer.hole };
  let coarseHoles = 0;
  for (let i = 0; i < coarse.hole.length; i++) coarseHoles += coarse.hole[i];
  const tau = Math.min(24, Math.max(6, 4 * f));
  // Progress units ≈ the time of one synthesised coarse pixel (measured on the 8:1 poster): the
  // synthesis set-up, the pixels, the offsets' blur passes, the copied rows and the band finish.
  const nCoarse = coarse.width * coarse.height;
  const setupUnits = Math.ceil(nCoarse / SETUP_PIXELS_PER_UNIT);
  const rowUnits = Math.max(1, w / COPY_PIXELS_PER_UNIT);
  const blurUnits = (rows: number, taps: number) => (rows * coarse.width * taps) / BLUR_TAPS_PER_UNIT;
  const blurTotal = blurUnits(2 * coarse.height, offsetTaps());
  // The energy cap's blur (extend-energy.ts): 26 taps per channel row pixel, when it runs.
  const capUnits = (w * h * 26) / BLUR_TAPS_PER_UNIT;
  const total = 3 * setupUnits + coarseHoles + blurTotal + h * rowUnits + 2 * setupUnits + capUnits;
  let done = 0;
  const tick = (units: number) => {
    done += units;
    progress(0.02 + 0.98 * Math.min(1, done / total));
    checkCancel();
  };

  // The harmonic membrane of the coarse hole: the smooth estimate of the large-scale colours.
  const membrane: Layer = { ...coarse, pix: new Float32Array(coarse.pix) };
  let sweeps = 0;
  harmonicFillLayer(membrane, {
    ...DEFAULT_SWEEPS,
    onSweep: () => {
      // Strictly increasing however many sweeps run (a cap left the bar still for ~1 s on the poster).
      sweeps++;
      progress(0.012 + (0.007 * sweeps) / (sweeps + MEMBRANE_SWEEPS_HALF));
      checkCancel();
    },
  });
  // 2. Coarse synthesis.
  const src = synthesizeField(coarse, COARSE_RADIUS, mulberry32(deriveSeed(seed, 4099)), () => tick(SYNTH_TICK), {
    onSetup: () => tick(setupUnits),
    detail: f > 1 ? cellDetail(layer, coarse, f) : undefined,
    rarityRamp: RARITY_RAMP / f,
  });
  if (!src) return false;
  tick(coarseHoles % SYNTH_TICK);

  // 3. Full-resolution copy through the field, bilinear across cells.
  const { pix } = layer;
  const cw = coarse.width,
    ch = coarse.height;
  const cpix = coarse.pix;
  const offset = lowFrequencyOffsets(coarse, src, membrane.pix, (rows, taps) => tick(blurUnits(rows, taps)));
  for (let y = 0; y < h; y++) {
    if (y > 0 && y % COPY_ROWS_PER_TICK === 0) tick(COPY_ROWS_PER_TICK * rowUnits);
    const v = (y + 0.5) / f - 0.5;
    const cy0 = Math.floor(v),
      fy = v - cy0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const u = (x + 0.5) / f - 0.5;
      const cx0 = Math.floor(u),
        fx = u - cx0;
      let r = 0,
        g = 0,
        b = 0,
        a = 0,
        sw = 0;
      for (let k = 0; k < 4; k++) {
        const wx = k & 1 ? fx : 1 - fx,
          wy = k & 2 ? fy : 1 - fy;
        const wt = wx * wy;
        if (wt <= 0) continue;
        const cx = Math.min(cw - 1, Math.max(0, cx0 + (k & 1))),
          cy = Math.min(ch - 1, Math.max(0, cy0 + (k >> 1)));
        const s = src[cy * cw + cx];
        if (s < 0) continue;
        const scx = s % cw,
          scy = (s - scx) / cw;
        const sx = scx * f + (x - cx * f),
          sy = scy * f + (y - cy * f);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
        const si = sy * w + sx;
        if (hole[si]) continue;
        const s4 = si * 4,
          o3 = (cy * cw + cx) * 3;
        r += wt * (pix[s4] + offset[o3]);
        g += wt * (pix[s4 + 1] + offset[o3 + 1]);
        b += wt * (pix[s4 + 2] + offset[o3 + 2]);
        a += wt * pix[s4 + 3];
        sw += wt;
      }
      const i4 = i * 4;
      if (sw > 0) {
        pix[i4] = r / sw;
        pix[i4 + 1] = g / sw;
        pix[i4 + 2] = b / sw;
        pix[i4 + 3] = a / sw;
      } else {
        // No usable source (no known patch at all): the coarse colour.
        const c4 = (Math.min(ch - 1, y / f) | 0) * cw * 4 + (Math.min(cw - 1, x / f) | 0) * 4;
        for (let c = 0; c < 4; c++) pix[i4 + c] = cpix[c4 + c];
      }
    }
  }
  checkCancel();
  // 4. Band correction and feathering.
  tick((h % COPY_ROWS_PER_TICK) * rowUnits);
  correctBand(layer, plan, tau);
  tick(setupUnits);
  featherBand(layer, plan, FEATHER_DEPTH);
  tick(setupUnits);
  // 5. No busier than what it continues.
  const capTick = capUnits / (CAP_PASSES * Math.ceil(h / CAP_ROWS));
  if (capExtensionEnergy(layer, plan, () => tick(capTick)) === 1) tick(capUnits / 2);
  return true;
}

/**
 * Per known coarse cell, the RGB standard deviation of its f×f block of full-resolution pixels
 * (0 for hole cells): the detail the reduced region averages away. The synthesis drops sources in
 * and next to cells with far more of it than the band has (extend-synth.ts, `excludeStructure`), so a
 * soft background is not continued by blocks whose mean colour fits but which hold a sharp stroke of
 * lettering (it would reappear when the copy goes back to full resolution).
 */
export function cellDetail(layer: Layer, coarse: Layer, f: number): Float32Array {
  const { width: w, height: h, pix } = layer;
  const cw = coarse.width,
    ch = coarse.height;
  const out = new Float32Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const c = cy * cw + cx;
      if (coarse.hole[c]) continue;
      let n = 0,
        s0 = 0,
        s1 = 0,
        s2 = 0,
        q = 0;
      for (let y = cy * f; y < Math.min(h, (cy + 1) * f); y++) {
        for (let x = cx * f, i4 = (y * w + x) * 4; x < Math.min(w, (cx + 1) * f); x++, i4 += 4) {
          const r = pix[i4],
            g = pix[i4 + 1],
            b = pix[i4 + 2];
          s0 += r;
          s1 += g;
          s2 += b;
          q += r * r + g * g + b * b;
          n++;
        }
      }
      if (n === 0) continue;
      out[c] = Math.sqrt(Math.max(0, (q - (s0 * s0 + s1 * s1 + s2 * s2) / n) / (3 * n)));
    }
  }
  return out;
}

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
