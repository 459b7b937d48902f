/**
 * Patch distinctness for the extension's synthesis (extend-synth.ts): how unlike every other part of
 * the known area a source's neighbourhood is ("What makes a patch distinct?", Margolin et al. 2013).
 *
 * A patch of background — sky, grass, wood, a wall — has look-alikes elsewhere in the photo; a patch
 * of a distinct object — a rocket's nose, a lamp, a badge — has none. What lies beyond the band is
 * background far more often than a second copy of the photo's objects, so the synthesis pays for a
 * source's distinctness away from the band: without it, the rocket's nose, its launch pad's lamps and
 * pieces of the pad floated in the new sky (rocket, 2026-12-07).
 *
 * Distinctness of a source = the smallest mean squared RGB difference (per pixel, summed over the
 * channels — the unit of the synthesis's match cost) between its (2r+1)² patch and any other fully
 * known patch at least {@link EXCLUSION} px away (Chebyshev), found by PatchMatch over the sources
 * (random start, propagation, random search; {@link ITERATIONS} scans).
 */
import { downsampleConservative } from './pyramid';
import { mulberry32 } from './random';
import type { Layer } from './region';

/** Least Chebyshev distance (px) of a look-alike: nearer patches overlap (or nearly) the source's own. */
export const EXCLUSION = 6;
/** PatchMatch scans (alternating forward and backward). */
const ITERATIONS = 4;
/** Quantile of the band's sources' distinctness below which nothing counts as distinct. */
export const QUANTILE = 0.9;
/** Fixed seed: distinctness depends on the photo only. */
const SEED = 0x5eed;

/**
 * Per pixel, the distinctness of its patch when `ok` marks it a source (0 elsewhere), less the
 * common level ({@link QUANTILE} of the sources where `band` is set). `pix` is RGBA; every source's
 * patch of radius `r` is inside the layer and known (see `sourceMask`).
 * @param tick - called once per scan (progress and cancellation)
 */
export function patchDistinctness(
  pix: Float32Array,
  ok: Uint8Array,
  w: number,
  h: number,
  r: number,
  band?: Uint8Array,
  tick?: () => void,
): Float32Array {
  const n = w * h;
  const out = new Float32Array(n);
  const sources: number[] = [];
  for (let i = 0; i < n; i++) if (ok[i]) sources.push(i);
  if (sources.length < 2) return out;
  const rng = mulberry32(SEED);
  const side = 2 * r + 1;
  const area = side * side;
  const far = (a: number, b: number) => {
    const ax = a % w,
      bx = b % w;
    return Math.abs(ax - bx) >= EXCLUSION || Math.abs((a - ax) / w - (b - bx) / w) >= EXCLUSION;
  };
  /** Patch distance of a and b (mean squared RGB per pixel), or a value ≥ bound when it exceeds it. */
  const dist = (a: number, b: number, bound: number) => {
    const lim = bound * area;
    let s = 0;
    for (let dy = -r; dy <= r; dy++) {
      let pa = (a + dy * w - r) * 4,
        pb = (b + dy * w - r) * 4;
      for (let dx = -r; dx <= r; dx++, pa += 4, pb += 4) {
        const e0 = pix[pa] - pix[pb],
          e1 = pix[pa + 1] - pix[pb + 1],
          e2 = pix[pa + 2] - pix[pb + 2];
        s += e0 * e0 + e1 * e1 + e2 * e2;
      }
      if (s >= lim) return s / area;
    }
    return s / area;
  };
  const nnf = new Int32Array(n).fill(-1);
  const best = new Float32Array(n).fill(Infinity);
  const tryCand = (p: number, c: number) => {
    if (c < 0 || c >= n || !ok[c] || c === nnf[p] || !far(p, c)) return;
    const d = dist(p, c, best[p]);
    if (d < best[p]) {
      best[p] = d;
      nnf[p] = c;
    }
  };
  for (const p of sources) for (let t = 0; t < 4 && nnf[p] < 0; t++) tryCand(p, sources[rng.int(sources.length)]);
  const maxRad = Math.max(w, h);
  for (let it = 0; it < ITERATIONS; it++) {
    const step = it % 2 === 0 ? 1 : -1;
    for (let k = 0; k < sources.length; k++) {
      const p = sources[step > 0 ? k : sources.length - 1 - k];
      const px = p % w;
      // Propagation: the neighbour's look-alike, shifted back by one.
      if (px - step >= 0 && px - step < w && ok[p - step] && nnf[p - step] >= 0) tryCand(p, nnf[p - step] + step);
      const up = p - step * w;
      if (up >= 0 && up < n && ok[up] && nnf[up] >= 0) tryCand(p, nnf[up] + step * w);
      // Random search around the current look-alike (or anywhere), radius halving.
      const c0 = nnf[p];
      if (c0 < 0) {
        tryCand(p, sources[rng.int(sources.length)]);
        continue;
      }
      const cx = c0 % w,
        cy = (c0 - cx) / w;
      for (let rad = maxRad; rad >= 1; rad >>= 1) {
        const sx = cx + Math.floor((2 * rng.next() - 1) * rad + 0.5),
          sy = cy + Math.floor((2 * rng.next() - 1) * rad + 0.5);
        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
        tryCand(p, sy * w + sx);
      }
    }
    tick?.();
  }
  // Only what stands out: distinctness above the common level of the band's own patches (their
  // QUANTILE; all sources' without a band) counts, so a busy texture, whose patches all match others
  // loosely, is not traded for a smooth one. Measured on all sources instead, the stroke-like
  // repeats of gimp-splash's title (each letter a look-alike of others) came out cheaper than its
  // soft background and were stamped into the 21:9 extension (extend-photos.test.ts).
  const ref = band && sources.some((p) => band[p]) ? sources.filter((p) => band[p]) : sources;
  const vals = Float32Array.from(ref, (p) => (Number.isFinite(best[p]) ? best[p] : 0)).sort();
  const common = vals[Math.floor(QUANTILE * (vals.length - 1))];
  for (const p of sources) out[p] = Math.max(0, (Number.isFinite(best[p]) ? best[p] : 0) - common);
  return out;
}

/**
 * Distinctness at several scales: per source of `layer`, the largest of {@link patchDistinctness} on the
 * layer itself and on it halved `levels` times (each coarse value applied to the fine pixels of its
 * cell; each level's own band quantile subtracted). One (2r+1)² patch sees only a piece of an object's
 * outline, and a piece of a curved outline has look-alikes a few px further along that outline: an
 * eye's rim and lids scored as common as fur at the synthesis's scale, and the chelsea outpaint had
 * cat eyes pasted into the new fur. Halved, the same patch covers the rim with the iris beside it,
 * which has no look-alike ("What makes a patch distinct?" compares patches across scales too).
 * `band` marks the known pixels near the hole (its level's quantile is taken among them); `bandReach`
 * is its width in px of `layer`, halved with each level.
 */
export function multiScaleDistinctness(
  layer: Layer,
  ok: Uint8Array,
  r: number,
  bandReach: number,
  levels = SCALES,
  tick?: () => void,
): Float32Array {
  const { width: w, height: h } = layer;
  const out = patchDistinctness(layer.pix, ok, w, h, r, nearHole(layer, bandReach), tick);
  let coarse = layer;
  for (let k = 1; k <= levels; k++) {
    if (Math.min(coarse.width, coarse.height) < 8 * (2 * r + 1)) break;
    coarse = downsampleConservative(coarse);
    const cw = coarse.width,
      ch = coarse.height;
    const cok = knownPatches(coarse, r);
    const d = patchDistinctness(coarse.pix, cok, cw, ch, r, nearHole(coarse, Math.max(r, bandReach >> k)), tick);
    for (let y = 0; y < h; y++) {
      const row = Math.min(ch - 1, y >> k) * cw;
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (ok[i]) out[i] = Math.max(out[i], d[row + Math.min(cw - 1, x >> k)]);
      }
    }
  }
  return out;
}

/** Halvings {@link multiScaleDistinctness} looks at besides the layer's own scale. */
export const SCALES = 1;

/** Centres whose (2r+1)² patch is inside the layer and fully known. */
function knownPatches(layer: Layer, r: number): Uint8Array {
  const { width: w, height: h, hole } = layer;
  const ok = new Uint8Array(w * h);
  for (let y = r; y < h - r; y++)
    for (let x = r; x < w - r; x++) {
      let any = 0;
      for (let dy = -r; dy <= r && !any; dy++) for (let dx = -r; dx <= r; dx++) any |= hole[(y + dy) * w + x + dx];
      ok[y * w + x] = any ? 0 : 1;
    }
  return ok;
}

/** 1 on the pixels within Chebyshev distance `reach` of a hole pixel. */
function nearHole(layer: Layer, reach: number): Uint8Array {
  const { width: w, height: h, hole } = layer;
  const dist = new Int32Array(w * h).fill(1 << 30);
  for (let i = 0; i < w * h; i++) if (hole[i]) dist[i] = 0;
  // Two chamfer passes with unit steps in all 8 directions: exact Chebyshev distance.
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let d = dist[i];
      if (x > 0) d = Math.min(d, dist[i - 1] + 1);
      if (y > 0) {
        d = Math.min(d, dist[i - w] + 1);
        if (x > 0) d = Math.min(d, dist[i - w - 1] + 1);
        if (x < w - 1) d = Math.min(d, dist[i - w + 1] + 1);
      }
      dist[i] = d;
    }
  for (let y = h - 1; y >= 0; y--)
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let d = dist[i];
      if (x < w - 1) d = Math.min(d, dist[i + 1] + 1);
      if (y < h - 1) {
        d = Math.min(d, dist[i + w] + 1);
        if (x < w - 1) d = Math.min(d, dist[i + w + 1] + 1);
        if (x > 0) d = Math.min(d, dist[i + w - 1] + 1);
      }
      dist[i] = d;
    }
  return Uint8Array.from(dist, (d) => (d <= reach ? 1 : 0));
}
