/**
 * The dedicated path for large outpaints / extensions: holes bounded by the edge of the working
 * region that lie deep (far from any known pixel; the trigger is extend-plan.ts), where the general EM fill is slow (millions of
 * target patches at full resolution) and its membrane + detail finish spreads a flat gradient.
 *
 * 1. Reduce the region by a power of two f until it holds at most {@link COARSE_BUDGET} pixels
 *    (a coarse pixel is a hole if any of its children is).
 * 2. Synthesise the coarse hole from known coarse pixels only (extend-synth.ts: onion-peel order,
 *    coherent candidates, a spatial prior near the band, occurrence, rarity and distinctness
 *    penalties). This gives a
 *    source position per coarse hole pixel.
 * 3. Copy full-resolution detail through that field: every full-resolution hole pixel takes the
 *    real pixel at the same offset inside its coarse cell's source block, blended bilinearly with
 *    the neighbouring cells' sources (identical where the field is coherent; a soft transition over
 *    f pixels where it jumps). So the detail is real photo detail at full resolution. The blend
 *    keeps its contrast: the sources' local means blend linearly, their details (pixel − local
 *    mean) with weights scaled by 1/√Σw², as unrelated textures average to less than either (the
 *    field jumps between a third and a half of its neighbouring cells, so nearly every pixel of an
 *    f = 2 copy was such a blend: drum-table's cork floor and wall came out smeared, the dev set's
 *    extensions at 0.7–0.9 of their sources' texture).
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
import { correctBand, featherBand } from './extend-band';
import { lowFrequencyOffsets, offsetTaps } from './extend-offsets';
import type { ExtensionPlan } from './extend-plan';
import { synthesizeField, SYNTH_TICK } from './extend-synth';
import { downsampleConservative } from './pyramid';
import { deriveSeed, mulberry32 } from './random';
import type { Layer } from './region';

export { correctBand, featherBand } from './extend-band';
export { extensionPlan, frameHoles, MIN_EXTENSION_DEPTH, MIN_FRAME_SHARE, type ExtensionPlan } from './extend-plan';

/** Most pixels of the reduced region that the synthesis works on. */
export const COARSE_BUDGET = 120_000;
/** Patch radius of the coarse neighbourhood comparison (5×5). */
const COARSE_RADIUS = 2;
/** Hole pixel layers over which the mirrored known pixels fade into the copy. */
export const FEATHER_DEPTH = 6;
/**
 * Depth (full-resolution px from the band) over which the synthesis's figure/ground prior fades in
 * (extend-synth.ts): near the band the band predicts best (an edge-touching blob hole, 50–70 px deep,
 * kept more of its continuation: dev blob texture 0.83 → 0.84; such holes take the general fill since
 * 2026-12-06, see {@link MIN_FRAME_SHARE}); far out, the photo's background does. The colour-rarity part
 * only: the distinctness penalty is paid in full from the band (extend-synth.ts, DISTINCT_WEIGHT).
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
    reachDetail: f > 1 ? cellDetail(layer, coarse, f, Math.ceil(f / 2)) : undefined,
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
  // The distinct sources of one pixel's (up to) four cells: index, position, summed weight.
  const tapSrc = new Int32Array(4),
    tapX = new Int32Array(4),
    tapY = new Int32Array(4),
    tapW = new Float64Array(4);
  // A source's local mean colour, computed where a blend needs it (a whole-photo table of them
  // would cost 16 bytes per known pixel).
  const mean = new Float64Array(4);
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
      // The distinct source pixels of the (up to) four cells, with their summed weights; the
      // offsets blend linearly.
      let nt = 0,
        sw = 0,
        o0 = 0,
        o1 = 0,
        o2 = 0;
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
        const o3 = (cy * cw + cx) * 3;
        o0 += wt * offset[o3];
        o1 += wt * offset[o3 + 1];
        o2 += wt * offset[o3 + 2];
        let t = 0;
        while (t < nt && tapSrc[t] !== si) t++;
        if (t === nt) {
          tapSrc[nt] = si;
          tapX[nt] = sx;
          tapY[nt] = sy;
          tapW[nt++] = 0;
        }
        tapW[t] += wt;
        sw += wt;
      }
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      if (nt === 1) {
        // A coherent field: the source pixel itself.
        const s4 = tapSrc[0] * 4;
        r = sw * pix[s4];
        g = sw * pix[s4 + 1];
        b = sw * pix[s4 + 2];
        a = sw * pix[s4 + 3];
      } else if (nt > 1) {
        // Unrelated details averaged lose contrast (an even blend of two has 1/√2 of their
        // deviation): the local means blend linearly, the details (pixel − local mean) with the
        // weights scaled by 1/√Σu² (u: the normalised weights), so they keep the sources' own.
        let q = 0;
        for (let t = 0; t < nt; t++) q += (tapW[t] / sw) ** 2;
        const gain = 1 / Math.sqrt(q);
        for (let t = 0; t < nt; t++) {
          const s4 = tapSrc[t] * 4,
            wt = tapW[t],
            wd = wt * gain;
          coarseMean(coarse, f, tapX[t], tapY[t], mean);
          r += wt * mean[0] + wd * (pix[s4] - mean[0]);
          g += wt * mean[1] + wd * (pix[s4 + 1] - mean[1]);
          b += wt * mean[2] + wd * (pix[s4 + 2] - mean[2]);
          a += wt * mean[3] + wd * (pix[s4 + 3] - mean[3]);
        }
      }
      r += o0;
      g += o1;
      b += o2;
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
 * The local mean colour (RGBA) at full-resolution pixel (x, y) of a known source: the bilinear
 * interpolation of the known cells of `coarse` (the f×f block means) around it, renormalised over
 * the known ones (the pixel's own cell is known).
 */
function coarseMean(coarse: Layer, f: number, x: number, y: number, out: Float64Array): void {
  const { width: cw, height: ch, pix: cp, hole: chole } = coarse;
  const u = (x + 0.5) / f - 0.5,
    v = (y + 0.5) / f - 0.5;
  const x0 = Math.floor(u),
    y0 = Math.floor(v),
    fx = u - x0,
    fy = v - y0;
  for (let j = 0; j < 4; j++) out[j] = 0;
  let sw = 0;
  for (let k = 0; k < 4; k++) {
    const cx = x0 + (k & 1),
      cy = y0 + (k >> 1);
    if (cx < 0 || cy < 0 || cx >= cw || cy >= ch) continue;
    const c = cy * cw + cx;
    if (chole[c]) continue;
    const wt = (k & 1 ? fx : 1 - fx) * (k & 2 ? fy : 1 - fy);
    if (wt <= 0) continue;
    for (let j = 0; j < 4; j++) out[j] += wt * cp[c * 4 + j];
    sw += wt;
  }
  if (sw > 0) for (let j = 0; j < 4; j++) out[j] /= sw;
  else {
    const c = Math.min(ch - 1, Math.floor(y / f)) * cw + Math.min(cw - 1, Math.floor(x / f));
    for (let j = 0; j < 4; j++) out[j] = cp[c * 4 + j];
  }
}

/**
 * Per known coarse cell, the RGB standard deviation of its f×f block of full-resolution pixels and
 * the `m` px around it (0 for hole cells): the detail the reduced region averages away. With
 * m = ⌈f/2⌉, what the bilinear copy reads beyond the block (`reachDetail` of the synthesis): without
 * it a cell of sky whose edge touches a rocket's outline scored as plain sky, and the copy drew the
 * outline as thin light lines (and the offsets' blur as dark dashes) into the new sky
 * (extend-distinct.test.ts). The synthesis drops sources in
 * and next to cells with far more of it than the band has (extend-synth.ts, `excludeStructure`), so a
 * soft background is not continued by blocks whose mean colour fits but which hold a sharp stroke of
 * lettering (it would reappear when the copy goes back to full resolution).
 */
export function cellDetail(layer: Layer, coarse: Layer, f: number, m = 0): Float32Array {
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
      for (let y = Math.max(0, cy * f - m); y < Math.min(h, (cy + 1) * f + m); y++) {
        for (let x = Math.max(0, cx * f - m), i4 = (y * w + x) * 4; x < Math.min(w, (cx + 1) * f + m); x++, i4 += 4) {
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
