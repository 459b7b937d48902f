/**
 * Synthetic images and masks for the engine's tests (pure TypeScript, no I/O).
 */
import type { Layer } from './region';
import type { RgbaImage } from './types';

/** A `w × h` RGBA image whose pixels come from `f(x, y) → [r, g, b]` (opaque). */
export function makeImage(w: number, h: number, f: (x: number, y: number) => [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = f(x, y);
      const i = (y * w + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
  return { width: w, height: h, data };
}

/** A smooth gradient with mild deterministic noise: photo-like but cheap. */
export function gradientImage(w: number, h: number): RgbaImage {
  return makeImage(w, h, (x, y) => [
    (x * 255) / Math.max(1, w - 1),
    (y * 255) / Math.max(1, h - 1),
    128 + 40 * Math.sin(x * 0.7 + y * 1.3),
  ]);
}

/** Two-colour checkerboard with `cell`-pixel squares (a strongly repetitive texture). */
export function checkerImage(w: number, h: number, cell: number): RgbaImage {
  return makeImage(w, h, (x, y) => {
    const on = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 1;
    return on ? [210, 190, 60] : [40, 60, 140];
  });
}

/** Diagonal stripes `period` pixels wide. */
export function stripeImage(w: number, h: number, period: number): RgbaImage {
  return makeImage(w, h, (x, y) => ((x + y) % period < period / 2 ? [230, 230, 230] : [30, 30, 30]));
}

/** A `w × h` mask with the rectangle [x0, x1) × [y0, y1) set to 255. */
export function boxMask(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) m[y * w + x] = 255;
  }
  return m;
}

/** Number of pixels outside the mask whose RGBA bytes differ between two images. */
export function changedOutside(a: RgbaImage, b: RgbaImage, mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] > 127) continue;
    for (let c = 0; c < 4; c++) {
      if (a.data[i * 4 + c] !== b.data[i * 4 + c]) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** True when every byte of two images is equal. */
export function sameBytes(a: RgbaImage, b: RgbaImage): boolean {
  if (a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** The size of {@link sourceLayer}'s layers. */
export const SOURCE_LAYER = { W: 60, H: 20 } as const;

/** A grey 60 × 20 layer of value f(x, y) with a hole over columns 20–39 (all rows but the first and last): the relaxation's and the meld's cases. */
export function sourceLayer(f: (x: number, y: number) => number): { layer: Layer; holes: Int32Array } {
  const { W, H } = SOURCE_LAYER;
  const pix = new Float32Array(W * H * 4);
  const hole = new Uint8Array(W * H);
  const holes: number[] = [];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const v = f(x, y);
      pix.set([v, v, v, 255], i * 4);
      if (x >= 20 && x < 40 && y > 0 && y < H - 1) {
        hole[i] = 1;
        holes.push(i);
      }
    }
  return { layer: { width: W, height: H, pix, hole }, holes: Int32Array.from(holes) };
}
