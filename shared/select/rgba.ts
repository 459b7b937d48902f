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

/** Area-average downscale of `img` to `w`×`h` (each output pixel averages the input pixels it covers). */
export function downscaleArea(img: RgbaImage, w: number, h: number): RgbaImage {
  if (w === img.width && h === img.height) return img;
  const out = new Uint8Array(w * h * 4);
  const sx = img.width / w;
  const sy = img.height / h;
  const acc = new Float64Array(w * 4);
  const weight = new Float64Array(w);
  const src = img.data;
  for (let oy = 0; oy < h; oy++) {
    acc.fill(0);
    weight.fill(0);
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let y = Math.floor(y0); y < Math.min(img.height, Math.ceil(y1)); y++) {
      const wy = Math.min(y + 1, y1) - Math.max(y, y0);
      if (wy <= 0) continue;
      const row = y * img.width * 4;
      for (let ox = 0; ox < w; ox++) {
        const x0 = ox * sx;
        const x1 = x0 + sx;
        for (let x = Math.floor(x0); x < Math.min(img.width, Math.ceil(x1)); x++) {
          const wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          if (wgt <= 0) continue;
          const s = row + x * 4;
          const a = ox * 4;
          acc[a] += src[s] * wgt;
          acc[a + 1] += src[s + 1] * wgt;
          acc[a + 2] += src[s + 2] * wgt;
          acc[a + 3] += src[s + 3] * wgt;
          weight[ox] += wgt;
        }
      }
    }
    for (let ox = 0; ox < w; ox++) {
      const o = (oy * w + ox) * 4;
      const k = weight[ox] > 0 ? 1 / weight[ox] : 0;
      out[o] = Math.round(acc[ox * 4] * k);
      out[o + 1] = Math.round(acc[ox * 4 + 1] * k);
      out[o + 2] = Math.round(acc[ox * 4 + 2] * k);
      out[o + 3] = Math.round(acc[ox * 4 + 3] * k);
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
      const crop = rect.x === 0 && rect.y === 0 && rect.width === img.width && rect.height === img.height ? img : cropImage(img, rect);
      return outWidth && outHeight ? downscaleArea(crop, outWidth, outHeight) : crop;
    },
  };
}

/** The reduced size of `w`×`h` whose longer side is at most `maxSide` (never enlarged). */
export function reducedSize(w: number, h: number, maxSide: number): { width: number; height: number; scale: number } {
  const k = Math.min(1, maxSide / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)), scale: k };
}
