/**
 * The order an outpaint's tiles run in. A tile reads the working canvas under its rect and writes
 * its blend there, so it must wait for every earlier tile whose rect it overlaps — and only for
 * those: tiles that do not overlap (the left and right sides grown from the same centre tile of an
 * 8:1 extension) run at once, one round trip to the model instead of two. A tile that fails stops
 * the others (those in flight see their signal aborted; those waiting never start).
 */
import type { Rect } from '../../../shared/geometry';

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Runs `run(i, tile, signal)` for every tile. `parallel` false: one after the other in plan order.
 * Otherwise each tile starts once every earlier tile it overlaps has finished.
 */
export async function runTiles<T extends { rect: Rect }>(
  tiles: readonly T[],
  run: (i: number, tile: T, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  parallel: boolean,
): Promise<void> {
  if (!parallel) {
    for (const [i, tile] of tiles.entries()) await run(i, tile, signal);
    return;
  }
  const stop = new AbortController();
  const tileSignal = AbortSignal.any([signal, stop.signal]);
  const done: Promise<void>[] = [];
  for (const [i, tile] of tiles.entries()) {
    const after = done.filter((_, d) => rectsOverlap(tiles[d].rect, tile.rect));
    done.push(
      Promise.all(after)
        .then(() => run(i, tile, tileSignal))
        .catch((e: unknown) => {
          stop.abort();
          throw e;
        }),
    );
  }
  await Promise.all(done);
}
