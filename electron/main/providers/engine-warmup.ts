/**
 * The warm-up fill an engine worker runs when the app asks for a warm worker before Generate
 * (`engine:warm`, issue 13). The first fill of a fresh worker costs 2–5× the CPU of a later one: V8
 * runs the engine's hot loops in the interpreter and compiles them while they run. One small fill of
 * a synthetic textured region with a hole runs those loops often enough to get them optimised, so the
 * retoucher's first real fill starts warm. Everything it allocates is garbage once it returns (a few
 * hundred kB: nothing large is kept in the worker's heap).
 */
import { inpaint, type FillLanes } from '../../../shared/engine';

/**
 * Side of the synthetic region (px) and its round hole's diameter ÷ side. A hole 34 px deep gets the
 * finish's detail blur σ ≥ 4 (the box-filter path that large holes take), not only the small-hole
 * Gaussian. Measured (bench/fill/warm-first.ts: fresh process, warm-up, then the chelsea blob and the
 * building box; 5 alternating runs, load 5–7): first-fill CPU ÷ cold 0.59 / 0.74 with 80 px at 0.85,
 * 0.57–0.71 / 0.81–0.88 with 64 px at 0.32 (4 runs), 0.56–0.73 / 0.70–0.85 with 96 px at 0.7; the
 * warm-up costs ≈ 0.27 CPU s here (64 px: ≈ 0.12 s), plus ≈ 0.10 s to start the worker.
 */
export const WARMUP_SIDE = 80;
export const WARMUP_HOLE = 0.85;

/** A deterministic textured RGBA region (waves, edges and noise, like a photo's detail) and a round hole in its middle. */
export function warmupJob(side = WARMUP_SIDE, hole = WARMUP_HOLE): { width: number; height: number; rgba: Uint8Array; mask: Uint8Array } {
  const w = side,
    h = side;
  const rgba = new Uint8Array(w * h * 4);
  const mask = new Uint8Array(w * h);
  let r = 0x2545f491;
  const cx = w / 2,
    cy = h / 2,
    rx = (w * hole) / 2,
    ry = (h * hole) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      r ^= r << 13;
      r ^= r >>> 17;
      r ^= r << 5;
      const noise = (r & 63) - 32;
      const wave = 50 * Math.sin(x * 0.31 + y * 0.07) * Math.cos(y * 0.23);
      const edge = ((x >> 4) + (y >> 4)) & 1 ? 30 : -30;
      const i = (y * w + x) * 4;
      rgba[i] = 120 + wave + noise;
      rgba[i + 1] = 110 + edge + noise / 2;
      rgba[i + 2] = 90 + wave / 2 - edge / 2 + noise;
      rgba[i + 3] = 255;
      const dx = (x - cx) / rx,
        dy = (y - cy) / ry;
      if (dx * dx + dy * dy <= 1) mask[y * w + x] = 255;
    }
  }
  return { width: w, height: h, rgba, mask };
}

/**
 * Runs the warm-up fill (with a progress callback, as real fills have); returns its wall time in ms.
 * `side` ≤ 0: no fill (the bench's "start the worker only"). `lanes`: the fill worker's lane helper
 * (its split levels then run on two threads, on shared arrays, as a large fill's do).
 */
export function runWarmup(side = WARMUP_SIDE, hole = WARMUP_HOLE, lanes?: FillLanes): number {
  if (side <= 0) return 0;
  const t0 = performance.now();
  const job = warmupJob(side, hole);
  let last = 0;
  inpaint({ width: job.width, height: job.height, data: job.rgba }, job.mask, {
    seed: 1,
    lanes,
    onProgress: (f) => {
      if (f > last) last = f;
    },
  });
  return performance.now() - t0;
}
