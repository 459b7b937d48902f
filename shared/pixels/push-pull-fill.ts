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

/** Level 1 straight from the bytes (no float copy of the full-size image). */
function firstLevel(rgba: Uint8Array, unknown: Uint8Array, width: number, height: number): Level {
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const c = new Float32Array(w * h * 3);
  const a = new Float32Array(w * h);
  for (let Y = 0; Y < h; Y++) {
    for (let X = 0; X < w; X++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = 2 * Y; y < Math.min(2 * Y + 2, height); y++) {
        for (let x = 2 * X; x < Math.min(2 * X + 2, width); x++) {
          const i = y * width + x;
          if (unknown[i]) continue;
          r += rgba[i * 4];
          g += rgba[i * 4 + 1];
          b += rgba[i * 4 + 2];
          n++;
        }
      }
      const o = Y * w + X;
      if (n) {
        c[o * 3] = r / n;
        c[o * 3 + 1] = g / n;
        c[o * 3 + 2] = b / n;
      }
      a[o] = Math.min(1, n);
    }
  }
  return { w, h, c, a };
}

function push(fine: Level): Level {
  const w = Math.ceil(fine.w / 2);
  const h = Math.ceil(fine.h / 2);
  const c = new Float32Array(w * h * 3);
  const a = new Float32Array(w * h);
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
      if (s) {
        c[o * 3] = r / s;
        c[o * 3 + 1] = g / s;
        c[o * 3 + 2] = b / s;
      }
      a[o] = Math.min(1, s);
    }
  }
  return { w, h, c, a };
}

/** The coarse level's colour at fine pixel (x, y), bilinear (pixel centres aligned), into `out`. */
function sample(coarse: Level, x: number, y: number, out: Float32Array): void {
  const fx = Math.min(Math.max((x + 0.5) / 2 - 0.5, 0), coarse.w - 1);
  const fy = Math.min(Math.max((y + 0.5) / 2 - 0.5, 0), coarse.h - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, coarse.w - 1);
  const y1 = Math.min(y0 + 1, coarse.h - 1);
  const tx = fx - x0;
  const ty = fy - y0;
  const i00 = (y0 * coarse.w + x0) * 3;
  const i01 = (y0 * coarse.w + x1) * 3;
  const i10 = (y1 * coarse.w + x0) * 3;
  const i11 = (y1 * coarse.w + x1) * 3;
  for (let k = 0; k < 3; k++) {
    const top = coarse.c[i00 + k] + (coarse.c[i01 + k] - coarse.c[i00 + k]) * tx;
    const bottom = coarse.c[i10 + k] + (coarse.c[i11 + k] - coarse.c[i10 + k]) * tx;
    out[k] = top + (bottom - top) * ty;
  }
}

/** Completes `fine` from the (complete) coarser level. */
function pull(fine: Level, coarse: Level): void {
  const s = new Float32Array(3);
  for (let y = 0; y < fine.h; y++) {
    for (let x = 0; x < fine.w; x++) {
      const i = y * fine.w + x;
      const k = fine.a[i];
      if (k >= 1) continue;
      sample(coarse, x, y, s);
      for (let ch = 0; ch < 3; ch++) fine.c[i * 3 + ch] = k * fine.c[i * 3 + ch] + (1 - k) * s[ch];
      fine.a[i] = 1;
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
  const levels: Level[] = [firstLevel(rgba, unknown, width, height)];
  while (levels.at(-1)!.w > 1 || levels.at(-1)!.h > 1) levels.push(push(levels.at(-1)!));
  const top = levels.at(-1)!;
  if (top.a[0] === 0) top.c.fill(128);
  top.a[0] = 1;
  for (let l = levels.length - 2; l >= 0; l--) pull(levels[l], levels[l + 1]);
  const s = new Float32Array(3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!unknown[i]) continue;
      sample(levels[0], x, y, s);
      out[i * 4] = Math.round(s[0]);
      out[i * 4 + 1] = Math.round(s[1]);
      out[i * 4 + 2] = Math.round(s[2]);
      out[i * 4 + 3] = 255;
    }
  }
  return out;
}
