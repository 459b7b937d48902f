/**
 * Working-region helpers: where the hole is, how much context around it the fill needs, and
 * conversion between the 8-bit image and the float working planes used by the solvers.
 */
import { HOLE_THRESHOLD, type Rect, type RgbaImage } from './types';

/**
 * A float copy of a rectangle of the image plus its hole map. `pix` holds 4 interleaved
 * channels (R, G, B, A in 0..255) per pixel; `hole[i]` is 1 for pixels to synthesise.
 */
export interface Layer {
  width: number;
  height: number;
  pix: Float32Array;
  hole: Uint8Array;
}

/**
 * Bounding box of the hole pixels (`mask > 127`), or `null` when the mask is empty.
 * @param mask - one byte per pixel, row-major
 * @param onRows - fraction of rows scanned, every 64 rows (a long extension's mask is millions of bytes)
 */
export function maskBounds(mask: Uint8Array, width: number, height: number, onRows?: (fraction: number) => void): Rect | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    if (onRows && y % ROWS_PER_REPORT === 0) onRows(y / height);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x] > HOLE_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * The rectangle the exemplar fill works in: the hole's bounding box grown on every side by
 * `max(3 × patchSize, 0.5 × the hole's longer side)`, clipped to the image. Patches are only
 * searched inside it, so time and memory scale with this rectangle, not with the photo.
 * @param bounds - the hole bounding box, see {@link maskBounds}
 * @param width - image width in pixels
 * @param height - image height in pixels
 * @param patchSize - patch side in pixels (default 7)
 */
export function fillRegionFor(bounds: Rect, width: number, height: number, patchSize = 7): Rect {
  const margin = Math.ceil(Math.max(3 * patchSize, 0.5 * Math.max(bounds.width, bounds.height)));
  const x0 = Math.max(0, bounds.x - margin);
  const y0 = Math.max(0, bounds.y - margin);
  const x1 = Math.min(width, bounds.x + bounds.width + margin);
  const y1 = Math.min(height, bounds.y + bounds.height + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Grows `rect` by `pad` pixels on every side, clipped to a `width × height` image.
 */
export function padRect(rect: Rect, pad: number, width: number, height: number): Rect {
  const x0 = Math.max(0, rect.x - pad);
  const y0 = Math.max(0, rect.y - pad);
  const x1 = Math.min(width, rect.x + rect.width + pad);
  const y1 = Math.min(height, rect.y + rect.height + pad);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Rows between the optional progress reports of {@link cropToLayer} and {@link pasteHole}. */
const ROWS_PER_REPORT = 64;

/**
 * Copies `rect` of `image` and `mask` into a float {@link Layer}. `onRows` (optional) is told the
 * fraction of rows done every {@link ROWS_PER_REPORT} rows (a long extension takes a while).
 */
export function cropToLayer(image: RgbaImage, mask: Uint8Array, rect: Rect, onRows?: (fraction: number) => void): Layer {
  const { width: w, height: h } = rect;
  const pix = new Float32Array(w * h * 4);
  const hole = new Uint8Array(w * h);
  const src = image.data;
  for (let y = 0; y < h; y++) {
    if (onRows && y % ROWS_PER_REPORT === 0) onRows(y / h);
    const srow = (rect.y + y) * image.width + rect.x;
    for (let x = 0; x < w; x++) {
      const si = srow + x;
      const di = y * w + x;
      hole[di] = mask[si] > HOLE_THRESHOLD ? 1 : 0;
      const s4 = si * 4;
      const d4 = di * 4;
      pix[d4] = src[s4];
      pix[d4 + 1] = src[s4 + 1];
      pix[d4 + 2] = src[s4 + 2];
      pix[d4 + 3] = src[s4 + 3];
    }
  }
  return { width: w, height: h, pix, hole };
}

/**
 * Writes the hole pixels of `layer` (rounded, clamped to 0..255) back into `out` at `rect`.
 * Pixels outside the hole are never touched, which is what keeps the outside-mask invariant.
 * `onRows` as in {@link cropToLayer}.
 */
export function pasteHole(out: RgbaImage, layer: Layer, rect: Rect, onRows?: (fraction: number) => void): void {
  const { width: w, height: h, pix, hole } = layer;
  const dst = out.data;
  for (let y = 0; y < h; y++) {
    if (onRows && y % ROWS_PER_REPORT === 0) onRows(y / h);
    const drow = (rect.y + y) * out.width + rect.x;
    for (let x = 0; x < w; x++) {
      const li = y * w + x;
      if (hole[li] === 0) continue;
      const d4 = (drow + x) * 4;
      const s4 = li * 4;
      for (let c = 0; c < 4; c++) {
        const v = Math.round(pix[s4 + c]);
        dst[d4 + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
}

/** Number of hole pixels (value 1) in a hole map. */
export function countHoles(hole: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < hole.length; i++) n += hole[i];
  return n;
}
