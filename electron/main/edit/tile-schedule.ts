/**
 * Runs an outpaint's tiles in the order their waits allow (shared/geometry/tile-order.ts): a tile
 * waits for every earlier tile whose rect it overlaps and only for those, so tiles apart from each
 * other (the left and right sides grown from the same centre tile of an 8:1 extension) go to the
 * model at once — one round trip instead of two. A tile that fails stops the others (those in
 * flight see their signal aborted; those waiting never start).
 */
import { tileWaits, type Rect } from '../../../shared/geometry';

/**
 * Runs `run(i, tile, signal)` for every tile. `parallel` false: one after the other in plan order.
 * Otherwise each tile starts once every earlier tile it overlaps has finished — or, with `startAfter`,
 * once `startAfter(d)` has settled for each of them (the job's: tile d's answer is in; its blend may
 * come later). `startAfter(d)` must settle once tile d's run has.
 */
export async function runTiles<T extends { rect: Rect }>(
  tiles: readonly T[],
  run: (i: number, tile: T, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  parallel: boolean,
  startAfter?: (d: number) => Promise<unknown>,
): Promise<void> {
  if (!parallel) {
    for (const [i, tile] of tiles.entries()) await run(i, tile, signal);
    return;
  }
  const stop = new AbortController();
  const tileSignal = AbortSignal.any([signal, stop.signal]);
  const waits = tileWaits(tiles);
  const done: Promise<void>[] = [];
  for (const [i, tile] of tiles.entries()) {
    done.push(
      Promise.all(waits[i].map((d) => (startAfter ? startAfter(d) : done[d])))
        .then(() => run(i, tile, tileSignal))
        .catch((e: unknown) => {
          stop.abort();
          throw e;
        }),
    );
  }
  await Promise.all(done);
}
