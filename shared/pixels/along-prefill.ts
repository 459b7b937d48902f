/**
 * The smooth pre-fill of an outpaint tile's request made from the full-size tile, not from the
 * request's scaled colour (issue 16: the tile made after Ctrl+Enter). Where the tile's unknown part
 * is the same in every row (an extension to the sides) or every column (above and below), its known
 * part is one band of the full-size tile, and the push–pull fill's coarse level — cells of
 * {@link PREFILL_CELL} × {@link PREFILL_CELL} request pixels, each the mean of the known pixels under
 * it — can be averaged from that band directly, sampled about every three tile pixels. So the
 * pre-fill no longer waits for the scale to the request: it runs on main's thread while libvips
 * scales the known colour on its own, and it reads a few samples per cell instead of every pixel of
 * the request. The fill is push–pull's from that level (`pushPullFillFromLevel`): the same smooth
 * continuation of the photo's colours, a little softer within a cell of the known edge — where the
 * model repaints the overlap band anyway. Pure.
 */
import { type CoarseLevel, pushPullFillFromLevel } from './push-pull-fill';

/** How the tile's known part lies: columns [k0, k1) of every row ('columns'), or rows [k0, k1) of every column ('rows'), in tile px. */
export interface KnownBand {
  axis: 'columns' | 'rows';
  k0: number;
  k1: number;
}

/** Request pixels per side of a coarse cell. */
export const PREFILL_CELL = 4;

interface Size {
  width: number;
  height: number;
}

/** Per coarse cell along one axis, the tile coordinates it samples (about one per three tile px: 1–4). */
function samplesAlong(cells: number, requestLength: number, tileLength: number): Int32Array[] {
  const scale = tileLength / requestLength;
  const n = Math.max(1, Math.min(4, Math.round((PREFILL_CELL * scale) / 3)));
  return Array.from({ length: cells }, (_, X) => {
    const a = X * PREFILL_CELL;
    const b = Math.min(requestLength, a + PREFILL_CELL);
    return Int32Array.from({ length: n }, (_, j) => Math.min(tileLength - 1, Math.floor((a + ((j + 0.5) * (b - a)) / n) * scale)));
  });
}

/** The coarse level: each cell the mean colour of its known samples (confidence 1), or unknown (0). */
export function coarseLevel(rgba: Uint8Array, from: Size, band: KnownBand, size: Size): CoarseLevel {
  if (rgba.length !== from.width * from.height * 4) throw new RangeError(`along pre-fill: the tile is not ${from.width}×${from.height}`);
  const w = Math.ceil(size.width / PREFILL_CELL);
  const h = Math.ceil(size.height / PREFILL_CELL);
  const c = new Float32Array(w * h * 3);
  const a = new Float32Array(w * h);
  const xs = samplesAlong(w, size.width, from.width);
  const ys = samplesAlong(h, size.height, from.height);
  // Only the samples inside the band (the rest are unknown: never read).
  const inBand = (v: number) => v >= band.k0 && v < band.k1;
  const kx = xs.map((s) => (band.axis === 'columns' ? s.filter(inBand) : s));
  const ky = ys.map((s) => (band.axis === 'rows' ? s.filter(inBand) : s));
  for (let Y = 0; Y < h; Y++) {
    for (let X = 0; X < w; X++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (const y of ky[Y]) {
        const row = y * from.width;
        for (const x of kx[X]) {
          const i = (row + x) * 4;
          r += rgba[i];
          g += rgba[i + 1];
          b += rgba[i + 2];
          n++;
        }
      }
      const o = Y * w + X;
      if (n) {
        c[o * 3] = r / n;
        c[o * 3 + 1] = g / n;
        c[o * 3 + 2] = b / n;
        a[o] = 1;
      }
    }
  }
  return { w, h, c, a };
}

/**
 * Writes the pre-fill into `out` (the request's RGBA, `size`) at every pixel `unknown` flags (1 where
 * unknown, `size`), from `rgba` (the full-size tile, `from`; read only inside `band`). Nothing else in
 * `out` is read or written, so libvips may write the known pixels at the same time.
 */
export function prefillAlong(rgba: Uint8Array, from: Size, band: KnownBand, size: Size, unknown: Uint8Array, out: Uint8Array): void {
  if (unknown.length !== size.width * size.height || out.length !== unknown.length * 4)
    throw new RangeError(`along pre-fill: buffers do not match ${size.width}×${size.height}`);
  // The columns holding an unknown pixel: row 0's flags when every row is the same, else every column
  // where any row is unknown (then whole rows are).
  const cols = new Uint8Array(size.width);
  if (band.axis === 'columns') for (let x = 0; x < size.width; x++) cols[x] = unknown[x] ? 1 : 0;
  else for (let y = 0; y < size.height; y++) if (unknown[y * size.width]) cols.fill(1);
  pushPullFillFromLevel(coarseLevel(rgba, from, band, size), PREFILL_CELL, unknown, out, size.width, size.height, cols);
}
