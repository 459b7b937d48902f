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
import { mulberry32 } from './random';

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
