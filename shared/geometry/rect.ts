/**
 * THE rectangle, size and point types of the codebase (mask, engine, planners, main and renderer all
 * use these), and the set operations on integer rects (intersection, containment, subtraction). A
 * rect covers the half-open pixel range `[x, x + width) × [y, y + height)`. Points that must not mix
 * document and screen pixels are branded: see `./point.ts`.
 */

/** A rectangle in document pixels; `x`, `y` = top-left corner, `width`/`height` ≥ 0 (px). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point in some pixel space (the function using it says which). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A width and height (px). */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Builds a rect from its edges (px). */
export function rectFromEdges(left: number, top: number, right: number, bottom: number): Rect {
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Right edge (exclusive) in px. */
export function rectRight(r: Rect): number {
  return r.x + r.width;
}

/** Bottom edge (exclusive) in px. */
export function rectBottom(r: Rect): number {
  return r.y + r.height;
}

/** Area in px². */
export function rectArea(r: Rect): number {
  return Math.max(0, r.width) * Math.max(0, r.height);
}

/** `true` when the rect covers no pixel. */
export function isEmptyRect(r: Rect): boolean {
  return r.width <= 0 || r.height <= 0;
}

/**
 * The pixels two rects share, or `null` when they share none (touching edges share none). There is
 * no "empty rect at some position": a caller that gets null must decide what no overlap means.
 */
export function intersectRects(a: Rect, b: Rect): Rect | null {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(rectRight(a), rectRight(b));
  const bottom = Math.min(rectBottom(a), rectBottom(b));
  return right > left && bottom > top ? rectFromEdges(left, top, right, bottom) : null;
}

/** `true` when `inner` lies inside `outer` (touching edges counts as inside). */
export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && rectRight(inner) <= rectRight(outer) && rectBottom(inner) <= rectBottom(outer);
}

/** Grows a rect by `margin` px on every side (no clipping); a negative margin shrinks it, never below zero size. */
export function expandRect(r: Rect, margin: number): Rect {
  return { x: r.x - margin, y: r.y - margin, width: Math.max(0, r.width + 2 * margin), height: Math.max(0, r.height + 2 * margin) };
}

/**
 * The smallest integer rect containing the real-valued box `[x0, x1) × [y0, y1)` (px).
 * Reversed bounds are swapped.
 */
export function boundingIntRect(x0: number, y0: number, x1: number, y1: number): Rect {
  const ax = Math.floor(Math.min(x0, x1));
  const ay = Math.floor(Math.min(y0, y1));
  const bx = Math.ceil(Math.max(x0, x1));
  const by = Math.ceil(Math.max(y0, y1));
  return { x: ax, y: ay, width: bx - ax, height: by - ay };
}

/** The rect `0, 0, width, height` covering a whole canvas. */
export function canvasRect(size: Size): Rect {
  return { x: 0, y: 0, width: size.width, height: size.height };
}

/**
 * `a` minus `b`, as up to four disjoint rects (bands above and below `b`, then left and right
 * of it within `b`'s rows).
 */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = intersectRects(a, b);
  if (!cut) return isEmptyRect(a) ? [] : [a];
  const out: Rect[] = [];
  const push = (r: Rect): void => {
    if (!isEmptyRect(r)) out.push(r);
  };
  push(rectFromEdges(a.x, a.y, rectRight(a), cut.y));
  push(rectFromEdges(a.x, rectBottom(cut), rectRight(a), rectBottom(a)));
  push(rectFromEdges(a.x, cut.y, cut.x, rectBottom(cut)));
  push(rectFromEdges(rectRight(cut), cut.y, rectRight(a), rectBottom(cut)));
  return out;
}

/** Every rect of `set` minus `b`; the result stays a list of disjoint rects if `set` was. */
export function subtractFromAll(set: readonly Rect[], b: Rect): Rect[] {
  return set.flatMap((r) => subtractRect(r, b));
}

/** Total area of a list of disjoint rects (px²). */
export function totalArea(set: readonly Rect[]): number {
  return set.reduce((sum, r) => sum + rectArea(r), 0);
}

/** The parts of `set` (disjoint rects) that fall inside `clip`. */
export function clipAll(set: readonly Rect[], clip: Rect): Rect[] {
  return set.map((r) => intersectRects(r, clip)).filter((r) => r !== null);
}
