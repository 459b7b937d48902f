/**
 * The immutable tiled mask model.
 *
 * A mask is stored at document resolution as a grid of `TILE_SIZE`×`TILE_SIZE` tiles. Uniform
 * tiles are stored as the numbers `0` (all empty) or `255` (all full) so that large empty or full
 * areas cost nothing; other tiles hold a full-size `Uint8Array`. Every operation returns a new
 * mask and reuses the tile objects it did not change, so undo is a reference swap and a redraw
 * only needs the tiles whose object changed (see {@link dirtyTileIndices}).
 *
 * Coordinates are document pixels; pixel `(x, y)` covers `[x, x + 1) × [y, y + 1)` and its
 * centre is `(x + 0.5, y + 0.5)`. Values are 0..255, 255 = selected / to be edited.
 */
import type { Rect } from '../geometry/rect';

/** Tile edge length in document pixels. */
export const TILE_SIZE = 256;

/** Number of bytes (= pixels) in a materialised tile. */
export const TILE_AREA = TILE_SIZE * TILE_SIZE;

/**
 * A tile: `0` = all empty, `255` = all full, or `TILE_SIZE*TILE_SIZE` bytes (row-major; edge
 * tiles are still full size, the part outside the mask is ignored and must be kept 0).
 */
export type Tile = 0 | 255 | Uint8Array;

/** An immutable tiled mask; `tiles[ty * cols + tx]` covers document pixels from `(tx*TILE_SIZE, ty*TILE_SIZE)`. */
export interface TiledMask {
  /** Width in document pixels. */
  readonly width: number;
  /** Height in document pixels. */
  readonly height: number;
  /** Number of tile columns, `ceil(width / TILE_SIZE)`. */
  readonly cols: number;
  /** Number of tile rows, `ceil(height / TILE_SIZE)`. */
  readonly rows: number;
  /** Tiles in row-major order. */
  readonly tiles: readonly Tile[];
}

/** An integer rectangle in document pixels (the one Rect of shared/geometry). */
export type { Rect };

/** A coverage patch: values 0..255 over a rect in document pixels (row-major, `width*height`). */
export interface Coverage {
  rect: Rect;
  data: Uint8Array;
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`invalid mask size ${width}x${height}`);
  }
}

/**
 * Builds a mask object from a tile list (internal; the tile list is taken over, not copied).
 * @param width mask width in document pixels
 * @param height mask height in document pixels
 */
export function buildMask(width: number, height: number, tiles: Tile[]): TiledMask {
  const cols = Math.ceil(width / TILE_SIZE);
  const rows = Math.ceil(height / TILE_SIZE);
  if (tiles.length !== cols * rows) throw new RangeError('tile count does not match mask size');
  return Object.freeze({ width, height, cols, rows, tiles: Object.freeze(tiles) });
}

function uniformMask(width: number, height: number, value: 0 | 255): TiledMask {
  checkSize(width, height);
  const n = Math.ceil(width / TILE_SIZE) * Math.ceil(height / TILE_SIZE);
  return buildMask(width, height, new Array<Tile>(n).fill(value));
}

/** A mask of `width`×`height` document pixels with every value 0. */
export function createEmptyMask(width: number, height: number): TiledMask {
  return uniformMask(width, height, 0);
}

/** A mask of `width`×`height` document pixels with every value 255. */
export function createFullMask(width: number, height: number): TiledMask {
  return uniformMask(width, height, 255);
}

/** Width and height (document pixels) of the part of tile `(tx, ty)` that lies inside the mask. */
export function tileExtent(mask: TiledMask, tx: number, ty: number): { w: number; h: number } {
  return {
    w: Math.min(TILE_SIZE, mask.width - tx * TILE_SIZE),
    h: Math.min(TILE_SIZE, mask.height - ty * TILE_SIZE),
  };
}

/**
 * A fresh full-size byte array holding the tile's values; for uniform tiles only the part inside
 * the mask (`w`×`h` tile pixels) is filled so the outside stays 0.
 */
export function materializeTile(tile: Tile, w: number, h: number): Uint8Array {
  if (tile instanceof Uint8Array) return tile.slice();
  const out = new Uint8Array(TILE_AREA);
  if (tile !== 0) {
    if (w === TILE_SIZE) out.fill(tile, 0, h * TILE_SIZE);
    else for (let y = 0; y < h; y++) out.fill(tile, y * TILE_SIZE, y * TILE_SIZE + w);
  }
  return out;
}

/**
 * Collapses a tile's byte array to `0` or `255` if every value inside the mask (`w`×`h` tile
 * pixels) equals that value; otherwise returns the array itself.
 */
export function collapseTile(data: Uint8Array, w: number, h: number): Tile {
  const first = data[0];
  if (first !== 0 && first !== 255) return data;
  for (let y = 0; y < h; y++) {
    const row = y * TILE_SIZE;
    for (let x = 0; x < w; x++) if (data[row + x] !== first) return data;
  }
  return first as 0 | 255;
}

/** Value (0..255) of a tile at tile-local pixel `(lx, ly)`. */
export function tileValue(tile: Tile, lx: number, ly: number): number {
  return tile instanceof Uint8Array ? tile[ly * TILE_SIZE + lx] : tile;
}

/** Mask value (0..255) at document pixel `(x, y)` (floored); 0 outside the mask. */
export function getMaskValue(mask: TiledMask, x: number, y: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  if (!(ix >= 0 && iy >= 0 && ix < mask.width && iy < mask.height)) return 0;
  const tx = (ix / TILE_SIZE) | 0;
  const ty = (iy / TILE_SIZE) | 0;
  return tileValue(mask.tiles[ty * mask.cols + tx], ix - tx * TILE_SIZE, iy - ty * TILE_SIZE);
}

/**
 * Indices (into `tiles`) of the tiles whose object differs between `a` and `b`, ascending.
 * Used for incremental redraw. If the masks differ in size, every tile index of `b` is returned.
 */
export function dirtyTileIndices(a: TiledMask, b: TiledMask): number[] {
  const out: number[] = [];
  const sameSize = a.width === b.width && a.height === b.height;
  for (let i = 0; i < b.tiles.length; i++) {
    if (!sameSize || a.tiles[i] !== b.tiles[i]) out.push(i);
  }
  return out;
}

/** Document-pixel rect covered by tile index `i` (clipped to the mask). */
export function tileRect(mask: TiledMask, i: number): Rect {
  const tx = i % mask.cols;
  const ty = (i / mask.cols) | 0;
  const { w, h } = tileExtent(mask, tx, ty);
  return { x: tx * TILE_SIZE, y: ty * TILE_SIZE, width: w, height: h };
}
