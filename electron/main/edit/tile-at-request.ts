/**
 * An independent outpaint tile at its request size without its full-size masks (issue 16: the tile
 * made after Ctrl+Enter). Its unknown part is where the original is not (`unknownCanvas`), and when
 * the original spans the tile's whole height (an extension to the sides) or whole width (above and
 * below) every row — or every column — of its unknown map and ask mask is the same: one row of each
 * is worked out and scaled, and the request's masks are that row repeated. libvips scales a mask
 * that is the same in every row to the same row everywhere (a shrink's coefficients sum to one), so
 * the request's masks are the bytes `tileAtSize` gives from the full-size masks (tested); an
 * enlargement runs through libvips' affine path, whose rows differ, and is left to `tileAtSize`.
 * The colour is scaled only across the request's known pixels (the pre-fill writes every other one
 * and reads none of them) into buffers kept from one request to the next (a fresh 3.6 MP request's
 * pages cost ≈ 2.6 ms per MB to fault in). The tile's ask mask at full size is never made (nothing
 * reads it once the request is made); its active windows come from the row too.
 * `MASKWORK_MASKS_AT_REQUEST=0` turns it off (A/B).
 */
import sharp from 'sharp';
import type { Rect } from '../../../shared/geometry/rect';
import { activeWindows } from '../../../shared/pixels/active-windows';
import type { Window } from '../../../shared/pixels/box-filter';
import { tileReach, tileView } from '../../../shared/pixels/outpaint-masks';
import type { Size } from './provider-image';
import type { OutpaintTile } from '../../../shared/geometry';
import { prefillAlong } from '../../../shared/pixels/along-prefill';
import { MASK_ON } from '../../../shared/mask/threshold';

/** Where the original lies across a tile whose unknown part is the same in every row ('columns') or column ('rows'). */
export interface UnknownAlong {
  axis: 'columns' | 'rows';
  /** The known interval along that axis, in tile px: [k0, k1). */
  k0: number;
  k1: number;
}

/** How the tile's unknown part (outside `original`) lies in it, or null when it is not the same in every row or column. */
export function unknownAlong(tile: Rect, original: Rect): UnknownAlong | null {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n, v));
  const coversRows = original.y <= tile.y && original.y + original.height >= tile.y + tile.height;
  const coversCols = original.x <= tile.x && original.x + original.width >= tile.x + tile.width;
  if (coversRows)
    return { axis: 'columns', k0: clamp(original.x - tile.x, tile.width), k1: clamp(original.x + original.width - tile.x, tile.width) };
  if (coversCols)
    return { axis: 'rows', k0: clamp(original.y - tile.y, tile.height), k1: clamp(original.y + original.height - tile.y, tile.height) };
  return null;
}

/** One row (or column) of the tile's unknown map (0/255) and of its ask mask (`tileAskMask`: the unknown part grown by `band`). */
export function profiles(along: UnknownAlong, n: number, band: number): { unknown: Uint8Array; ask: Uint8Array } {
  const { k0, k1 } = along;
  const unknown = new Uint8Array(n);
  const ask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (i < k0 || i >= k1) unknown[i] = ask[i] = 255;
    else if (band > 0 && ((k0 > 0 && i < k0 + band) || (k1 < n && i >= k1 - band))) ask[i] = 255;
  }
  return { unknown, ask };
}

/** The tile's active windows at the blend's reach (`activeWindows` of its unknown map), from its row or column. */
export function windowsAlong(along: UnknownAlong, size: Size, featherPx: number): Window[] {
  const cols = along.axis === 'columns';
  const n = cols ? size.width : size.height;
  const { unknown } = profiles(along, n, 0);
  const runs = cols ? activeWindows(unknown, n, 1, tileReach(featherPx)) : activeWindows(unknown, 1, n, tileReach(featherPx));
  return runs.map((w) => (cols ? { x0: w.x0, y0: 0, x1: w.x1, y1: size.height } : { x0: 0, y0: w.y0, x1: size.width, y1: w.y1 }));
}

/** A tile's pixels for {@link tileAtRequest}: how its unknown part lies, and the ask's band. */
export interface AlongCut {
  along: UnknownAlong;
  band: number;
}

/**
 * An independent tile cut for {@link tileAtRequest} (its colour and unknown map views of the canvas
 * for a tile of whole rows, its windows; no ask mask: empty), or null when that cannot make it —
 * its unknown part differs between rows and columns, or its request is not smaller.
 */
export function cutAlong(
  canvas: { working: Uint8Array; unknownMap: Uint8Array },
  canvasWidth: number,
  tile: OutpaintTile,
  featherPx: number,
  original: Rect,
) {
  const cut = alongCut(tile, original, featherPx);
  if (!cut) return null;
  const crop = tileView(canvas.working, canvas.unknownMap, canvasWidth, tile.rect);
  return { ...crop, windows: windowsAlong(cut.along, tile.rect, featherPx), ask: new Uint8Array(0), along: cut };
}

/** How {@link tileAtRequest} can make `tile`'s request, or null when it cannot (its unknown part differs between rows and columns, or its request is not smaller). */
export function alongCut(tile: OutpaintTile, original: Rect, featherPx: number): AlongCut | null {
  const r = tile.rect;
  const along = unknownAlong(r, original);
  const { width, height } = tile.request;
  if (!along || width > r.width || height > r.height || (width === r.width && height === r.height)) return null;
  return { along, band: featherPx };
}

/** Buffers of a request's size, kept between requests (several at once when tiles are made side by side). */
const spare: Uint8Array[] = [];

function take(length: number): Uint8Array {
  const k = spare.findIndex((b) => b.length === length);
  return k >= 0 ? spare.splice(k, 1)[0] : new Uint8Array(length);
}

/** At most this many buffers wait to be used again (a request's colour, unknown flags and ask: ≈ 22 MB at 2912×1248). */
const SPARE_MAX = 3;

/** A request-sized tile: its buffers go back for the next request once `release` is called (then never read again). */
export interface TileAtRequest {
  width: number;
  height: number;
  rgba: Uint8Array;
  /** 1 where unknown. */
  unknown: Uint8Array;
  /** The ask mask scaled (grey), as `tileAtSize` gives it. */
  ask: Uint8Array;
  /** Whether the smooth pre-fill is written already ({@link tileAtRequest}'s `prefill`). */
  prefilled?: boolean;
  /** The request mask when asked for (`onRequestMask`): 255 where the ask is at least `MASK_ON`, as `scaleRequestMask` makes it from `ask`. */
  requestMask?: Uint8Array;
  release(): void;
}

async function scaledLine(line: Uint8Array, n: number, to: number, cols: boolean): Promise<Uint8Array> {
  const raw = { width: cols ? n : 1, height: cols ? 1 : n, channels: 1 as const };
  const out = await sharp(line, { raw })
    .resize(cols ? to : 1, cols ? 1 : to, { fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The tile (`rgba`: its full-size colour, `along`: how its unknown part lies) at `size`, for a
 * request pre-filled by the smooth pre-fill: the known pixels' colour, the unknown flags and the ask
 * as `tileAtSize` gives them; the colour of unknown pixels is undefined (the pre-fill writes them).
 */
export async function tileAtRequest(
  rgba: Uint8Array,
  from: Size,
  along: UnknownAlong,
  band: number,
  size: Size,
  o: {
    /** libvips pipelines for the colour (bands of rows). */
    pipelines?: number;
    /** Also write the smooth pre-fill into the unknown pixels (`prefillAlong`) while libvips scales the colour. */
    prefill?: boolean;
    /** Also make the request mask (`scaleRequestMask`'s bytes) and hand it here while libvips scales the colour (to start its wire form). */
    onRequestMask?: (mask: Uint8Array) => void;
  } = {},
): Promise<TileAtRequest> {
  const { pipelines = 2, prefill = false, onRequestMask } = o;
  const cols = along.axis === 'columns';
  const n = cols ? from.width : from.height;
  const m = cols ? size.width : size.height;
  const line = profiles(along, n, band);
  const [u, a] = await Promise.all([scaledLine(line.unknown, n, m, cols), scaledLine(line.ask, n, m, cols)]);
  // The request's known interval: where the scaled unknown row is 0 (one run: the original is one).
  let K0 = 0;
  while (K0 < m && u[K0]) K0++;
  let K1 = K0;
  while (K1 < m && !u[K1]) K1++;
  const { width, height } = size;
  const out = take(width * height * 4);
  const unknown = take(width * height);
  const ask = take(width * height);
  const colour =
    K1 > K0
      ? scaledColour(rgba, from, size, cols ? { x0: K0, x1: K1, y0: 0, y1: height } : { x0: 0, x1: width, y0: K0, y1: K1 }, out, pipelines)
      : Promise.resolve();
  // The masks meanwhile: a row (or, for 'rows', a value per row) repeated.
  if (cols) {
    const flags = new Uint8Array(width);
    for (let x = 0; x < width; x++) flags[x] = u[x] ? 1 : 0;
    for (let y = 0; y < height; y++) {
      unknown.set(flags, y * width);
      ask.set(a, y * width);
    }
  } else
    for (let y = 0; y < height; y++) {
      unknown.fill(u[y] ? 1 : 0, y * width, (y + 1) * width);
      ask.fill(a[y], y * width, (y + 1) * width);
    }
  let requestMask: Uint8Array | undefined;
  if (onRequestMask) {
    requestMask = requestMaskOf(a, cols, size);
    onRequestMask(requestMask);
  }
  // The pre-fill too: it reads the full-size tile and writes only the unknown pixels, which the
  // colour's scale never writes.
  if (prefill) prefillAlong(rgba, from, along, size, unknown, out);
  await colour;
  let released = false;
  return {
    width,
    height,
    rgba: out,
    unknown,
    ask,
    prefilled: prefill,
    requestMask,
    release() {
      if (released) return;
      released = true;
      spare.push(out, unknown, ask);
      spare.splice(0, Math.max(0, spare.length - SPARE_MAX)); // the latest kept
    },
  };
}

/** The request mask from the ask's scaled row (or column): 255 where it reaches `MASK_ON`, the row repeated. */
function requestMaskOf(a: Uint8Array, cols: boolean, size: Size): Uint8Array {
  const { width, height } = size;
  const mask = new Uint8Array(width * height);
  if (cols) {
    const row = a.map((v) => (v >= MASK_ON ? 255 : 0));
    for (let y = 0; y < height; y++) mask.set(row, y * width);
  } else for (let y = 0; y < height; y++) if (a[y] >= MASK_ON) mask.fill(255, y * width, (y + 1) * width);
  return mask;
}

/** `rgba` scaled to `size` (linear) inside `win` only, written into `out` (request-sized), in bands of rows, one libvips pipeline each. */
async function scaledColour(rgba: Uint8Array, from: Size, size: Size, win: Window, out: Uint8Array, pipelines: number): Promise<void> {
  const h = win.y1 - win.y0;
  const w = win.x1 - win.x0;
  const n = Math.max(1, Math.min(pipelines, Math.floor(h / 64)));
  await Promise.all(
    Array.from({ length: n }, async (_, k) => {
      const top = win.y0 + Math.round((k * h) / n);
      const rows = win.y0 + Math.round(((k + 1) * h) / n) - top;
      const part = await sharp(rgba, { raw: { width: from.width, height: from.height, channels: 4 } })
        .resize(size.width, size.height, { fit: 'fill', kernel: 'linear' })
        .extract({ left: win.x0, top, width: w, height: rows })
        .raw()
        .toBuffer();
      if (w === size.width) out.set(part, top * size.width * 4);
      else for (let y = 0; y < rows; y++) out.set(part.subarray(y * w * 4, (y + 1) * w * 4), ((top + y) * size.width + win.x0) * 4);
    }),
  );
}
