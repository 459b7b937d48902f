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
  const line = make(W);
  for (let y = 0; y < H; y++) {
    const s = (win.y0 + y) * width + win.x0;
    let any = false;
    for (let x = 0; x < W; x++) {
      const v = src[s + x];
      line[x] = v;
      if (v) any = true;
    }
    if (!any) continue; // an empty row stays 0 through both horizontal boxes
    boxRun(line, row, W, r);
    boxRun(row, line, W, r);
    a.set(line, y * W);
  }
  verticalBox(a, W, H, r, b, make(W));
  verticalBox(b, W, H, r, a, make(W));
  const k = (2 * r + 1) ** 4;
  const full = 255 * k;
  const norm = 1 / k;
  for (let y = 0; y < H; y++) {
    const o = (win.y0 + y) * width + win.x0;
    const q = y * W;
    for (let x = 0; x < W; x++) {
      const v = a[q + x];
      if (v === 0) continue;
      out[o + x] = v >= full ? 255 : (v * norm + 0.5) | 0;
    }
  }
  return out;
}

/** out[i] = Σ src[i−r … i+r] (zero outside 0 … n−1), with the head, middle and tail loops unbranched. */
function boxRun(src: Buf, out: Buf, n: number, r: number): void {
  let sum = 0;
  for (let x = 0; x < r && x < n; x++) sum += src[x];
  const headEnd = Math.min(n, r + 1);
  for (let x = 0; x < headEnd; x++) {
    if (x + r < n) sum += src[x + r];
    out[x] = sum;
  }
  const midEnd = n - r;
  for (let x = headEnd; x < midEnd; x++) {
    sum += src[x + r] - src[x - r - 1];
    out[x] = sum;
  }
  for (let x = Math.max(headEnd, midEnd); x < n; x++) {
    sum -= src[x - r - 1];
    out[x] = sum;
  }
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

