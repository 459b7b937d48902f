/**
 * Whole-mask per-pixel operations (invert, threshold, clear), implemented as a 256-entry lookup
 * table applied tile by tile. Uniform tiles map without allocation; data tiles whose values do
 * not change keep their object.
 */
import { buildMask, collapseTile, createEmptyMask, TILE_AREA, TILE_SIZE, tileExtent, type Tile, type TiledMask } from './tiled-mask';

/**
 * Applies `lut` (256 entries, value → new value) to every pixel inside the mask and returns the
 * new mask (the part of edge tiles outside the mask stays 0). Returns `mask` itself if the table
 * is the identity.
 */
export function mapMaskValues(mask: TiledMask, lut: Uint8Array): TiledMask {
  if (lut.length !== 256) throw new RangeError('lut must have 256 entries');
  let identity = true;
  for (let v = 0; v < 256; v++) if (lut[v] !== v) identity = false;
  if (identity) return mask;
  const tiles: Tile[] = new Array<Tile>(mask.tiles.length);
  for (let ty = 0; ty < mask.rows; ty++) {
    for (let tx = 0; tx < mask.cols; tx++) {
      const i = ty * mask.cols + tx;
      const tile = mask.tiles[i];
      const { w, h } = tileExtent(mask, tx, ty);
      if (!(tile instanceof Uint8Array)) {
        const v = lut[tile];
        tiles[i] = v === 0 || v === 255 ? v : fillInside(v, w, h);
        continue;
      }
      const next = new Uint8Array(TILE_AREA);
      let changed = false;
      for (let y = 0; y < h; y++) {
        const row = y * TILE_SIZE;
        for (let x = 0; x < w; x++) {
          const old = tile[row + x];
          const v = lut[old];
          next[row + x] = v;
          if (v !== old) changed = true;
        }
      }
      tiles[i] = changed ? collapseTile(next, w, h) : tile;
    }
  }
  return buildMask(mask.width, mask.height, tiles);
}

function fillInside(v: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(TILE_AREA);
  for (let y = 0; y < h; y++) out.fill(v, y * TILE_SIZE, y * TILE_SIZE + w);
  return out;
}

/** `255 - value` for every pixel; uniform tiles flip 0 ↔ 255 without allocating. */
export function invertMask(mask: TiledMask): TiledMask {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = 255 - v;
  return mapMaskValues(mask, lut);
}

/** An empty mask of the same size (every value 0). */
export function clearMask(mask: TiledMask): TiledMask {
  return createEmptyMask(mask.width, mask.height);
}

/** Binarises the mask: values ≥ `t` (0..255) become 255, the others 0. */
export function thresholdMask(mask: TiledMask, t: number): TiledMask {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v >= t ? 255 : 0;
  return mapMaskValues(mask, lut);
}
