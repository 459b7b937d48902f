/** The finish's feathering of the known detail into the first hole layers (seam.ts). */
import type { Box } from './blur-box';
import type { Layer } from './region';

/** Hole pixel layers (4-connected distance from known pixels) the known detail is continued into. */
export const FEATHER_LAYERS = 4;

/**
 * The feathering of the finish's detail (seam.ts `toDetail`): the first {@link FEATHER_LAYERS} hole layers (4-connected
 * distance t from the known pixels, breadth first) continue the known detail `ext`, decaying by ρ
 * per layer and tapered by c(t) = 1 − t / (FEATHER_LAYERS + 1), and fade the exemplar detail in as
 * 1 − c(t) ρ^t. Without the taper (until 2026-12-07) a high ρ left the fade unfinished at the last layer
 * (ρ = 0.9: 34 % of the detail at layer 4, 100 % at layer 5): a straight step along the hole's edges,
 * 4–5 px in, on box holes a frame (bokeh-nuthatch's box: mean step 19.5 grey levels across it, 4–7
 * on the layers either side; `straightStepShare` 0.0036 → 0.0020). Marks those pixels with their layer in
 * `layer` (−1 stays for deeper ones). Fronts are index lists in discovery order.
 */
export function feather(level: Layer, box: Box, layer: Int8Array, ext: Float32Array, det: Float32Array, rho: number, gain: number): void {
  const { width: w, pix } = level;
  const bw = box.x1 - box.x0 + 1,
    bh = box.y1 - box.y0 + 1;
  let front = new Int32Array(bw * bh),
    next = new Int32Array(bw * bh);
  let nf = 0;
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const b = y * bw + x;
      if (layer[b] !== -1) continue;
      if (
        (x > 0 && layer[b - 1] === 0) ||
        (x < bw - 1 && layer[b + 1] === 0) ||
        (y > 0 && layer[b - bw] === 0) ||
        (y < bh - 1 && layer[b + bw] === 0)
      )
        front[nf++] = b;
    }
  }
  for (let t = 1; t <= FEATHER_LAYERS && nf > 0; t++) {
    for (let j = 0; j < nf; j++) layer[front[j]] = t;
    let nn = 0;
    // The continuation also tapers linearly to 0 past the last layer (see above).
    const cont = 1 - t / (FEATHER_LAYERS + 1);
    const keep = 1 - cont * rho ** t;
    const prev = t - 1;
    for (let j = 0; j < nf; j++) {
      const b = front[j];
      const x = b % bw,
        y = (b - x) / bw;
      let n = 0,
        r = 0,
        g = 0,
        bl = 0;
      // Neighbours left, right, up, down: sum those of the previous layer, queue the fresh ones (−2).
      for (let side = 0; side < 4; side++) {
        let q: number;
        if (side === 0) {
          if (x === 0) continue;
          q = b - 1;
        } else if (side === 1) {
          if (x === bw - 1) continue;
          q = b + 1;
        } else if (side === 2) {
          if (y === 0) continue;
          q = b - bw;
        } else {
          if (y === bh - 1) continue;
          q = b + bw;
        }
        const lq = layer[q];
        if (lq === prev) {
          r += ext[q * 3];
          g += ext[q * 3 + 1];
          bl += ext[q * 3 + 2];
          n++;
        } else if (lq === -1) {
          layer[q] = -2;
          next[nn++] = q;
        }
      }
      ext[b * 3] = (rho * r) / n;
      ext[b * 3 + 1] = (rho * g) / n;
      ext[b * 3 + 2] = (rho * bl) / n;
      const i4 = ((y + box.y0) * w + x + box.x0) * 4;
      for (let c = 0; c < 3; c++) pix[i4 + c] = cont * ext[b * 3 + c] + keep * gain * det[b * 4 + c];
    }
    for (let j = 0; j < nn; j++) layer[next[j]] = -1;
    const swap = front;
    front = next;
    next = swap;
    nf = nn;
  }
}
