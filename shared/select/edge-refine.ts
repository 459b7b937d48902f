/**
 * Full-resolution edge refinement: only the blocks a soft mask's edge passes through are read from
 * the photo and guided-filtered, so a 40 MP selection costs its perimeter, not its area.
 */
import type { Rect } from '../geometry/rect';
import { fastGuidedFilter } from './guided-filter';
import { cropImage, type PixelSource } from './rgba';

export interface EdgeRefineOptions {
  /** Guided filter window radius (px). */
  radius: number;
  /** Guided filter regulariser in (0..1)² units. */
  eps: number;
  /** Edge contrast after filtering: 1 keeps the filter's soft edge, 2 halves its width. */
  sharpen?: number;
  /** Filter passes (each pulls the edge further onto the photo's edge). */
  passes?: number;
  /** The filter's coefficients are found on an s× smaller copy of each block (1 = exact filter). */
  subsample?: number;
  /** Block edge (px); blocks whose values are all 0 or all 255 are left alone. */
  block?: number;
  shouldStop?: () => boolean;
}

/**
 * How far (px) a pixel's refined value depends on the mask and photo around it: each guided-filter
 * pass averages the coefficients over its window, which were found from means over the window
 * (2r), and the fast filter's cells add up to a cell on each side.
 */
export function refineReach(radius: number, passes = 1, subsample = 1): number {
  const r = Math.max(1, Math.round(radius));
  if (subsample <= 1) return 2 * r * passes;
  const s = Math.floor(subsample);
  return passes * (2 * s * Math.max(1, Math.round(r / s)) + 2 * s);
}

/** Whether every value of `band` (rows from `b0`, `W` wide) in the rectangle equals `v`. */
function allEqual(band: Uint8Array, W: number, b0: number, x0: number, y0: number, x1: number, y1: number, v: number): boolean {
  for (let y = y0; y < y1; y++) {
    for (let i = (y - b0) * W + x0, end = i + x1 - x0; i < end; i++) if (band[i] !== v) return false;
  }
  return true;
}

/** The part `rect` (in the coordinates of a w-wide plane placed at ox, oy) of a plane of floats. */
function cropPlane(q: Float32Array, w: number, ox: number, oy: number, x: number, y: number, cw: number, ch: number): Float32Array {
  const out = new Float32Array(cw * ch);
  for (let r = 0; r < ch; r++) out.set(q.subarray((y - oy + r) * w + x - ox, (y - oy + r) * w + x - ox + cw), r * cw);
  return out;
}

/**
 * Refines `soft` (values 0..255 over `region`, document px of `src`) along its edges, in place, and
 * returns it. Blocks are filtered with the margin the filter reaches (`refineReach`), so the result
 * equals filtering the whole region at once (within a level): no seam at the block borders. Every
 * block sees the values as they were before any block was refined. A block whose surroundings
 * (within the reach) are all one value is not filtered — the filter keeps a constant — but
 * sharpened the same; neighbouring blocks of a row that need the filter share one crop.
 */
export function refineAlongEdge(src: PixelSource, region: Rect, soft: Uint8Array, opts: EdgeRefineOptions): Uint8Array {
  const { width: W, height: H } = region;
  const B = opts.block ?? 64;
  const r = Math.max(1, Math.round(opts.radius));
  const passes = opts.passes ?? 1;
  const subsample = opts.subsample ?? 1;
  const step = refineReach(r, 1, subsample);
  const M = step * passes;
  const sharpen = opts.sharpen ?? 1;
  const level = (q: number) => {
    const v = (q - 0.5) * sharpen + 0.5;
    return v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0;
  };
  // The unrefined rows b0..b1 of the current row of blocks (its rows plus M above and below).
  let band = new Uint8Array(Math.min(H, B + 2 * M) * W);
  let spare = new Uint8Array(band.length);
  let b0 = 0;
  const nbx = Math.ceil(W / B);
  const flat = new Int16Array(nbx);
  for (let by = 0; by < H; by += B) {
    const bh = Math.min(B, H - by);
    const n0 = Math.max(0, by - M);
    const n1 = Math.min(H, by + bh + M);
    // Rows above `by` were refined by the previous row of blocks: take them from its band.
    if (n0 < by) spare.set(band.subarray((n0 - b0) * W, (by - b0) * W));
    spare.set(soft.subarray(by * W, n1 * W), (by - n0) * W);
    [band, spare] = [spare, band];
    b0 = n0;
    // Each block's value if it and everything within the filter's reach is that one value, else -1.
    for (let i = 0; i < nbx; i++) {
      if (opts.shouldStop?.()) throw new Error('cancelled');
      const bx = i * B;
      const v = band[(by - b0) * W + bx];
      const x0 = Math.max(0, bx - M);
      const x1 = Math.min(W, bx + B + M);
      flat[i] = allEqual(band, W, b0, bx, by, Math.min(W, bx + B), by + bh, v) && allEqual(band, W, b0, x0, n0, x1, n1, v) ? v : -1;
    }
    for (let i = 0; i < nbx; ) {
      if (flat[i] >= 0) {
        const c = flat[i];
        const v = level(c / 255);
        const bx = i * B;
        if (v !== c) for (let y = by; y < by + bh; y++) soft.fill(v, y * W + bx, y * W + Math.min(W, bx + B));
        i++;
        continue;
      }
      // A run of blocks that need the filter (at most 16, to bound the crop).
      let j = i + 1;
      while (j < nbx && j - i < 16 && flat[j] < 0) j++;
      const bx = i * B;
      const bx1 = Math.min(W, j * B);
      i = j;
      if (opts.shouldStop?.()) throw new Error('cancelled');
      let ex = Math.max(0, bx - M);
      let ey = n0;
      let ew = Math.min(W, bx1 + M) - ex;
      let eh = n1 - n0;
      const full = src.read({ x: region.x + ex, y: region.y + ey, width: ew, height: eh });
      const fx = ex;
      const fy = ey;
      let q: Float32Array = new Float32Array(ew * eh);
      for (let y = 0; y < eh; y++) {
        const si = (ey + y - b0) * W + ex;
        for (let x = 0; x < ew; x++) q[y * ew + x] = band[si + x] * (1 / 255);
      }
      for (let k = 0; k < passes; k++) {
        // This pass is needed only where the later passes reach: crop what the last one made.
        const m = (passes - 1 - k) * step;
        const cx = Math.max(ex, bx - m - step);
        const cy = Math.max(ey, by - m - step);
        const cw = Math.min(ex + ew, bx1 + m + step) - cx;
        const ch = Math.min(ey + eh, by + bh + m + step) - cy;
        if (cx !== ex || cy !== ey || cw !== ew || ch !== eh) {
          q = cropPlane(q, ew, ex, ey, cx, cy, cw, ch);
          [ex, ey, ew, eh] = [cx, cy, cw, ch];
        }
        const img =
          ex === fx && ey === fy && ew === full.width && eh === full.height
            ? full
            : cropImage(full, { x: ex - fx, y: ey - fy, width: ew, height: eh });
        q = fastGuidedFilter(img.data, q, ew, eh, r, opts.eps, subsample);
      }
      for (let y = by; y < by + bh; y++) {
        const qi = (y - ey) * ew - ex;
        for (let x = bx; x < bx1; x++) soft[y * W + x] = level(q[qi + x]);
      }
    }
  }
  return soft;
}

/**
 * Bilinear upscale of a small 0..255 map to `W`×`H` (pixel centres aligned). Spans between four equal
 * samples are filled at once, so a large mask costs little more than its edge.
 */
export function upsampleBilinear(small: Uint8Array, sw: number, sh: number, W: number, H: number): Uint8Array {
  const out = new Uint8Array(W * H);
  const kx = sw / W;
  const ky = sh / H;
  const x0s = new Int32Array(W);
  const fxs = new Float32Array(W);
  for (let x = 0; x < W; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * kx - 0.5));
    x0s[x] = sw === 1 ? 0 : Math.min(sw - 2, Math.floor(fx));
    fxs[x] = sw === 1 ? 0 : fx - x0s[x];
  }
  // Output columns [start[a], start[a + 1]) interpolate between small columns a and a + 1.
  const pairs = Math.max(1, sw - 1);
  const start = new Int32Array(pairs + 1).fill(W);
  for (let x = W - 1; x >= 0; x--) start[x0s[x]] = x;
  for (let a = pairs - 1; a >= 0; a--) if (start[a] > start[a + 1]) start[a] = start[a + 1];
  start[pairs] = W;
  for (let y = 0; y < H; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * ky - 0.5));
    const y0 = sh === 1 ? 0 : Math.min(sh - 2, Math.floor(fy));
    const ty = sh === 1 ? 0 : fy - y0;
    const r0 = y0 * sw;
    const r1 = sh === 1 ? r0 : r0 + sw;
    const o = y * W;
    for (let a = 0; a < pairs; a++) {
      const xa = start[a];
      const xb = start[a + 1];
      if (xa >= xb) continue;
      const b = sw === 1 ? a : a + 1;
      const v00 = small[r0 + a];
      const v01 = small[r0 + b];
      const v10 = small[r1 + a];
      const v11 = small[r1 + b];
      if (v00 === v01 && v00 === v10 && v00 === v11) {
        out.fill(v00, o + xa, o + xb);
        continue;
      }
      for (let x = xa; x < xb; x++) {
        const tx = fxs[x];
        const top = v00 + (v01 - v00) * tx;
        const bot = v10 + (v11 - v10) * tx;
        out[o + x] = Math.round(top + (bot - top) * ty);
      }
    }
  }
  return out;
}
