/**
 * An independent outpaint tile's request made before the working canvas (issue 16: the tile made
 * after Ctrl+Enter). A tile made from one row of its masks (tile-at-request.ts) reads the canvas only
 * across its known part, and where nothing but the original reaches the original's rect that part is
 * the decoded original itself. Its rows are copied into a tile-sized buffer kept from one outpaint
 * to the next (its pages faulted in once: the canvas is a fresh canvas-sized buffer, ≈ 2.6 ms per MB
 * of faults on these machines, plus the copy), the request is made from it, and the canvas is
 * rendered once the request's body has left. The unknown part of that buffer is never written: the
 * scale to the request reads only the known columns' pixels (a request pixel is known when every
 * source pixel under it is), so what it held before changes no byte of the request (tested).
 * `MASKWORK_REQUEST_BEFORE_CANVAS=0` turns it off (A/B).
 */
import type { Rect } from '../../../shared/geometry/rect';
import type { OutpaintTile } from '../../../shared/geometry';
import type { JobServices } from '../create-services';
import type { PlacedPatch } from '../services/layer-pixels';
import { originalAsSource, type RegionSource } from './region-pixels';

const NONE = new Uint8Array(0);
import { type AlongCut, unknownAlong, windowsAlong } from './tile-at-request';
import type { Window } from '../../../shared/pixels/box-filter';

/** A tile's pixels for its request, made without the canvas: `rgba` holds the original's pixels where it is known (only there). */
export interface TileFromOriginal {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** Empty: the canvas's unknown map (rendered after the request) is the tile's; its ask is never made (as `cutAlong`). */
  unknown: Uint8Array;
  ask: Uint8Array;
  windows: Window[];
  along: AlongCut;
  /** Gives the buffer back for the next tile (read no more once the request is made). */
  release(): void;
}

/** Buffers of a tile's size, kept between outpaints. */
const spare: Uint8Array[] = [];
/** At most this many bytes of them are kept (two of the bench's 24 MB tiles side by side: one per extended side). */
const SPARE_MAX_BYTES = 64 * 1024 * 1024;
/** A tile larger than this (bytes of RGBA) is left to the canvas: its own buffer would double what the outpaint holds. */
export const FROM_ORIGINAL_MAX_BYTES = 64 * 1024 * 1024;

function take(length: number): Uint8Array {
  const k = spare.findIndex((b) => b.length === length);
  return k >= 0 ? spare.splice(k, 1)[0] : new Uint8Array(length);
}

/** Whether `tile` can be made from the original by {@link tileFromOriginal} (its shape alone: the layers are checked there). */
export function fromOriginalShape(tile: OutpaintTile, original: Rect): boolean {
  const r = tile.rect;
  const { width, height } = tile.request;
  if (!unknownAlong(r, original)) return false;
  if (width > r.width || height > r.height || (width === r.width && height === r.height)) return false;
  return r.width * r.height * 4 <= FROM_ORIGINAL_MAX_BYTES;
}

/**
 * `tile`'s pixels from `src` (the original's pixels at `original` on the canvas) for its request
 * (`tileAtRequest`): its known part copied into a kept buffer, its windows and how its unknown part
 * lies. Only for a tile that {@link fromOriginalShape} accepts.
 */
export function tileFromOriginal(src: RegionSource, original: Rect, tile: OutpaintTile, featherPx: number): TileFromOriginal {
  const r = tile.rect;
  const along = unknownAlong(r, original);
  if (!along) throw new RangeError('tile from the original: its unknown part is not the same in every row or column');
  const rgba = take(r.width * r.height * 4);
  const x0 = Math.max(r.x, original.x);
  const x1 = Math.min(r.x + r.width, original.x + original.width);
  const y0 = Math.max(r.y, original.y);
  const y1 = Math.min(r.y + r.height, original.y + original.height);
  for (let y = y0; y < y1; y++) {
    const s = ((src.y + y - original.y) * src.width + src.x + x0 - original.x) * 4;
    rgba.set(src.rgba.subarray(s, s + (x1 - x0) * 4), ((y - r.y) * r.width + x0 - r.x) * 4);
  }
  let released = false;
  return {
    width: r.width,
    height: r.height,
    rgba,
    unknown: NONE,
    ask: NONE,
    windows: windowsAlong(along, r, featherPx),
    along: { along, band: featherPx },
    release() {
      if (released) return;
      released = true;
      spare.push(rgba);
      // The latest kept, within the bytes allowed.
      while (spare.reduce((t, b) => t + b.length, 0) > SPARE_MAX_BYTES) spare.shift();
    },
  };
}

/**
 * Every tile of a job's first candidate made from the original before the canvas, or null when one
 * cannot be (prepared already, made of an earlier tile, not of a shape {@link fromOriginalShape}
 * takes, or a kept layer reaches the original's rect) — the canvas is then rendered first, as before.
 */
export async function tilesBeforeCanvas(
  svc: Pick<JobServices, 'store' | 'env'>,
  req: { layers: PlacedPatch[]; original: Rect; featherPx: number },
  tiles: readonly OutpaintTile[],
  independent: readonly boolean[],
  made: readonly unknown[],
): Promise<TileFromOriginal[] | null> {
  if (svc.env.MASKWORK_REQUEST_BEFORE_CANVAS === '0') return null;
  if (tiles.some((t, i) => !independent[i] || made[i] !== undefined || !fromOriginalShape(t, req.original))) return null;
  const src = await originalAsSource(svc.store, req.layers, req.original);
  return src && tiles.map((t) => tileFromOriginal(src, req.original, t, req.featherPx));
}
