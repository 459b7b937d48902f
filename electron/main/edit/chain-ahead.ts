/**
 * A tile that overlaps earlier tiles is made of their answers, so its request cannot be made before
 * they are in. Everything else about it can (issue 16): its masks at its turn (they follow from the
 * plan: shared/pixels/outpaint-turns.ts), those masks at the request size, the request mask in its
 * wire form, and the tile's colour at the request size from the canvas before any tile was blended.
 * When its turn comes only the parts the earlier blends changed are scaled again — libvips computes
 * a resize's extract alone, with the values of the whole resize — so the request is the same bytes
 * without cutting and scaling a whole tile (a 7200×4800 tile's crop, masks and scale took 0.6–3 s).
 */
import sharp from 'sharp';
import { tileWaits, type OutpaintTile } from '../../../shared/geometry';
import type { Window } from '../../../shared/pixels/box-filter';
import { tileTurns, type TileTurn } from '../../../shared/pixels/outpaint-turns';
import { tileView } from '../../../shared/pixels/outpaint-masks';
import type { WorkingCanvas } from './outpaint-prepare';
import type { Size } from './provider-image';
import { scaleRequestMask } from './request-pixels';
import { rowBands, SCALE_PIPELINES, scaledReach, tileAtSize } from './tile-scale';
import type { TilePixels } from './outpaint-tile-steps';

/** What a chained tile needs that does not depend on the earlier tiles' answers. */
export interface ChainedAhead {
  /**
   * Its windows and blend weight at its turn (tile coordinates). Its full-size ask mask is not kept:
   * the request is made from the ask at the request size (`small.ask`, the request mask).
   */
  masks: { windows: Window[]; weight: Uint8Array };
  /** At the request size: the colour before any tile (RGBA, read only), the unknown map and the ask mask. */
  small: TilePixels;
  /** The request mask (`scaleRequestMask` of the small ask), its wire form made. */
  requestMask: Uint8Array;
  /** Where the earlier tiles' blends can change its pixels (tile coordinates). */
  changed: Window[];
}

/**
 * The chained tiles' ahead parts (undefined for a tile that waits for none) from `canvas` before any
 * blend. `prepareMask`: the provider's wire mask, made for each request mask. Aborted through
 * `signal`: nothing is made (an empty list) once it is.
 */
export async function prepareChained(
  canvas: WorkingCanvas,
  canvasWidth: number,
  tiles: readonly OutpaintTile[],
  featherPx: number,
  prepareMask: (mask: Uint8Array, size: Size) => Promise<void>,
  signal?: AbortSignal,
): Promise<(ChainedAhead | undefined)[]> {
  const waits = tileWaits(tiles);
  const chained = waits.map((w) => w.length > 0);
  const turns = tileTurns(
    canvas.unknownMap,
    canvasWidth,
    tiles.map((t) => t.rect),
    featherPx,
    chained,
  );
  const out: (ChainedAhead | undefined)[] = [];
  for (const [k, tile] of tiles.entries()) {
    if (signal?.aborted) return [];
    const turn = turns[k];
    if (!chained[k] || !('ask' in turn)) {
      out.push(undefined);
      continue;
    }
    const r = tile.rect;
    const { rgba } = tileView(canvas.working, canvas.unknownMap, canvasWidth, r);
    const p: TilePixels = { width: r.width, height: r.height, rgba, unknown: turn.unknown, ask: turn.ask, windows: turn.windows };
    const scaled = await tileAtSize(p, tile.request);
    // At the request's size already: the colour is the tile's own at its turn (nothing to keep ahead).
    const small = scaled === p ? { ...p, rgba: new Uint8Array(0) } : scaled;
    const requestMask = await scaleRequestMask(small.ask, { x: r.x, y: r.y, width: small.width, height: small.height }, tile.request);
    await prepareMask(requestMask, tile.request);
    const changed = waits[k].flatMap((j) => shifted(turns[j].windows, tiles[j].rect, r));
    out.push({ masks: maskOf(turn), small, requestMask, changed });
  }
  return out;
}

const maskOf = (t: TileTurn) => ({ windows: t.windows, weight: t.weight });

/** The bytes the ahead parts hold (a preparation keeps them only up to a budget). */
export function chainedBytes(parts: readonly (ChainedAhead | undefined)[]): number {
  let n = 0;
  for (const a of parts)
    if (a) n += a.masks.weight.byteLength + a.small.rgba.byteLength + a.small.unknown.byteLength + a.small.ask.byteLength;
  return n;
}

/** Windows of the tile at `from` in the coordinates of the tile at `to`, clipped to it. */
function shifted(
  windows: readonly Window[],
  from: { x: number; y: number },
  to: { x: number; y: number; width: number; height: number },
): Window[] {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  return windows.flatMap((w) => {
    const x0 = Math.max(0, w.x0 + dx);
    const y0 = Math.max(0, w.y0 + dy);
    const x1 = Math.min(to.width, w.x1 + dx);
    const y1 = Math.min(to.height, w.y1 + dy);
    return x1 > x0 && y1 > y0 ? [{ x0, y0, x1, y1 }] : [];
  });
}

/**
 * The chained tile `r` at its request size at its turn, read from the canvas as it is now (after the
 * earlier blends; RGBA, `canvasWidth` wide). Scaled again only inside the changed windows, padded by
 * the kernel's reach: libvips cuts the tile out of the canvas, scales it and keeps the window, reading
 * only the pixels those need — the tile is never copied out (a fresh 14 MB tile costs ≈ 40–80 ms in
 * page faults alone). The result's RGBA is the caller's own.
 */
export async function chainedAtRequest(
  ahead: ChainedAhead,
  canvas: Uint8Array,
  canvasWidth: number,
  r: { x: number; y: number; width: number; height: number },
): Promise<TilePixels> {
  const { small } = ahead;
  const from = { width: r.width, height: r.height };
  if (small.width === from.width && small.height === from.height) {
    const rgba = new Uint8Array(r.width * r.height * 4);
    for (let y = 0; y < r.height; y++)
      rgba.set(canvas.subarray(((r.y + y) * canvasWidth + r.x) * 4, ((r.y + y) * canvasWidth + r.x + r.width) * 4), y * r.width * 4);
    return { ...small, rgba };
  }
  const to = { width: small.width, height: small.height };
  const out = new Uint8Array(small.rgba);
  const rows = canvas.length / (canvasWidth * 4);
  // In bands of rows when there are fewer windows than cores (one libvips thread per pipeline).
  const reach = ahead.changed.map((win) => {
    const { x0, y0, w, h } = scaledReach(win, from, to);
    return { x0, y0, x1: x0 + w, y1: y0 + h };
  });
  await Promise.all(
    rowBands(reach, SCALE_PIPELINES).map(async (band) => {
      const { x0, y0 } = band;
      const w = band.x1 - x0;
      const h = band.y1 - y0;
      const part = await sharp(canvas, { raw: { width: canvasWidth, height: rows, channels: 4 } })
        .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
        .resize(to.width, to.height, { fit: 'fill', kernel: 'linear' })
        .extract({ left: x0, top: y0, width: w, height: h })
        .raw()
        .toBuffer();
      for (let y = 0; y < h; y++) out.set(part.subarray(y * w * 4, (y + 1) * w * 4), ((y0 + y) * to.width + x0) * 4);
    }),
  );
  return { ...small, rgba: out };
}
