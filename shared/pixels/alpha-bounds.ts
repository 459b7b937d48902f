/**
 * The smallest rect holding every pixel with alpha > 0 of an RGBA buffer (null when none): a patch
 * is transparent outside its mask's feather band, so the renderer keeps only this part of it
 * decoded. Whole rows are tested through 32-bit reads (alpha is the top byte of each little-endian word).
 */
import type { Rect } from '../geometry/rect';

export function alphaBounds(rgba: Uint8Array, width: number, height: number): Rect | null {
  const aligned = rgba.byteOffset % 4 === 0;
  const px = aligned ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  return boundsWhere(width, height, px ? (i) => px[i] >>> 24 : (i) => rgba[i * 4 + 3]);
}

/** The smallest rect holding every non-zero value of a one-byte-per-pixel map (null when none). */
export function nonZeroBounds(map: Uint8Array, width: number, height: number): Rect | null {
  return boundsWhere(width, height, (i) => map[i]);
}

/** The smallest rect of pixels where `at` (by pixel index) is non-zero: each row read from its ends. */
function boundsWhere(width: number, height: number, at: (i: number) => number): Rect | null {
  let y0 = -1;
  let y1 = -1;
  let x0 = width;
  let x1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++)
      if (at(row + x)) {
        first = x;
        break;
      }
    if (first < 0) continue;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    for (let x = width - 1; x > x1; x--)
      if (at(row + x)) {
        x1 = x;
        break;
      }
  }
  return y0 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
