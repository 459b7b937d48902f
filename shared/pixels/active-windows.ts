/**
 * Where a mask operation with a bounded reach can change anything: an outpaint tile's unknown part
 * is typically two strips at its sides (or at its top and bottom) with the whole original between
 * them, so its bounding box is the whole tile, yet every pixel farther than the reach from an
 * unknown pixel stays 0. `activeWindows` cuts the tile into windows that hold every pixel within
 * `reach` of a set pixel — first by columns, then, inside each column interval, by rows — and
 * `byActiveWindows` runs an operation on each window's crop and pastes the results into a zeroed
 * tile: the same result as running it on the whole tile when the operation's output at a pixel only
 * depends on pixels within `reach` and is 0 where that neighbourhood is all 0.
 */
import type { Window } from './box-filter';

/** Runs of indices `i` in [0, n) with `any(i)` set, each grown by `reach` on both sides and merged. */
function grownRuns(n: number, any: (i: number) => boolean, reach: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (!any(i)) continue;
    const a = Math.max(0, i - reach);
    let b = i + 1;
    while (b < n && any(b)) b++;
    const e = Math.min(n, b + reach);
    const last = runs[runs.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], e);
    else runs.push([a, e]);
    i = b - 1;
  }
  return runs;
}

/** Windows covering every pixel within `reach` (square) of a non-zero pixel of `mask` (w×h). */
export function activeWindows(mask: Uint8Array, w: number, h: number, reach: number): Window[] {
  const colAny = new Uint8Array(w);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) if (mask[o + x]) colAny[x] = 1;
  }
  const out: Window[] = [];
  for (const [x0, x1] of grownRuns(w, (x) => colAny[x] === 1, reach)) {
    const rowAny = (y: number) => {
      const o = y * w;
      for (let x = x0; x < x1; x++) if (mask[o + x]) return true;
      return false;
    };
    for (const [y0, y1] of grownRuns(h, rowAny, reach)) out.push({ x0, y0, x1, y1 });
  }
  return out;
}

/**
 * `op` (mask → same-sized result, both w×h bytes) run window by window over the active windows of
 * `mask` for `reach`, the results pasted into a zeroed w×h array. `given`: windows already worked
 * out for this mask at a reach of at least `reach` (windows for a larger reach hold those for a
 * smaller one, and pixels of two different windows are farther apart than the larger reach).
 */
export function byActiveWindows(
  mask: Uint8Array,
  w: number,
  h: number,
  reach: number,
  op: (sub: Uint8Array, sw: number, sh: number) => Uint8Array,
  given?: Window[],
): Uint8Array {
  const windows = given ?? activeWindows(mask, w, h, reach);
  if (windows.length === 1 && windows[0].x1 - windows[0].x0 === w && windows[0].y1 - windows[0].y0 === h) return op(mask, w, h);
  const out = new Uint8Array(w * h);
  for (const win of windows) {
    const sw = win.x1 - win.x0;
    const sh = win.y1 - win.y0;
    const sub = new Uint8Array(sw * sh);
    for (let y = 0; y < sh; y++) sub.set(mask.subarray((win.y0 + y) * w + win.x0, (win.y0 + y) * w + win.x1), y * sw);
    const res = op(sub, sw, sh);
    for (let y = 0; y < sh; y++) out.set(res.subarray(y * sw, (y + 1) * sw), (win.y0 + y) * w + win.x0);
  }
  return out;
}

/** Windows covering every pixel within `reach` (square) of one of the points (`xs[k]`, `ys[k]`). */
function pointWindows(xs: number[], ys: number[], w: number, h: number, reach: number): Window[] {
  const colAny = new Uint8Array(w);
  for (const x of xs) colAny[x] = 1;
  const out: Window[] = [];
  for (const [x0, x1] of grownRuns(w, (x) => colAny[x] === 1, reach)) {
    const rowAny = new Uint8Array(h);
    for (let k = 0; k < xs.length; k++) if (xs[k] >= x0 && xs[k] < x1) rowAny[ys[k]] = 1;
    for (const [y0, y1] of grownRuns(h, (y) => rowAny[y] === 1, reach)) out.push({ x0, y0, x1, y1 });
  }
  return out;
}

/**
 * `op` (an unknown map → a w×h result) for an operation that is 255 on every unknown (non-zero)
 * pixel, 0 on known pixels farther than `reach` from an unknown one, and whose value at a pixel only
 * depends on the map within `reach` of it (an outpaint tile's ask mask and blend weight): run only
 * around the edge between known and unknown — on crops padded by `reach`, of which the part within
 * `reach` + 1 of the edge is kept — and 255 / 0 elsewhere without computing. For an extension on both
 * sides that is two bands around two lines instead of two whole strips. `given`: the map's active
 * windows at a reach ≥ `reach` (every unknown pixel is inside them), when worked out already.
 */
export function byEdgeWindows(
  unknown: Uint8Array,
  w: number,
  h: number,
  reach: number,
  op: (sub: Uint8Array, sw: number, sh: number) => Uint8Array,
  given?: Window[],
): Uint8Array {
  const windows = given ?? activeWindows(unknown, w, h, reach);
  const out = new Uint8Array(w * h);
  // The edge: both pixels of every horizontal or vertical unknown/known step. Every unknown pixel
  // with a known (8-)neighbour is within 1 px of one, so windows within `reach` + 1 of them hold
  // every known pixel within `reach` of an unknown one.
  const xs: number[] = [];
  const ys: number[] = [];
  for (const win of windows) {
    for (let y = win.y0; y < win.y1; y++) {
      const o = y * w;
      // Raw values compared: a map with one flag value gives the exact steps, any other a superset
      // (more points, larger windows, the same result).
      for (let x = win.x0, i = o + win.x0; x < win.x1; x++, i++) {
        const v = unknown[i];
        if (v) out[i] = 255;
        if (x > 0 && v !== unknown[i - 1]) {
          xs.push(x - 1, x);
          ys.push(y, y);
        }
        if (y > 0 && v !== unknown[i - w]) {
          xs.push(x, x);
          ys.push(y - 1, y);
        }
      }
    }
  }
  for (const win of pointWindows(xs, ys, w, h, reach + 1)) {
    const px0 = Math.max(0, win.x0 - reach);
    const py0 = Math.max(0, win.y0 - reach);
    const sw = Math.min(w, win.x1 + reach) - px0;
    const sh = Math.min(h, win.y1 + reach) - py0;
    const sub = new Uint8Array(sw * sh);
    for (let y = 0; y < sh; y++) sub.set(unknown.subarray((py0 + y) * w + px0, (py0 + y) * w + px0 + sw), y * sw);
    const res = op(sub, sw, sh);
    const ww = win.x1 - win.x0;
    for (let y = win.y0; y < win.y1; y++) {
      const s = (y - py0) * sw + (win.x0 - px0);
      out.set(res.subarray(s, s + ww), y * w + win.x0);
    }
  }
  return out;
}
