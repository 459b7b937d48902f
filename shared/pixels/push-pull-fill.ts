/**
 * Push–pull fill (Gortler, Grzeszczuk, Szeliski & Cohen 1996, "The Lumigraph", pull–push): unknown
 * pixels get a smooth interpolation of the known ones in O(pixels). Push: a pyramid of weighted
 * averages down to 1×1 (a coarse pixel's weight is the sum of its children's, clamped to 1). Pull:
 * from the coarsest level up, each pixel is completed from the coarser level, bilinearly upsampled,
 * in the measure its own weight falls short of 1. What a cloud model needs as context where it will
 * paint an extension: colours continuing the photo smoothly, not detail — at a few tens of
 * milliseconds where a harmonic (Laplace) solve of a whole outpaint tile took seconds. Pure.
 */

interface Level {
  w: number;
  h: number;
  /** Average colour, RGB per pixel. */
  c: Float32Array;
  /** Confidence 0..1. */
  a: Float32Array;
}

/**
 * The levels' memory, kept from one fill to the next (slot 2k: level k's colour, 2k + 1: its
 * confidence): a fresh 15 MB pyramid for a 2912×1248 request cost ≈ 40 ms of page faults on these
 * machines, each tile again. Grown when a larger fill comes; every value is written before it is read.
 */
const pool: Float32Array[] = [];

function scratch(slot: number, length: number): Float32Array {
  if (!pool[slot] || pool[slot].length < length) pool[slot] = new Float32Array(length);
  return pool[slot].subarray(0, length);
}

/**
 * Level 1 straight from the bytes (no float copy of the full-size image). `cols`: set to 1 for every
 * full-size column that holds an unknown pixel (read here anyway).
 */
function firstLevel(rgba: Uint8Array, unknown: Uint8Array, width: number, height: number, cols: Uint8Array): Level {
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const c = scratch(0, w * h * 3);
  const a = scratch(1, w * h);
  for (let Y = 0; Y < h; Y++) {
    const full = 2 * Y + 1 < height;
    for (let X = 0; X < w; X++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      if (full && 2 * X + 1 < width) {
        // A whole 2×2 block (integer sums: the order of the four does not change them).
        const i = 2 * Y * width + 2 * X;
        const j = i + width;
        if (!unknown[i]) {
          r += rgba[i * 4];
          g += rgba[i * 4 + 1];
          b += rgba[i * 4 + 2];
          n++;
        } else cols[2 * X] = 1;
        if (!unknown[i + 1]) {
          r += rgba[i * 4 + 4];
          g += rgba[i * 4 + 5];
          b += rgba[i * 4 + 6];
          n++;
        } else cols[2 * X + 1] = 1;
        if (!unknown[j]) {
          r += rgba[j * 4];
          g += rgba[j * 4 + 1];
          b += rgba[j * 4 + 2];
          n++;
        } else cols[2 * X] = 1;
        if (!unknown[j + 1]) {
          r += rgba[j * 4 + 4];
          g += rgba[j * 4 + 5];
          b += rgba[j * 4 + 6];
          n++;
        } else cols[2 * X + 1] = 1;
      } else {
        for (let y = 2 * Y; y < Math.min(2 * Y + 2, height); y++) {
          for (let x = 2 * X; x < Math.min(2 * X + 2, width); x++) {
            const i = y * width + x;
            if (unknown[i]) {
              cols[x] = 1;
              continue;
            }
            r += rgba[i * 4];
            g += rgba[i * 4 + 1];
            b += rgba[i * 4 + 2];
            n++;
          }
        }
      }
      const o = Y * w + X;
      // Every value is written (the level's memory is reused from the last fill).
      c[o * 3] = n ? r / n : 0;
      c[o * 3 + 1] = n ? g / n : 0;
      c[o * 3 + 2] = n ? b / n : 0;
      a[o] = Math.min(1, n);
    }
  }
  return { w, h, c, a };
}

function push(fine: Level, level: number): Level {
  const w = Math.ceil(fine.w / 2);
  const h = Math.ceil(fine.h / 2);
  const c = scratch(2 * level, w * h * 3);
  const a = scratch(2 * level + 1, w * h);
  for (let Y = 0; Y < h; Y++) {
    for (let X = 0; X < w; X++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let s = 0;
      for (let y = 2 * Y; y < Math.min(2 * Y + 2, fine.h); y++) {
        for (let x = 2 * X; x < Math.min(2 * X + 2, fine.w); x++) {
          const i = y * fine.w + x;
          const k = fine.a[i];
          if (!k) continue;
          r += k * fine.c[i * 3];
          g += k * fine.c[i * 3 + 1];
          b += k * fine.c[i * 3 + 2];
          s += k;
        }
      }
      const o = Y * w + X;
      c[o * 3] = s ? r / s : 0;
      c[o * 3 + 1] = s ? g / s : 0;
      c[o * 3 + 2] = s ? b / s : 0;
      a[o] = Math.min(1, s);
    }
  }
  return { w, h, c, a };
}

/**
 * Where fine pixels sample a coarse level (bilinear, pixel centres aligned), per fine column or row:
 * the two coarse indices and the weight of the second, worked out once per level instead of per pixel.
 */
interface Axis {
  i0: Int32Array;
  i1: Int32Array;
  t: Float64Array;
}

function axis(fine: number, coarse: number, factor = 2): Axis {
  const i0 = new Int32Array(fine);
  const i1 = new Int32Array(fine);
  const t = new Float64Array(fine);
  for (let x = 0; x < fine; x++) {
    const f = Math.min(Math.max((x + 0.5) / factor - 0.5, 0), coarse - 1);
    const a = Math.floor(f);
    i0[x] = a;
    i1[x] = Math.min(a + 1, coarse - 1);
    t[x] = f - a;
  }
  return { i0, i1, t };
}

/**
 * A coarse row sampled along x at the fine columns in `runs` (RGB, doubles: the exact first step of
 * bilinear interpolation's horizontal step, taken first). Each coarse row serves up to four fine
 * rows, so the horizontal half of every sample is worked out once per coarse row instead of per
 * pixel — and only under the columns that can hold a pixel to complete (an outpaint's unknown part
 * is often two strips at the sides: a third of the width), the rest of the row is never read.
 */
class RowSamples {
  private rows = new Map<number, Float64Array>();
  private spare: Float64Array[] = [];
  constructor(
    private readonly c: Float32Array,
    private readonly coarseW: number,
    private readonly X: Axis,
    private readonly fineW: number,
    /** Fine column runs [a, b) as pairs: only these are sampled. */
    private readonly runs: Int32Array,
  ) {}

  /** The coarse rows `r0` and `r1` sampled along x; rows no longer needed are reused. */
  pair(r0: number, r1: number): [Float64Array, Float64Array] {
    for (const [r, buf] of this.rows)
      if (r !== r0 && r !== r1) {
        this.rows.delete(r);
        this.spare.push(buf);
      }
    return [this.row(r0), this.row(r1)];
  }

  private row(r: number): Float64Array {
    let out = this.rows.get(r);
    if (out) return out;
    out = this.spare.pop() ?? new Float64Array(this.fineW * 3);
    const { i0, i1, t } = this.X;
    const c = this.c;
    const base = r * this.coarseW;
    const runs = this.runs;
    for (let k = 0; k < runs.length; k += 2) {
      for (let x = runs[k], o = 3 * runs[k]; x < runs[k + 1]; x++, o += 3) {
        const a = (base + i0[x]) * 3;
        const b = (base + i1[x]) * 3;
        const tx = t[x];
        out[o] = c[a] + (c[b] - c[a]) * tx;
        out[o + 1] = c[a + 1] + (c[b + 1] - c[a + 1]) * tx;
        out[o + 2] = c[a + 2] + (c[b + 2] - c[a + 2]) * tx;
      }
      pushPullWork.samples += runs[k + 1] - runs[k];
    }
    this.rows.set(r, out);
    return out;
  }
}

/** Work counted for tests: coarse samples taken along rows (one per fine column of a sampled row). */
export const pushPullWork = { samples: 0 };

/** Runs [a, b) of set flags, as pairs. */
function runsOf(flags: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let x = 0; x < flags.length; x++) {
    if (!flags[x]) continue;
    const a = x;
    while (x < flags.length && flags[x]) x++;
    out.push(a, x);
  }
  return Int32Array.from(out);
}

/** Column flags one level coarser: a column is set when either of its two finer columns is. */
function coarserCols(cols: Uint8Array, w: number): Uint8Array {
  const out = new Uint8Array(w);
  for (let x = 0; x < cols.length; x++) if (cols[x]) out[x >> 1] = 1;
  return out;
}

/** Completes `fine` from the (complete) coarser level: each pixel short of full weight takes the rest from it. */
function pull(fine: Level, coarse: Level, cols: Uint8Array): void {
  const Y = axis(fine.h, coarse.h);
  // A pixel short of full weight lies in a column of `cols` (its whole block is unknown at full size).
  const rows = new RowSamples(coarse.c, coarse.w, axis(fine.w, coarse.w), fine.w, runsOf(cols));
  const { c: fc, a } = fine;
  for (let y = 0; y < fine.h; y++) {
    let start = y * fine.w;
    const end = start + fine.w;
    while (start < end && a[start] >= 1) start++;
    if (start === end) continue; // the whole row is known
    const [top, bottom] = rows.pair(Y.i0[y], Y.i1[y]);
    const ty = Y.t[y];
    for (let i = start, s = (start - y * fine.w) * 3; i < end; i++, s += 3) {
      const k = a[i];
      if (k >= 1) continue;
      const o = i * 3;
      // Bilinear: the horizontal halves from `rows`, then the vertical step (the definition's order).
      fc[o] = k * fc[o] + (1 - k) * Math.fround(top[s] + (bottom[s] - top[s]) * ty);
      fc[o + 1] = k * fc[o + 1] + (1 - k) * Math.fround(top[s + 1] + (bottom[s + 1] - top[s + 1]) * ty);
      fc[o + 2] = k * fc[o + 2] + (1 - k) * Math.fround(top[s + 2] + (bottom[s + 2] - top[s + 2]) * ty);
      a[i] = 1;
    }
  }
}

/** Writes the unknown pixels of the full-size image from the (complete) first level. */
function writeUnknown(level: Level, unknown: Uint8Array, out: Uint8Array, width: number, height: number, cols: Uint8Array): void {
  const Y = axis(height, level.h);
  const rows = new RowSamples(level.c, level.w, axis(width, level.w), width, runsOf(cols));
  for (let y = 0; y < height; y++) {
    let start = y * width;
    const end = start + width;
    while (start < end && unknown[start] === 0) start++;
    if (start === end) continue; // nothing unknown in this row
    const [top, bottom] = rows.pair(Y.i0[y], Y.i1[y]);
    const ty = Y.t[y];
    for (let i = start, s = (start - y * width) * 3; i < end; i++, s += 3) {
      if (unknown[i] === 0) continue;
      const o = i * 4;
      out[o] = Math.round(Math.fround(top[s] + (bottom[s] - top[s]) * ty));
      out[o + 1] = Math.round(Math.fround(top[s + 1] + (bottom[s + 1] - top[s + 1]) * ty));
      out[o + 2] = Math.round(Math.fround(top[s + 2] + (bottom[s + 2] - top[s + 2]) * ty));
      out[o + 3] = 255;
    }
  }
}

function anySet(m: Uint8Array): boolean {
  for (let i = 0; i < m.length; i++) if (m[i]) return true;
  return false;
}

/**
 * `rgba` with every pixel where `unknown` is non-zero replaced by the push–pull interpolation of the
 * known pixels (alpha 255); known pixels are copied unchanged. No known pixel at all: neutral grey.
 * `into`: where to write (may be `rgba` itself, filled in place; only unknown pixels are written);
 * default a copy of `rgba`.
 */
export function pushPullFill(rgba: Uint8Array, unknown: Uint8Array, width: number, height: number, into?: Uint8Array): Uint8Array {
  if (rgba.length !== width * height * 4 || unknown.length !== width * height)
    throw new RangeError(`push-pull fill: buffers do not match ${width}×${height}`);
  if (into && into.length !== rgba.length) throw new RangeError(`push-pull fill: the output does not match ${width}×${height}`);
  const out = into ?? new Uint8Array(rgba);
  if (into && into !== rgba) into.set(rgba);
  if (!anySet(unknown)) return out;
  // Which columns hold an unknown pixel, at full size and at each level (a level's pixel short of
  // full weight has only such pixels under it): the only columns the fill samples.
  const cols = new Uint8Array(width);
  const first = firstLevel(rgba, unknown, width, height, cols);
  completeLevels(first, coarserCols(cols, first.w));
  writeUnknown(first, unknown, out, width, height, cols);
  return out;
}

/** Pushes `first` (level 1 or a coarser level given from outside) down to 1×1 and pulls every level back: `first` complete. */
function completeLevels(first: Level, firstCols: Uint8Array): void {
  const levels: Level[] = [first];
  while (levels.at(-1)!.w > 1 || levels.at(-1)!.h > 1) levels.push(push(levels.at(-1)!, levels.length));
  const top = levels.at(-1)!;
  if (top.a[0] === 0) top.c.fill(128);
  top.a[0] = 1;
  const levelCols = [firstCols];
  for (let l = 1; l < levels.length; l++) levelCols.push(coarserCols(levelCols[l - 1], levels[l].w));
  for (let l = levels.length - 2; l >= 0; l--) pull(levels[l], levels[l + 1], levelCols[l]);
}

/** A level of `factor` × `factor` full-size pixels per cell, made by the caller: RGB means (0–255) and confidence (0–1; 1 where any known pixel is under the cell). */
export interface CoarseLevel {
  w: number;
  h: number;
  c: Float32Array;
  a: Float32Array;
}

/**
 * The push–pull fill from a level the caller made (`level`: cells of `factor` × `factor` pixels of a
 * `width` × `height` image; completed in place): every pixel where `unknown` is non-zero in `out`
 * (RGBA, `width` × `height`) gets the completed level sampled bilinearly at its centre (alpha 255);
 * nothing else in `out` is read or written. `cols`: 1 for every column of `out` that holds an unknown
 * pixel. What {@link pushPullFill} does from its first level, started coarser: a caller that can
 * average the known pixels more cheaply than from `out` (a tile's request made from a larger image)
 * fills the unknown pixels without them, and softer near the known edge (a cell's mean, not a 2×2's).
 */
export function pushPullFillFromLevel(
  level: CoarseLevel,
  factor: number,
  unknown: Uint8Array,
  out: Uint8Array,
  width: number,
  height: number,
  cols: Uint8Array,
): void {
  if (level.w !== Math.ceil(width / factor) || level.h !== Math.ceil(height / factor))
    throw new RangeError(`push-pull fill: a ${level.w}×${level.h} level does not cover ${width}×${height} in cells of ${factor}`);
  if (out.length !== width * height * 4 || unknown.length !== width * height || cols.length !== width)
    throw new RangeError(`push-pull fill: buffers do not match ${width}×${height}`);
  const levelCols = new Uint8Array(level.w);
  for (let x = 0; x < width; x++) if (cols[x]) levelCols[Math.floor(x / factor)] = 1;
  completeLevels(level, levelCols);
  writeUnknownFast(level, unknown, out, width, height, cols, factor);
}

/**
 * {@link writeUnknown} for {@link pushPullFillFromLevel}: only the columns in `cols` are visited, and
 * the values are rounded by a clamped view's store (half to even) — the same fill to within a level
 * at halves, at a fraction of the time (no definition to match byte for byte here).
 */
function writeUnknownFast(
  level: Level,
  unknown: Uint8Array,
  out: Uint8Array,
  width: number,
  height: number,
  cols: Uint8Array,
  factor: number,
): void {
  const Y = axis(height, level.h, factor);
  const runs = runsOf(cols);
  const rows = new RowSamples(level.c, level.w, axis(width, level.w, factor), width, runs);
  const px = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  for (let y = 0; y < height; y++) {
    const [top, bottom] = rows.pair(Y.i0[y], Y.i1[y]);
    const ty = Y.t[y];
    const row = y * width;
    for (let k = 0; k < runs.length; k += 2) {
      for (let x = runs[k]; x < runs[k + 1]; x++) {
        const i = row + x;
        if (unknown[i] === 0) continue;
        const s = x * 3;
        const o = i * 4;
        px[o] = top[s] + (bottom[s] - top[s]) * ty;
        px[o + 1] = top[s + 1] + (bottom[s + 1] - top[s + 1]) * ty;
        px[o + 2] = top[s + 2] + (bottom[s + 2] - top[s + 2]) * ty;
        px[o + 3] = 255;
      }
    }
  }
}
