/**
 * Patch voting (Wexler, Shechtman & Irani 2007, "Space-Time Completion of Video"): every pixel
 * covered by target patches becomes a weighted mean of the colours that the matched source
 * patches put at its position. Weights combine match quality, exp(−d / 2σ²) with σ² a
 * percentile of this level's patch distances, and confidence γ^(−depth), which trusts patches
 * near the hole border (anchored in real pixels) more than those deep inside it.
 */
import type { Level } from './pyramid';
import { patchArea } from './patchmatch';

/** Tunables for {@link computeWeights}. */
export interface VoteWeighting {
  /** Border confidence base γ > 1; weight ∝ γ^(−depth of the patch centre). */
  gamma: number;
  /** Percentile (0..1) of normalised distances used as σ². Lower = sharper, fewer voters. */
  sigmaPercentile: number;
  /** Multiplies σ²; smaller = sharper. */
  sigmaScale: number;
  /** Depth beyond which confidence stops decreasing (keeps float64 weights away from underflow). */
  maxDepth: number;
}

/** Default weighting, tuned on synthetic textures and the public dev photos. */
export const DEFAULT_WEIGHTING: VoteWeighting = { gamma: 1.3, sigmaPercentile: 0.75, sigmaScale: 2, maxDepth: 1000 };

/** Value at fraction `q` of a strided sample (≤ 4096 entries) of `values` (deterministic). */
function samplePercentile(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return 1;
  const stride = Math.max(1, Math.floor(n / 4096));
  const sample: number[] = [];
  for (let i = 0; i < n; i += stride) sample.push(values[i]);
  sample.sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
}

/**
 * Fills `weights[k]` for every target `k` from its current match distance and depth.
 * @param dist - summed squared RGB differences per target (see `patchSsd`)
 * @param norm - scratch buffer, same length as `dist`
 */
export function computeWeights(
  level: Level,
  r: number,
  dist: Float32Array,
  weighting: VoteWeighting,
  weights: Float64Array,
  norm: Float64Array,
): void {
  const { width: w, height: h, targets, depth } = level;
  for (let k = 0; k < targets.length; k++) norm[k] = dist[k] / patchArea(w, h, r, targets[k], level.rowStep);
  // Floor σ² so a perfect texture (all distances ≈ 0) does not divide by zero.
  const sigma2 = Math.max(samplePercentile(norm, weighting.sigmaPercentile), 1) * weighting.sigmaScale;
  const lnGamma = Math.log(weighting.gamma);
  for (let k = 0; k < targets.length; k++) {
    const d = Math.min(depth[targets[k]], weighting.maxDepth);
    weights[k] = Math.exp(-norm[k] / sigma2 - d * lnGamma);
  }
}

/** Hole pixels voted between progress ticks. */
export const VOTE_TICK = 4096;

/**
 * Votes the colour of each pixel in `pixels` (pixel indices) into `out` (4 floats per entry).
 * For pixel p and every target patch centred at t = p − o that covers it, the source pixel at
 * nnf(t) + o contributes with that patch's weight. Pixels nobody votes for keep their colour.
 * `stride` > 1 only takes patches at offsets that are multiples of it (e.g. 9 of 49 for stride 3):
 * used on levels too large to search, where it cuts the vote's cost by the same factor.
 * Pixels deeper than 2 × `winnerDepth` instead copy the source pixel of the patch centred on them (the
 * field's own copy, no mean: keeps the texture sharp); from `winnerDepth` to there that copy fades in
 * over the mean (a hard switch at `winnerDepth` left a step a few pixels inside the hole). Until 2026-12-07 they copied the most trusted
 * covering patch's pixel; its border confidence γ^(−depth) made that the patch nearest the border, so
 * each row (column) of a box hole came from another row of patches and the fill was a mosaic of
 * straight steps (bokeh-nuthatch's box: `straightStepShare` 0.0013, truth 0.0005; now 0.0004). The
 * field's own copy steps only where the field's coherent pieces meet, along irregular lines.
 */
export function gatherVote(
  level: Level,
  r: number,
  nnf: Int32Array,
  weights: Float64Array,
  pixels: Int32Array,
  out: Float32Array,
  winnerDepth = Infinity,
  tick?: () => void,
  stride = 1,
): void {
  // The loop runs in blocks of VOTE_TICK pixels with the callback between them: a callback called
  // inside the hot loop made V8 re-optimise it whenever a level passed a different closure.
  for (let j0 = 0; j0 < pixels.length; j0 += VOTE_TICK) {
    if (tick && j0 > 0) tick();
    voteRange(level, r, nnf, weights, pixels, out, winnerDepth, stride, j0, Math.min(pixels.length, j0 + VOTE_TICK));
  }
}

/** {@link gatherVote} for entries `[j0, j1)` of `pixels`. */
function voteRange(
  level: Level,
  r: number,
  nnf: Int32Array,
  weights: Float64Array,
  pixels: Int32Array,
  out: Float32Array,
  winnerDepth: number,
  stride: number,
  j0: number,
  j1: number,
): void {
  const { pix, width: w, height: h, targetId, depth } = level;
  for (let j = j0; j < j1; j++) {
    const p = pixels[j];
    const px = p % w,
      py = (p - px) / w;
    const ox0 = Math.max(-r, px - (w - 1)),
      ox1 = Math.min(r, px);
    const oy0 = Math.max(-r, py - (h - 1)),
      oy1 = Math.min(r, py);
    let sr = 0,
      sg = 0,
      sb = 0,
      sa = 0,
      sw = 0;
    // Offsets that are multiples of `stride` (all of them for stride 1).
    const oxs = stride > 1 ? Math.ceil(ox0 / stride) * stride : ox0;
    const oys = stride > 1 ? Math.ceil(oy0 / stride) * stride : oy0;
    const o4 = j * 4;
    // Deep pixels copy the source pixel of the patch centred on them (the field's own copy, see
    // above); from winnerDepth to 2 × winnerDepth that copy fades in over the weighted mean.
    let t = 0,
      c4 = -1;
    const d = depth[p];
    if (d > winnerDepth) {
      const k = targetId[p];
      if (k >= 0) {
        c4 = nnf[k] * 4;
        t = d >= 2 * winnerDepth ? 1 : (d - winnerDepth) / winnerDepth;
      }
    }
    if (t === 1) {
      out[o4] = pix[c4];
      out[o4 + 1] = pix[c4 + 1];
      out[o4 + 2] = pix[c4 + 2];
      out[o4 + 3] = pix[c4 + 3];
      continue;
    }
    for (let oy = oys; oy <= oy1; oy += stride) {
      const rowOff = oy * w;
      for (let ox = oxs; ox <= ox1; ox += stride) {
        const off = rowOff + ox;
        const k = targetId[p - off];
        if (k < 0) continue;
        const wt = weights[k];
        const s4 = (nnf[k] + off) * 4;
        sr += wt * pix[s4];
        sg += wt * pix[s4 + 1];
        sb += wt * pix[s4 + 2];
        sa += wt * pix[s4 + 3];
        sw += wt;
      }
    }
    if (sw > 0) {
      // (1 − t) applied after the division: deep in a large hole the weights are subnormal, and 1 / sw overflows.
      const u = 1 - t;
      out[o4] = (sr / sw) * u;
      out[o4 + 1] = (sg / sw) * u;
      out[o4 + 2] = (sb / sw) * u;
      out[o4 + 3] = (sa / sw) * u;
      if (t > 0) {
        out[o4] += t * pix[c4];
        out[o4 + 1] += t * pix[c4 + 1];
        out[o4 + 2] += t * pix[c4 + 2];
        out[o4 + 3] += t * pix[c4 + 3];
      }
    } else {
      const p4 = p * 4;
      out[o4] = pix[p4];
      out[o4 + 1] = pix[p4 + 1];
      out[o4 + 2] = pix[p4 + 2];
      out[o4 + 3] = pix[p4 + 3];
    }
  }
}

/** Copies voted colours (`values`, 4 per entry of `pixels`) into the level image. */
export function writePixels(level: Level, pixels: Int32Array, values: Float32Array): void {
  const pix = level.pix;
  for (let j = 0; j < pixels.length; j++) {
    const p4 = pixels[j] * 4,
      o4 = j * 4;
    pix[p4] = values[o4];
    pix[p4 + 1] = values[o4 + 1];
    pix[p4 + 2] = values[o4 + 2];
    pix[p4 + 3] = values[o4 + 3];
  }
}

/** Indices of the hole pixels of a level, in raster order. */
export function holePixels(level: Level): Int32Array {
  const { hole } = level;
  let n = 0;
  for (let i = 0; i < hole.length; i++) n += hole[i];
  const out = new Int32Array(n);
  for (let i = 0, j = 0; i < hole.length; i++) if (hole[i]) out[j++] = i;
  return out;
}
