/**
 * A texture feature for the patch distance on the coarse levels, carried in the alpha slot of an
 * opaque layer while it is filled. Under plain RGB SSD a flat patch is nearer any textured patch
 * that is not exactly in step with it than another patch of the same texture is (a 7×7 patch with
 * five pixels 150 levels off costs twice a flat patch 50 levels off), so the coarse search copies
 * the flattest sources — building.jpg's facade hole was filled with sky, which the membrane turned
 * into a white smear. After Newson et al. (2014), each pixel also carries the local strength of its
 * texture: the mean absolute luma gradient over a 5×5 window of known pixels, computed once at full
 * resolution, saturated (see {@link TEXTURE_SCALE}). The pyramid averages it (a coarse pixel keeps its children's fine texture, which the
 * averaging of the colours loses), the coarsest level's harmonic guess smooths it into the hole and
 * every vote copies it with the colour, so it stays consistent with the sources chosen. Only levels
 * from {@link TEXTURE_MIN_LEVEL} up compare it (where the structure is chosen, and cheap), and only
 * when that is not the coarsest level alone (inpaint.ts); the finer levels compare RGB as before.
 * See README.md, "Structure across a hole".
 */
import type { Layer } from './region';

/**
 * The feature is `TEXTURE_SCALE · m / (m + TEXTURE_KNEE)` for a mean luma step m (0–255 units): it
 * saturates, so it tells textured from flat (sky m ≈ 0.5: 80; the facade, grass, trees m ≈ 8–20: 320–360)
 * while leaving the choice among textured sources to the colours. Linear (32 · m) continued the facade
 * too but, dominating RGB between textures, drew autumn-valley's grass up into its trees and a grey
 * block of concrete into fig-bowl's fig.
 */
export const TEXTURE_SCALE = 400;
/** The mean luma step at which the feature is half its scale. */
export const TEXTURE_KNEE = 2;
/**
 * The finest pyramid level (0 = full resolution) whose search compares the feature. From level 2 the
 * facade came out the same, at ≈ 10 % more CPU; from level 4 sky came back into it (measured with
 * the linear feature).
 */
export const TEXTURE_MIN_LEVEL = 3;
/** Half-side of the window the gradient is averaged over. */
const WINDOW = 2;

/** Puts the texture feature in the alpha slot when every known pixel is opaque; returns whether it did. */
export function addTextureChannel(layer: Layer, scale = TEXTURE_SCALE): boolean {
  const { width: w, height: h, pix, hole } = layer;
  if (scale <= 0) return false;
  for (let i = 0; i < hole.length; i++) if (!hole[i] && pix[i * 4 + 3] !== 255) return false;
  const luma = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) luma[i] = 0.299 * pix[i * 4] + 0.587 * pix[i * 4 + 1] + 0.114 * pix[i * 4 + 2];
  // Per known pixel: the mean |difference| to its known 4-neighbours (n = 0: no known neighbour).
  const g = new Float32Array(w * h);
  const ok = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (hole[i]) continue;
      let s = 0,
        n = 0;
      if (x + 1 < w && !hole[i + 1]) {
        s += Math.abs(luma[i + 1] - luma[i]);
        n++;
      }
      if (x > 0 && !hole[i - 1]) {
        s += Math.abs(luma[i - 1] - luma[i]);
        n++;
      }
      if (y + 1 < h && !hole[i + w]) {
        s += Math.abs(luma[i + w] - luma[i]);
        n++;
      }
      if (y > 0 && !hole[i - w]) {
        s += Math.abs(luma[i - w] - luma[i]);
        n++;
      }
      if (n) {
        g[i] = s / n;
        ok[i] = 1;
      }
    }
  // 5×5 mean over the pixels that have a gradient: separable window sums of g and of the count.
  const sg = boxSum(boxSum(g, w, h, 1, w), h, w, w, 1);
  const sn = boxSum(boxSum(ok, w, h, 1, w), h, w, w, 1);
  for (let i = 0; i < w * h; i++) {
    const m = sn[i] > 0 ? sg[i] / sn[i] : 0;
    pix[i * 4 + 3] = hole[i] ? 0 : (scale * m) / (m + TEXTURE_KNEE);
  }
  return true;
}

/**
 * Sums of `src` over a window of ±WINDOW along one axis, clipped: `n` samples per line, `lines`
 * lines; `step` between samples, `lineStep` between lines.
 */
function boxSum(src: Float32Array, n: number, lines: number, step: number, lineStep: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    let acc = 0;
    for (let k = 0; k < Math.min(n, WINDOW); k++) acc += src[base + k * step];
    for (let k = 0; k < n; k++) {
      if (k + WINDOW < n) acc += src[base + (k + WINDOW) * step];
      if (k - WINDOW - 1 >= 0) acc -= src[base + (k - WINDOW - 1) * step];
      out[base + k * step] = acc;
    }
  }
  return out;
}

/** Makes the layer opaque again after the fill. */
export function dropTextureChannel(layer: Layer): void {
  const { pix } = layer;
  for (let i = 3; i < pix.length; i += 4) pix[i] = 255;
}

/**
 * {@link patchSsd} with the feature: the squared differences of all four slots, every `step`-th
 * row and column of the target patch inside the level; stops early once `limit` is passed.
 */
export function patchSsdWithTexture(
  pix: Float32Array,
  w: number,
  h: number,
  r: number,
  t: number,
  s: number,
  limit: number,
  step: number,
): number {
  const tx = t % w,
    ty = (t - tx) / w;
  if (r === 3 && step === 1 && tx >= 3 && ty >= 3 && tx + 3 < w && ty + 3 < h) return patchSsd7WithTexture(pix, w, t, s, limit);
  const x0 = tx < r ? -tx : -r,
    x1 = tx + r >= w ? w - 1 - tx : r;
  const y0 = ty < r ? -ty : -r,
    y1 = ty + r >= h ? h - 1 - ty : r;
  let sum = 0;
  for (let dy = y0; dy <= y1; dy += step) {
    let ti = (t + dy * w + x0) * 4;
    let si = (s + dy * w + x0) * 4;
    for (let dx = x0; dx <= x1; dx += step) {
      const a = pix[ti] - pix[si],
        b = pix[ti + 1] - pix[si + 1],
        c = pix[ti + 2] - pix[si + 2],
        d = pix[ti + 3] - pix[si + 3];
      sum += a * a + b * b + c * c + d * d;
      ti += 4 * step;
      si += 4 * step;
    }
    if (sum > limit) return sum;
  }
  return sum;
}

/** {@link patchSsdWithTexture} for a 7×7 patch fully inside the level, every pixel: four slots at a time, no clipping. */
function patchSsd7WithTexture(pix: Float32Array, w: number, t: number, s: number, limit: number): number {
  let sum = 0;
  const rowStride = w * 4;
  let ti = (t - 3 * w - 3) * 4;
  let si = (s - 3 * w - 3) * 4;
  for (let dy = -3; dy <= 3; dy++, ti += rowStride, si += rowStride) {
    for (let o = 0; o < 28; o += 4) {
      const a = pix[ti + o] - pix[si + o],
        b = pix[ti + o + 1] - pix[si + o + 1],
        c = pix[ti + o + 2] - pix[si + o + 2],
        d = pix[ti + o + 3] - pix[si + o + 3];
      sum += a * a + b * b + c * c + d * d;
    }
    if (sum > limit) return sum;
  }
  return sum;
}
