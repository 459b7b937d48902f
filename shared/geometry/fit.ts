/**
 * Integer fitting helpers shared by the planners: choose a region size of a given aspect that
 * holds the mask bbox, stays inside the canvas and keeps as much wanted context as possible,
 * then place it.
 */

import type { Rect, Size } from './rect';

/** How far (px) the fitter may grow past the wanted size to find integers closer to the aspect. */
const ROUNDING_SEARCH_PX = 32;

/**
 * The integer region size with aspect ≈ `aspect` (width/height) such that
 * `bbox ≤ size ≤ canvas` on both axes (hard), containing `wanted`'s size when the canvas allows
 * (soft), growing rather than shrinking.
 * @param aspect - target width / height.
 * @param bbox - what must fit (px).
 * @param wanted - bbox plus context, already clipped to the canvas (px).
 * @param canvas - the canvas rect (px).
 */
export function fitAspect(aspect: number, bbox: Size, wanted: Size, canvas: Size): Size {
  const hLo = Math.max(bbox.height, bbox.width / aspect);
  const hHi = Math.min(canvas.height, canvas.width / aspect);
  const target = Math.min(hHi, Math.max(hLo, wanted.height, wanted.width / aspect));
  const lo = Math.ceil(hLo - 1e-9);
  const hi = Math.floor(hHi + 1e-9);
  const sizeFor = (h: number): Size => ({
    width: clampInt(Math.round(h * aspect), bbox.width, canvas.width),
    height: h,
  });
  if (lo > hi) {
    // No integer height gives an in-range width exactly: honour the hard limits, accept a hair of stretch.
    return sizeFor(clampInt(Math.round(target), bbox.height, canvas.height));
  }
  const start = clampInt(Math.ceil(target - 1e-9), lo, hi);
  let best = sizeFor(start);
  let bestErr = aspectError(best, aspect);
  const consider = (h: number): void => {
    const s = sizeFor(h);
    const err = aspectError(s, aspect);
    if (err < bestErr - 1e-12) [best, bestErr] = [s, err];
  };
  for (let h = start + 1; h <= Math.min(hi, start + ROUNDING_SEARCH_PX); h++) consider(h);
  if (start + ROUNDING_SEARCH_PX > hi) {
    for (let h = start - 1; h >= Math.max(lo, start - ROUNDING_SEARCH_PX); h--) consider(h);
  }
  return best;
}

/**
 * Start coordinate (px) of a span of `size` along one axis: centred on `centre`, then shifted
 * so that it holds `[needLo, needHi)` and lies inside `[0, canvasLen)`.
 * Requires `needHi − needLo ≤ size ≤ canvasLen`.
 */
export function placeAxis(size: number, needLo: number, needHi: number, centre: number, canvasLen: number): number {
  const lo = Math.max(0, needHi - size);
  const hi = Math.min(needLo, canvasLen - size);
  return clampInt(Math.round(centre - size / 2), lo, hi);
}

function aspectError(s: Size, aspect: number): number {
  return Math.abs(s.width / s.height / aspect - 1);
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Convenience for tests and callers: is `r` inside a canvas of `canvas` size? */
export function insideCanvas(r: Rect, canvas: Size): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= canvas.width && r.y + r.height <= canvas.height;
}
