/**
 * Every outpaint tile's masks at its turn, worked out before any tile runs. A tile's blend marks
 * known exactly the pixels its weight reaches (`blendTile`), and its weight, ask mask and windows
 * depend on nothing but which of its pixels are unknown — so the unknown map each tile will meet,
 * and its masks, follow from the plan alone, not from any model's answer. Tiles that do not overlap
 * never touch each other's pixels, so the order they run in does not change this.
 */
import type { Rect } from '../geometry/rect';
import { activeWindows } from './active-windows';
import type { Window } from './box-filter';
import { tileAskMask, tileBlendWeight, tileReach } from './outpaint-masks';

/** A tile's unknown map at its turn (255 = unknown, tile coordinates) and the masks made from it. */
export interface TileTurn {
  unknown: Uint8Array;
  ask: Uint8Array;
  /** The active windows at the blend's reach (`tileReach`). */
  windows: Window[];
  weight: Uint8Array;
}

/**
 * The turns of the tiles `rects` (in plan order) over the canvas-wide unknown map `unknownMap`
 * (not changed). `keep[i]` false: only tile i's windows are returned (what the later tiles need of it).
 */
export function tileTurns(
  unknownMap: Uint8Array,
  canvasWidth: number,
  rects: readonly Rect[],
  band: number,
  keep: readonly boolean[] = rects.map(() => true),
): (TileTurn | { windows: Window[] })[] {
  const map = unknownMap.slice();
  return rects.map((r, i) => {
    const unknown = new Uint8Array(r.width * r.height);
    for (let y = 0; y < r.height; y++) {
      const row = (r.y + y) * canvasWidth + r.x;
      unknown.set(map.subarray(row, row + r.width), y * r.width);
    }
    const windows = activeWindows(unknown, r.width, r.height, tileReach(band));
    const weight = tileBlendWeight(unknown, r.width, r.height, band, windows);
    markWeighted(map, canvasWidth, r, weight, windows, 0);
    if (!keep[i]) return { windows };
    return { unknown, ask: tileAskMask(unknown, r.width, r.height, band, windows), windows, weight };
  });
}

/** Sets `marks` to `value` on every canvas pixel of tile `r` whose weight is non-zero (inside `windows`), as `blendTile` does. */
export function markWeighted(
  marks: Uint8Array,
  canvasWidth: number,
  r: Rect,
  weight: Uint8Array,
  windows: readonly Window[],
  value: number,
): void {
  for (const win of windows)
    for (let y = win.y0; y < win.y1; y++) {
      const row = y * r.width;
      const c = (r.y + y) * canvasWidth + r.x;
      for (let x = win.x0; x < win.x1; x++) if (weight[row + x]) marks[c + x] = value;
    }
}
