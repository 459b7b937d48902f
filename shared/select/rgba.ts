/**
 * RGBA images for the selection engine (8-bit, row-major, 4 bytes a pixel, like `ImageData`) and the
 * one way the engine reads a photo: a `PixelSource` that returns any rectangle, optionally scaled down.
 * The renderer's worker reads from canvases; the benchmark and the tests from decoded buffers.
 */
import type { Rect } from '../geometry/rect';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** `width * height * 4` bytes, RGBA. */
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** Where the engine reads pixels: the composite or the original, at document resolution. */
export interface PixelSource {
  readonly width: number;
  readonly height: number;
  /**
   * The pixels of `rect` (document px, inside the source), scaled to `outWidth`×`outHeight` when
   * given (area average; only ever smaller than the rect).
   */
  read(rect: Rect, outWidth?: number, outHeight?: number): RgbaImage;
}

export function checkImage(img: RgbaImage): void {
  if (img.data.length !== img.width * img.height * 4) throw new RangeError('image data length does not match its size');
}

/** A copy of `rect` (inside the image). */
export function cropImage(img: RgbaImage, rect: Rect): RgbaImage {
  const out = new Uint8Array(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const s = ((rect.y + y) * img.width + rect.x) * 4;
    out.set(img.data.subarray(s, s + rect.width * 4), y * rect.width * 4);
  }
  return { width: rect.width, height: rect.height, data: out };
}

/**
 * For each output cell along one axis (input span `from`..`from + len` scaled to `out` cells): the
 * input indices it covers and how much of each (flattened; cell c uses entries start[c]..start[c + 1]).
 */
function areaTaps(from: number, len: number, out: number): { start: Int32Array; index: Int32Array; weight: Float32Array } {
  const k = len / out;
  const start = new Int32Array(out + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let c = 0; c < out; c++) {
    start[c] = index.length;
    const a = c * k;
    const b = a + k;
    for (let i = Math.floor(a); i < Math.min(len, Math.ceil(b)); i++) {
      const wgt = Math.min(i + 1, b) - Math.max(i, a);
      if (wgt <= 0) continue;
      index.push(from + i);
      weight.push(wgt / k);
    }
  }
  start[out] = index.length;
  return { start, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

/**
 * Area-average downscale of `rect` of `img` (the whole image by default) to `w`×`h`: each output pixel
 * averages the input pixels it covers. Separable: rows are reduced first, then columns.
 */
export function downscaleArea(img: RgbaImage, w: number, h: number, rect?: Rect): RgbaImage {
  const r = rect ?? { x: 0, y: 0, width: img.width, height: img.height };
  if (w === r.width && h === r.height) return rect ? cropImage(img, r) : img;
  const out = new Uint8Array(w * h * 4);
  const X = areaTaps(r.x, r.width, w);
  const Y = areaTaps(r.y, r.height, h);
  const acc = new Float32Array(w * 4);
  const row = new Float32Array(w * 4);
  const src = img.data;
  const stride = img.width * 4;
  for (let oy = 0; oy < h; oy++) {
    acc.fill(0);
    for (let ty = Y.start[oy]; ty < Y.start[oy + 1]; ty++) {
      const base = Y.index[ty] * stride;
      const wy = Y.weight[ty];
      for (let ox = 0; ox < w; ox++) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = X.start[ox]; t < X.start[ox + 1]; t++) {
          const o = base + X.index[t] * 4;
          const wx = X.weight[t];
          s0 += src[o] * wx;
          s1 += src[o + 1] * wx;
          s2 += src[o + 2] * wx;
          s3 += src[o + 3] * wx;
        }
        row[ox * 4] = s0;
        row[ox * 4 + 1] = s1;
        row[ox * 4 + 2] = s2;
        row[ox * 4 + 3] = s3;
      }
      for (let i = 0; i < w * 4; i++) acc[i] += row[i] * wy;
    }
    const o = oy * w * 4;
    for (let i = 0; i < w * 4; i++) {
      const v = acc[i] + 0.5;
      out[o + i] = v >= 255 ? 255 : v | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/** A PixelSource over an image in memory (tests, benchmark, the worker's cached full read). */
export function memorySource(img: RgbaImage): PixelSource {
  checkImage(img);
  return {
    width: img.width,
    height: img.height,
    read(rect, outWidth, outHeight) {
      if (outWidth && outHeight) return downscaleArea(img, outWidth, outHeight, rect);
      return rect.x === 0 && rect.y === 0 && rect.width === img.width && rect.height === img.height ? img : cropImage(img, rect);
    },
  };
}

/** The reduced size of `w`×`h` whose longer side is at most `maxSide` (never enlarged). */
export function reducedSize(w: number, h: number, maxSide: number): { width: number; height: number; scale: number } {
  const k = Math.min(1, maxSide / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)), scale: k };
}
