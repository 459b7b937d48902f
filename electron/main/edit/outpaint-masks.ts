/**
 * Masks for outpainting, in canvas or tile coordinates: which pixels are still unknown, what a tile
 * asks the model to paint (unknown + a band into known pixels), how its result is blended, and the
 * final patch alpha (255 on the new area, a ramp of `band` px into the original on extended sides,
 * 0 everywhere else — so the original is untouched outside the overlap band).
 */
import { dilatedMask, featheredAlpha } from '../../../shared/pixels/patch';
import type { Rect } from './region-pixels';

/** Ask mask for a tile: unknown pixels plus everything within `band` px of them (255/0). */
export function tileAskMask(unknown: Uint8Array, w: number, h: number, band: number): Uint8Array {
  const u = unknown.map((v) => (v ? 255 : 0));
  if (band <= 0) return u;
  return dilatedMask(u, w, h, band).map((v) => v * 255);
}

/** Blend weight of a tile's result: 255 on unknown pixels, a smooth ramp over `band` px into known ones. */
export function tileBlendWeight(unknown: Uint8Array, w: number, h: number, band: number): Uint8Array {
  if (band <= 0) return unknown.map((v) => (v ? 255 : 0));
  const half = Math.max(1, Math.ceil(band / 2));
  const grown = dilatedMask(
    unknown.map((v) => (v ? 255 : 0)),
    w,
    h,
    half,
  ).map((v) => v * 255);
  const ramp = featheredAlpha(w, h, grown, half);
  for (let i = 0; i < ramp.length; i++) if (unknown[i]) ramp[i] = 255;
  return ramp;
}

/** Final patch alpha over the canvas. */
export function outpaintAlpha(canvas: { width: number; height: number }, original: Rect, band: number): Uint8Array {
  const { width, height } = canvas;
  const a = new Uint8Array(width * height);
  const ext = {
    left: original.x > 0,
    top: original.y > 0,
    right: original.x + original.width < width,
    bottom: original.y + original.height < height,
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= original.x && x < original.x + original.width && y >= original.y && y < original.y + original.height;
      if (!inside) {
        a[y * width + x] = 255;
        continue;
      }
      if (band <= 0) continue;
      let d = Infinity;
      if (ext.left) d = Math.min(d, x - original.x);
      if (ext.right) d = Math.min(d, original.x + original.width - 1 - x);
      if (ext.top) d = Math.min(d, y - original.y);
      if (ext.bottom) d = Math.min(d, original.y + original.height - 1 - y);
      if (d < band) a[y * width + x] = Math.round(255 * (1 - (d + 1) / (band + 1)));
    }
  }
  return a;
}
