/**
 * Seam removal by a harmonic correction membrane (the boundary step of Poisson image editing,
 * Pérez, Gangnet & Blake 2003). The vote also reconstructs the known pixels just outside the
 * hole; where that reconstruction disagrees with the real pixels, the disagreement is spread
 * smoothly over the hole and added to the fill. The membrane is harmonic, so it shifts colour
 * and brightness but adds no blur: the fill's own gradients (its texture) are kept.
 */
import { harmonicFillLayer, type SweepCounts } from './diffusion';
import type { Level } from './pyramid';
import type { Layer } from './region';
import { gatherVote } from './vote';

/**
 * The membrane is smooth and starts from a good coarse-to-fine guess, so far fewer sweeps than
 * a full diffusion fill are enough (a residual error only slightly weakens the correction).
 */
const MEMBRANE_SWEEPS: SweepCounts = { fine: 8, coarse: 24 };

/** Known pixels with a 4-neighbour in the hole (the Dirichlet boundary of the hole). */
export function boundaryRing(level: Level): Int32Array {
  const { width: w, height: h, hole } = level;
  const ring: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (hole[i]) continue;
      if ((x > 0 && hole[i - 1]) || (x < w - 1 && hole[i + 1]) ||
          (y > 0 && hole[i - w]) || (y < h - 1 && hole[i + w])) ring.push(i);
    }
  }
  return Int32Array.from(ring);
}

/**
 * Adds the harmonic interpolation of (real − reconstructed) boundary colours to the hole.
 * @param level - finest level; its hole pixels hold the voted fill
 * @param r - patch radius
 * @param nnf - final field, per target
 * @param weights - final vote weights, per target
 */
export function correctSeam(level: Level, r: number, nnf: Int32Array, weights: Float64Array): void {
  const ring = boundaryRing(level);
  if (ring.length === 0) return;
  const recon = new Float32Array(ring.length * 4);
  gatherVote(level, r, nnf, weights, ring, recon);
  const { width: w, height: h, hole, pix } = level;
  // Work in the hole's bounding box grown by one pixel, so the membrane costs O(hole box).
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    const x = i % w, y = (i - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  x0 = Math.max(0, x0 - 1); y0 = Math.max(0, y0 - 1);
  x1 = Math.min(w - 1, x1 + 1); y1 = Math.min(h - 1, y1 + 1);
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  // Only the ring is pinned and only the hole is solved; everything else is ignored (state 2).
  const membrane: Layer = {
    width: bw, height: bh,
    pix: new Float32Array(bw * bh * 4),
    hole: new Uint8Array(bw * bh).fill(2),
  };
  for (let j = 0; j < ring.length; j++) {
    const p = ring[j];
    const px = p % w, py = (p - px) / w;
    const b = (py - y0) * bw + (px - x0);
    membrane.hole[b] = 0;
    for (let c = 0; c < 4; c++) membrane.pix[b * 4 + c] = pix[p * 4 + c] - recon[j * 4 + c];
  }
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) if (hole[y * w + x]) membrane.hole[(y - y0) * bw + (x - x0)] = 1;
  }
  harmonicFillLayer(membrane, MEMBRANE_SWEEPS);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (!hole[i]) continue;
      const b = ((y - y0) * bw + (x - x0)) * 4;
      for (let c = 0; c < 4; c++) pix[i * 4 + c] += membrane.pix[b + c];
    }
  }
}
