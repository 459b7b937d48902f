/**
 * Fast region filters on one-byte-per-pixel masks, restricted to a window around the mask so the
 * cost follows the mask's size, not the region's: the mask's window and a square dilation.
 * Pixels outside the window are 0.
 */
import { MASK_ON } from '../mask/threshold';

export interface Window {
  x0: number;
  y0: number;
  /** exclusive */
  x1: number;
  /** exclusive */
  y1: number;
}

/** Bounding window of non-zero values, expanded by `pad` and clipped; null when empty. */
export function maskWindow(mask: Uint8Array, width: number, height: number, pad: number): Window | null {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    for (let x = width - 1; x >= first; x--) {
      if (mask[row + x]) {
        last = x;
        break;
      }
    }
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return null;
  return { x0: Math.max(0, x0 - pad), y0: Math.max(0, y0 - pad), x1: Math.min(width, x1 + pad + 1), y1: Math.min(height, y1 + pad + 1) };
}

/**
 * `on` (default 1) where any value ≥ MASK_ON lies within the (2r+1)² square, else 0. Separable: each
 * row of the window is dilated by a forward and a backward scan (distance to the nearest set pixel),
 * then a running count per column over 2r+1 rows gives the square; temporaries are window-sized.
 */
export function dilateSquare(src: Uint8Array, width: number, height: number, r: number, win: Window, on = 1): Uint8Array {
  const out = new Uint8Array(width * height);
  const ww = win.x1 - win.x0;
  const wh = win.y1 - win.y0;
  if (ww <= 0 || wh <= 0) return out;
  const rows = new Uint8Array(ww * wh);
  for (let y = 0; y < wh; y++) {
    const s = (win.y0 + y) * width + win.x0;
    const o = y * ww;
    let last = -r - 1;
    for (let x = 0; x < ww; x++) {
      if (src[s + x] >= MASK_ON) last = x;
      if (x - last <= r) rows[o + x] = 1;
    }
    let next = ww + r + 1;
    for (let x = ww - 1; x >= 0; x--) {
      if (src[s + x] >= MASK_ON) next = x;
      else if (next - x <= r) rows[o + x] = 1;
    }
  }
  const count = new Int32Array(ww);
  const addRow = (y: number, d: number) => {
    const o = y * ww;
    for (let x = 0; x < ww; x++) count[x] += rows[o + x] * d;
  };
  for (let y = 0; y < Math.min(r, wh); y++) addRow(y, 1);
  for (let y = 0; y < wh; y++) {
    if (y + r < wh) addRow(y + r, 1);
    if (y - r - 1 >= 0) addRow(y - r - 1, -1);
    const o = (win.y0 + y) * width + win.x0;
    for (let x = 0; x < ww; x++) if (count[x] > 0) out[o + x] = on;
  }
  return out;
}
