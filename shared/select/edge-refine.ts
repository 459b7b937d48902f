/**
 * Full-resolution edge refinement: only the blocks a soft mask's edge passes through are read from
 * the photo and guided-filtered, so a 40 MP selection costs its perimeter, not its area.
 */
import type { Rect } from '../geometry/rect';
import { fastGuidedFilter } from './guided-filter';
import type { PixelSource } from './rgba';

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
 * Refines `soft` (values 0..255 over `region`, document px of `src`) along its edges, in place, and
 * returns it. Blocks without an edge keep their values. Every block sees the values as they were
 * before any block was refined: the rows around the current row of blocks are kept as they were.
 */
export function refineAlongEdge(src: PixelSource, region: Rect, soft: Uint8Array, opts: EdgeRefineOptions): Uint8Array {
  const { width: W, height: H } = region;
  const B = opts.block ?? 64;
  const r = Math.max(1, Math.round(opts.radius));
  const sharpen = opts.sharpen ?? 1;
  // The unrefined rows b0..b1 of the current row of blocks (its rows plus r above and below).
  let band = new Uint8Array(Math.min(H, B + 2 * r) * W);
  let spare = new Uint8Array(band.length);
  let b0 = 0;
  for (let by = 0; by < H; by += B) {
    const bh = Math.min(B, H - by);
    const n0 = Math.max(0, by - r);
    const n1 = Math.min(H, by + bh + r);
    // Rows above `by` were refined by the previous row of blocks: take them from its band.
    if (n0 < by) spare.set(band.subarray((n0 - b0) * W, (by - b0) * W));
    spare.set(soft.subarray(by * W, n1 * W), (by - n0) * W);
    [band, spare] = [spare, band];
    b0 = n0;
    for (let bx = 0; bx < W; bx += B) {
      if (opts.shouldStop?.()) throw new Error('cancelled');
      const bw = Math.min(B, W - bx);
      // Is the block all one value? (Stops at the first pixel that differs.)
      const min = band[(by - b0) * W + bx];
      let max = min;
      for (let y = by; y < by + bh && max === min; y++) {
        for (let i = (y - b0) * W + bx, end = i + bw; i < end; i++) {
          if (band[i] !== min) {
            max = 256;
            break;
          }
        }
      }
      // An edge can also run along the block's border: look one radius beyond it.
      if (max === min) {
        const ex0 = Math.max(0, bx - r);
        const ex1 = Math.min(W, bx + bw + r);
        for (let y = n0; y < n1 && max === min; y += Math.max(1, n1 - n0 - 1)) {
          for (let x = ex0; x < ex1; x++) if (band[(y - b0) * W + x] !== min) max = 256;
        }
        for (let x = ex0; x < ex1 && max === min; x += Math.max(1, ex1 - ex0 - 1)) {
          for (let y = n0; y < n1; y++) if (band[(y - b0) * W + x] !== min) max = 256;
        }
        if (max === min) continue;
      }
      const ex = Math.max(0, bx - r);
      const ey = n0;
      const ew = Math.min(W, bx + bw + r) - ex;
      const eh = n1 - n0;
      const img = src.read({ x: region.x + ex, y: region.y + ey, width: ew, height: eh });
      const p = new Float32Array(ew * eh);
      for (let y = 0; y < eh; y++) {
        const si = (ey + y - b0) * W + ex;
        for (let x = 0; x < ew; x++) p[y * ew + x] = band[si + x] * (1 / 255);
      }
      let q: Float32Array = p;
      for (let k = 0; k < (opts.passes ?? 1); k++) q = fastGuidedFilter(img.data, q, ew, eh, r, opts.eps, opts.subsample ?? 1);
      for (let y = by; y < by + bh; y++) {
        const qi = (y - ey) * ew - ex;
        for (let x = bx; x < bx + bw; x++) {
          const v = (q[qi + x] - 0.5) * sharpen + 0.5;
          soft[y * W + x] = v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0;
        }
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
