/**
 * Fast region filters on one-byte-per-pixel masks, restricted to a window around the mask so the
 * cost follows the mask's size, not the region's: a separable box blur with running sums (two
 * passes give a smooth feather) and a square dilation. Pixels outside the window are 0.
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

/** Horizontal running-sum box of radius r over the window; values outside the window count as 0. */
function boxRows(src: Uint8Array | Uint16Array, width: number, win: Window, r: number, out: Uint16Array | Uint8Array): void {
  const w = win.x1 - win.x0;
  for (let y = win.y0; y < win.y1; y++) {
    const base = y * width + win.x0;
    let sum = 0;
    for (let x = 0; x < Math.min(r, w); x++) sum += src[base + x];
    for (let x = 0; x < w; x++) {
      if (x + r < w) sum += src[base + x + r];
      if (x - r - 1 >= 0) sum -= src[base + x - r - 1];
      out[base + x] = sum;
    }
  }
}

/** Vertical running-sum box of radius r over the window. */
function boxCols(src: Uint16Array | Uint8Array, width: number, win: Window, r: number, out: Uint8Array | Uint16Array): void {
  const h = win.y1 - win.y0;
  const w = win.x1 - win.x0;
  const sums = new Float64Array(w);
  for (let y = 0; y < Math.min(r, h); y++) {
    const row = (win.y0 + y) * width + win.x0;
    for (let x = 0; x < w; x++) sums[x] += src[row + x];
  }
  for (let y = 0; y < h; y++) {
    const add = y + r < h ? (win.y0 + y + r) * width + win.x0 : -1;
    const sub = y - r - 1 >= 0 ? (win.y0 + y - r - 1) * width + win.x0 : -1;
    const o = (win.y0 + y) * width + win.x0;
    for (let x = 0; x < w; x++) {
      if (add >= 0) sums[x] += src[add + x];
      if (sub >= 0) sums[x] -= src[sub + x];
      out[o + x] = sums[x];
    }
  }
}

/** 1 where any value ≥ MASK_ON lies within the (2r+1)² square, else 0. */
export function dilateSquare(src: Uint8Array, width: number, height: number, r: number, win: Window): Uint8Array {
  const bin = new Uint8Array(width * height);
  for (let y = win.y0; y < win.y1; y++) {
    for (let i = y * width + win.x0, e = y * width + win.x1; i < e; i++) bin[i] = src[i] >= MASK_ON ? 1 : 0;
  }
  const tmp = new Uint16Array(width * height);
  const cnt = new Uint16Array(width * height);
  boxRows(bin, width, win, r, tmp);
  boxCols(tmp, width, win, r, cnt);
  const out = bin;
  out.fill(0);
  for (let y = win.y0; y < win.y1; y++) {
    for (let i = y * width + win.x0, e = y * width + win.x1; i < e; i++) out[i] = cnt[i] > 0 ? 1 : 0;
  }
  return out;
}
