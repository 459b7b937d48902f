/**
 * Which tiles of an outpaint plan must wait for which. A tile reads the working canvas under its
 * rect and blends its answer there, so it waits for every earlier tile whose rect it overlaps — and
 * only for those: tiles apart from each other (the two sides grown from a centre tile) can go to a
 * cloud model at once. Main schedules by this (electron/main/edit/tile-schedule.ts); the renderer's
 * expected time follows the longest chain of waits.
 */
import { intersectRects, type Rect } from './rect';

/** For each tile, the earlier tiles (indices) it waits for. */
export function tileWaits(tiles: readonly { rect: Rect }[]): number[][] {
  return tiles.map((t, i) => tiles.slice(0, i).flatMap((e, d) => (intersectRects(e.rect, t.rect) ? [d] : [])));
}

/** The time of the longest chain of waits, each tile taking `cost(i)`: the plan's time with the tiles that can, side by side. */
export function longestChain(tiles: readonly { rect: Rect }[], cost: (i: number) => number): number {
  const waits = tileWaits(tiles);
  const finish: number[] = [];
  for (let i = 0; i < tiles.length; i++) finish[i] = cost(i) + Math.max(0, ...waits[i].map((d) => finish[d]));
  return Math.max(0, ...finish);
}
