/**
 * Two cascaded box blurs of radius r (a triangle kernel of width 4r+1) over a window, with running
 * sums so every pixel costs a handful of integer additions whatever r is: two horizontal passes per
 * row, then two vertical passes with per-column running sums (rows in order, cache-friendly).
 * Pixels outside the window are 0 in and out; callers pad the window by 2r + 1.
 * Sums stay exact in Int32 up to r = 30 (255·61⁴ < 2³¹); larger radii use Float64.
 */
import type { Window } from './box-filter';

type Buf = Int32Array | Float64Array;

export function triangleBlur(src: Uint8Array, width: number, height: number, r: number, win: Window): Uint8Array {
  const W = win.x1 - win.x0;
  const H = win.y1 - win.y0;
  const out = new Uint8Array(width * height);
  if (W <= 0 || H <= 0) return out;
  const make = (n: number): Buf => (r <= 30 ? new Int32Array(n) : new Float64Array(n));
  const a = make(W * H);
  const b = make(W * H);
  const row = make(W);
  for (let y = 0; y < H; y++) {
    const s = (win.y0 + y) * width + win.x0;
    // First horizontal box: src row → `row`.
    let sum = 0;
    for (let x = 0; x < r && x < W; x++) sum += src[s + x];
    let any = false;
    for (let x = 0; x < W; x++) {
      if (x + r < W) sum += src[s + x + r];
      if (x - r - 1 >= 0) sum -= src[s + x - r - 1];
      row[x] = sum;
      if (sum) any = true;
    }
    if (!any) continue;
    // Second horizontal box: `row` → a.
    const o = y * W;
    sum = 0;
    for (let x = 0; x < r && x < W; x++) sum += row[x];
    for (let x = 0; x < W; x++) {
      if (x + r < W) sum += row[x + r];
      if (x - r - 1 >= 0) sum -= row[x - r - 1];
      a[o + x] = sum;
    }
  }
  verticalBox(a, W, H, r, b, make(W));
  verticalBox(b, W, H, r, a, make(W));
  const norm = 1 / ((2 * r + 1) ** 4);
  for (let y = 0; y < H; y++) {
    const o = (win.y0 + y) * width + win.x0;
    const q = y * W;
    for (let x = 0; x < W; x++) {
      const v = a[q + x] * norm + 0.5;
      out[o + x] = v >= 255 ? 255 : v | 0;
    }
  }
  return out;
}

/** Vertical box of radius r over a W×H window buffer with running column sums. */
function verticalBox(src: Buf, W: number, H: number, r: number, out: Buf, sum: Buf): void {
  for (let y = 0; y < r && y < H; y++) {
    const q = y * W;
    for (let x = 0; x < W; x++) sum[x] += src[q + x];
  }
  for (let y = 0; y < H; y++) {
    const o = y * W;
    if (y + r < H) {
      const add = (y + r) * W;
      for (let x = 0; x < W; x++) sum[x] += src[add + x];
    }
    if (y - r - 1 >= 0) {
      const sub = (y - r - 1) * W;
      for (let x = 0; x < W; x++) sum[x] -= src[sub + x];
    }
    for (let x = 0; x < W; x++) out[o + x] = sum[x];
  }
}

