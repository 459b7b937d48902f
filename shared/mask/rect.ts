/**
 * Integer rectangle helpers shared by the mask modules.
 *
 * All rects are in document pixels: `x`/`y` is the top-left pixel, the rect covers pixels
 * `x .. x + width - 1` horizontally and `y .. y + height - 1` vertically.
 */
import type { Rect } from './tiled-mask';

/** The empty rect at the origin (width and height 0). */
export const EMPTY_RECT: Readonly<Rect> = Object.freeze({ x: 0, y: 0, width: 0, height: 0 });

/** True if the rect covers no pixel. */
export function isRectEmpty(r: Rect): boolean {
  return !(r.width > 0 && r.height > 0);
}

/** Intersection of two rects in document pixels, or `null` if they do not overlap. */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The rect grown by `by` document pixels on every side (negative values shrink; never below 0 size). */
export function expandRect(r: Rect, by: number): Rect {
  const width = Math.max(0, r.width + 2 * by);
  const height = Math.max(0, r.height + 2 * by);
  return { x: r.x - by, y: r.y - by, width, height };
}

/**
 * The smallest integer rect containing the real-valued box `[x0, x1) × [y0, y1)` (document pixels).
 * Reversed bounds are swapped.
 */
export function boundingIntRect(x0: number, y0: number, x1: number, y1: number): Rect {
  const ax = Math.floor(Math.min(x0, x1));
  const ay = Math.floor(Math.min(y0, y1));
  const bx = Math.ceil(Math.max(x0, x1));
  const by = Math.ceil(Math.max(y0, y1));
  return { x: ax, y: ay, width: bx - ax, height: by - ay };
}
