/**
 * Points that know their space. Document pixels (the photo's own grid, what masks and the history
 * hold) and screen pixels (CSS px relative to the canvas element, what pointer events give) are both
 * `{x, y}`; the brand makes passing one where the other is expected a type error. Convert only
 * through `screenToDoc` / `docToScreen` with the current view.
 */
import type { Point } from './rect';

declare const space: unique symbol;
/** A point in document pixels (may lie outside the canvas). */
export type DocPoint = Point & { readonly [space]: 'document' };
/** A point in screen pixels relative to the canvas element's top-left corner. */
export type ScreenPoint = Point & { readonly [space]: 'screen' };

export const docPoint = (x: number, y: number): DocPoint => ({ x, y }) as DocPoint;
export const screenPoint = (x: number, y: number): ScreenPoint => ({ x, y }) as ScreenPoint;

/** How the document is shown: screen = doc × scale + offset. */
export interface ViewTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function screenToDoc(p: ScreenPoint, view: ViewTransform): DocPoint {
  return docPoint((p.x - view.offsetX) / view.scale, (p.y - view.offsetY) / view.scale);
}

export function docToScreen(p: DocPoint, view: ViewTransform): ScreenPoint {
  return screenPoint(p.x * view.scale + view.offsetX, p.y * view.scale + view.offsetY);
}
