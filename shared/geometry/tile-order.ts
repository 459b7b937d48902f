/**
 * Which tiles of an outpaint plan must wait for which. A tile reads the working canvas under its
 * rect and blends its answer into the part of it its weight reaches: its new area and a band of
 * `blendReach(feather)` px around it (`tileWrites`; shared/pixels/outpaint-masks.ts blends exactly
 * there). So a tile waits for an earlier tile when either writes where the other reads — and only
 * then: tiles apart from each other, or overlapping only in pixels neither writes (two sides grown
 * from the same photo, each with its own strip of the photo as context), can go to a cloud model at
 * once. Main schedules by this (electron/main/edit/tile-schedule.ts); the renderer's expected time
 * follows the longest chain of waits. A tile without `writes` is taken to write its whole rect.
 */
import { expandRect, intersectRects, type Rect } from './rect';

/** How far from an unknown pixel a tile's blend (its feathered weight) can reach (px), for a feather band of `band` px. */
export function blendReach(band: number): number {
  if (band <= 0) return 0;
  const half = Math.max(1, Math.ceil(band / 2));
  return half + 2 * Math.ceil(half / 2) + 2;
}

/** Where a tile blends: its new area grown by the blend's reach, within its rect. */
export function tileWrites(rect: Rect, newArea: readonly Rect[], band: number): Rect[] {
  const reach = blendReach(band);
  return newArea.flatMap((a) => {
    const w = intersectRects(expandRect(a, reach), rect);
    return w ? [w] : [];
  });
}

interface Placed {
  readonly rect: Rect;
  /** Where the tile blends (default: its whole rect). */
  readonly writes?: readonly Rect[];
}

const touches = (writes: readonly Rect[], r: Rect) => writes.some((w) => intersectRects(w, r) !== null);

/** For each tile, the earlier tiles (indices) it waits for. */
export function tileWaits(tiles: readonly Placed[]): number[][] {
  const writes = tiles.map((t) => t.writes ?? [t.rect]);
  return tiles.map((t, i) => tiles.slice(0, i).flatMap((e, d) => (touches(writes[d], t.rect) || touches(writes[i], e.rect) ? [d] : [])));
}

/** The time of the longest chain of waits, each tile taking `cost(i)`: the plan's time with the tiles that can, side by side. */
export function longestChain(tiles: readonly Placed[], cost: (i: number) => number): number {
  const waits = tileWaits(tiles);
  const finish: number[] = [];
  for (let i = 0; i < tiles.length; i++) finish[i] = cost(i) + Math.max(0, ...waits[i].map((d) => finish[d]));
  return Math.max(0, ...finish);
}
