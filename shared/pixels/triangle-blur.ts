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

// Each edge tile is blurred with a halo of 2r + 1 px on every side; with r = 6 (a 12 px feather),
// 32-px tiles do ~15 % less work than 64-px ones (less halo than interior; results are identical).
const TILE = 32;

/**
 * The same blur, computed only where it can differ from a constant: sums over 16-px bins of the
 * input tell, for every 32-px tile, whether the tile's ±2r neighbourhood is all 0 (result 0) or all
 * 255 (result 255); only tiles along the mask's edges are blurred, each from a local window. Equal
 * to {@link triangleBlur} pixel for pixel (tested).
 */
export function edgeTriangleBlur(src: Uint8Array, width: number, height: number, r: number, win: Window): Uint8Array {
  const W = win.x1 - win.x0;
  const H = win.y1 - win.y0;
  const out = new Uint8Array(width * height);
  if (W <= 0 || H <= 0) return out;
  // Sums of 16×16 bins over the window: a neighbourhood rounded outward to bins contains the exact
  // one, so "all bins 0" / "all bins full" are safe verdicts for it.
  const B = 16;
  const bw = Math.ceil(W / B);
  const bh = Math.ceil(H / B);
  const bins = new Float64Array(bw * bh);
  for (let y = 0; y < H; y++) {
    const s = (win.y0 + y) * width + win.x0;
    const brow = ((y / B) | 0) * bw;
    for (let bx = 0; bx < bw; bx++) {
      let acc = 0;
      const e = Math.min(W, (bx + 1) * B);
      for (let x = bx * B; x < e; x++) acc += src[s + x];
      bins[brow + bx] += acc;
    }
  }
  const binArea = (bx: number, by: number) => (Math.min(W, (bx + 1) * B) - bx * B) * (Math.min(H, (by + 1) * B) - by * B);
  /** Sum and pixel count of the bins covering [x0,x1)×[y0,y1) (clipped to the window). */
  const sum = (x0: number, y0: number, x1: number, y1: number): [number, number] => {
    let t = 0;
    let n = 0;
    for (let by = Math.max(0, Math.floor(y0 / B)); by < Math.min(bh, Math.ceil(y1 / B)); by++) {
      for (let bx = Math.max(0, Math.floor(x0 / B)); bx < Math.min(bw, Math.ceil(x1 / B)); bx++) {
        t += bins[by * bw + bx];
        n += binArea(bx, by);
      }
    }
    return [t, n];
  };
  const reach = 2 * r;
  for (let ty = 0; ty < H; ty += TILE) {
    for (let tx = 0; tx < W; tx += TILE) {
      const x1 = Math.min(W, tx + TILE);
      const y1 = Math.min(H, ty + TILE);
      // Neighbourhood within the window; outside the window counts as 0.
      const nx0 = tx - reach;
      const ny0 = ty - reach;
      const nx1 = x1 + reach;
      const ny1 = y1 + reach;
      const inside = nx0 >= 0 && ny0 >= 0 && nx1 <= W && ny1 <= H;
      const [total, count] = sum(nx0, ny0, nx1, ny1);
      if (total === 0) continue;
      if (inside && total === 255 * count) {
        for (let y = ty; y < y1; y++) out.fill(255, (win.y0 + y) * width + win.x0 + tx, (win.y0 + y) * width + win.x0 + x1);
        continue;
      }
      // Blur a local window (tile + 2r + 1, clipped to the window) and keep the tile's part.
      const local: Window = {
        x0: win.x0 + Math.max(0, tx - reach - 1),
        y0: win.y0 + Math.max(0, ty - reach - 1),
        x1: win.x0 + Math.min(W, x1 + reach + 1),
        y1: win.y0 + Math.min(H, y1 + reach + 1),
      };
      const lw = local.x1 - local.x0;
      const lh = local.y1 - local.y0;
      const tmp = new Uint8Array(lw * lh);
      for (let y = 0; y < lh; y++) tmp.set(src.subarray((local.y0 + y) * width + local.x0, (local.y0 + y) * width + local.x1), y * lw);
      const blurred = triangleBlur(tmp, lw, lh, r, { x0: 0, y0: 0, x1: lw, y1: lh });
      for (let y = ty; y < y1; y++) {
        const ly = win.y0 + y - local.y0;
        const lx = win.x0 + tx - local.x0;
        out.set(blurred.subarray(ly * lw + lx, ly * lw + lx + (x1 - tx)), (win.y0 + y) * width + win.x0 + tx);
      }
    }
  }
  return out;
}
