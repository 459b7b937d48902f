/**
 * An outpaint tile's blend weight. It depends only on the tile's unknown map, so it is prepared, or
 * worked out while the model works (from `start`, or when first asked for): from the tile's cut; from
 * the canvas's unknown map when the tile was cut before the canvas was rendered (an early tile); or,
 * for a prepared tile sent ahead of the canvas, from the unknown map it was prepared with (issue 16:
 * a Generate that came while the preparation ran waited for the weight too). That one is worked out
 * once, on the masks every candidate shares, before any blend marks the map known.
 */
import type { Rect } from '../../../shared/geometry/rect';
import { tileBlendWeight, tileView } from '../../../shared/pixels/outpaint-masks';
import { withWeight, type TileMasks, type WorkingCanvas } from './outpaint-prepare';
import { whileWaiting } from './while-waiting';

export function tileWeight(o: {
  masks: TileMasks | undefined;
  cut: { unknown: Uint8Array; windows: TileMasks['windows'] } | null;
  rect: Rect;
  canvasWidth: number;
  featherPx: number;
  /** The working canvas once rendered. */
  rendered: () => WorkingCanvas | undefined;
  start: () => Promise<void>;
}): () => Uint8Array {
  const { masks, cut, rect: r, featherPx } = o;
  if (masks?.weight !== undefined) return () => masks.weight!;
  if (!cut && masks?.unknown) return whileWaiting(() => withWeight(masks, r, featherPx).weight!, o.start());
  const known = (u: Uint8Array) => {
    if (u.length) return u;
    const c = o.rendered()!;
    return tileView(c.working, c.unknownMap, o.canvasWidth, r).unknown;
  };
  return whileWaiting(() => tileBlendWeight(known(cut!.unknown), r.width, r.height, featherPx, cut!.windows), o.start());
}
