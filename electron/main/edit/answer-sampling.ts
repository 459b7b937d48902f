/**
 * Sampling earlier tiles' answers at a chained tile's request pixels (chain-ahead.ts,
 * `chainedFromAnswers`): where each request column and row falls on the full-size canvas and on each
 * answer, worked out once per window, and the loop for a tile made of one answer.
 */
import type { TileAnswer } from './chain-ahead';

/** Tests only: every window through the general loop (to hold the one-answer loop to its bytes). */
export const FORCE_GENERAL = { on: false };

/**
 * `chainedFromAnswers`'s loop for a tile made of one answer (the usual chain: each tile waits for
 * the one before), the same arithmetic in the same order — so the same bytes — with what depends
 * on the row or the column alone taken out of the pixel loop (1.2 M request pixels per chained
 * tile of the bench's 8:1 layout).
 */
export function oneAnswer(
  out: Uint8Array,
  tw: number,
  win: { u0: number; u1: number; v0: number; v1: number },
  cols: SampleAxis,
  rows: SampleAxis,
  a: TileAnswer,
  canvas: Uint8Array | null,
  canvasWidth: number,
): void {
  const { u0, u1, v0, v1 } = win;
  const { x: rx, y: ry, width: rw, height: rh } = a.rect;
  const c = cols.at[0];
  const R = rows.at[0];
  const px = a.rgba;
  const weight = a.weight;
  // The window's columns inside the answer's rect.
  let first = u1;
  let last = u0;
  for (let u = u0; u < u1; u++) {
    const ax = cols.full[u - u0] - rx;
    if (ax >= 0 && ax < rw) {
      if (u < first) first = u;
      last = u + 1;
    }
  }
  for (let v = v0; v < v1; v++) {
    const yv = v - v0;
    const yi = rows.full[yv];
    const ay = yi - ry;
    if (ay < 0 || ay >= rh) continue;
    const wRow = ay * rw - rx;
    const row0 = R.i0[yv] * a.width;
    const row1 = R.i1[yv] * a.width;
    const ty = R.t[yv];
    const canvasRow = yi * canvasWidth;
    for (let u = first; u < last; u++) {
      const xu = u - u0;
      const xi = cols.full[xu];
      const w = weight[wRow + xi];
      if (!w) continue;
      const k = canvas ? w / 255 : 1;
      let cr = 0;
      let cg = 0;
      let cb = 0;
      if (w < 255 && canvas) {
        const q = (canvasRow + xi) * 4;
        cr = canvas[q];
        cg = canvas[q + 1];
        cb = canvas[q + 2];
      }
      const x0 = c.i0[xu];
      const x1 = c.i1[xu];
      const tx = c.t[xu];
      const p00 = (row0 + x0) * 4;
      const p01 = (row0 + x1) * 4;
      const p10 = (row1 + x0) * 4;
      const p11 = (row1 + x1) * 4;
      let t = px[p00] + (px[p01] - px[p00]) * tx;
      cr += (t + (px[p10] + (px[p11] - px[p10]) * tx - t) * ty - cr) * k;
      t = px[p00 + 1] + (px[p01 + 1] - px[p00 + 1]) * tx;
      cg += (t + (px[p10 + 1] + (px[p11 + 1] - px[p10 + 1]) * tx - t) * ty - cg) * k;
      t = px[p00 + 2] + (px[p01 + 2] - px[p00 + 2]) * tx;
      cb += (t + (px[p10 + 2] + (px[p11 + 2] - px[p10 + 2]) * tx - t) * ty - cb) * k;
      const o = (v * tw + u) * 4;
      out[o] = Math.round(cr);
      out[o + 1] = Math.round(cg);
      out[o + 2] = Math.round(cb);
      out[o + 3] = 255;
    }
  }
}

/** One axis of a window of request pixels: the nearest full-size pixel of each, and per answer its bilinear sample. */
export interface SampleAxis {
  full: Int32Array;
  at: { i0: Int32Array; i1: Int32Array; t: Float64Array }[];
}

/**
 * Request pixels `from`…`to` − 1 along one axis of the tile (`origin`, `length` at full size, `scale`
 * full-size pixels per request pixel): the full-size pixel nearest each centre, and where each
 * answer (`dims`: its rect's origin and length at full size, its decoded length) is sampled there.
 */
export function sampleAxis(
  from: number,
  to: number,
  origin: number,
  length: number,
  scale: number,
  answers: readonly TileAnswer[],
  dims: (a: TileAnswer) => [number, number, number],
): SampleAxis {
  const n = to - from;
  const full = new Int32Array(n);
  const at = answers.map(() => ({ i0: new Int32Array(n), i1: new Int32Array(n), t: new Float64Array(n) }));
  const sizes = answers.map(dims);
  for (let k = 0; k < n; k++) {
    const P = origin + (from + k + 0.5) * scale - 0.5;
    full[k] = Math.min(origin + length - 1, Math.max(origin, Math.round(P)));
    for (const [m, [o, len, size]] of sizes.entries()) {
      const f = Math.min(Math.max((P - o + 0.5) * (size / len) - 0.5, 0), size - 1);
      const i0 = Math.floor(f);
      at[m].i0[k] = i0;
      at[m].i1[k] = Math.min(i0 + 1, size - 1);
      at[m].t[k] = f - i0;
    }
  }
  return { full, at };
}
