/**
 * Masks in a project: each mask is a list of tile references, and the tiles that are not uniform go
 * once each into a pool — a tile shared by several history steps (the usual case: a stroke touches a
 * few tiles and shares the rest) is stored once. Each pooled tile is DEFLATE-compressed on its own,
 * and the compressed bytes are cached per tile object, so an autosave every second compresses only
 * the tiles that changed since the last one (tiles read from a project come with their compressed
 * bytes, so the first save after opening one compresses nothing either).
 *
 * Pool layout (`masks/tiles.bin`): "MWTILES1" | u32 LE count | count × (u32 LE length | raw DEFLATE of
 * the tile's TILE_AREA bytes). Unpacking rebuilds one tile object per pool entry, so the masks share
 * tiles again exactly as before saving.
 */
import { deflateSync, inflateSync } from 'fflate';
import { buildMask, TILE_AREA, type Tile, type TiledMask } from '../mask/tiled-mask';
import { TILE_EMPTY, TILE_FULL, type PackedMask } from './project-schema';

const MAGIC = [0x4d, 0x57, 0x54, 0x49, 0x4c, 0x45, 0x53, 0x31]; // "MWTILES1"

const compressed = new WeakMap<Uint8Array, Uint8Array>();

function deflateTile(tile: Uint8Array): Uint8Array {
  let c = compressed.get(tile);
  if (!c) {
    c = deflateSync(tile, { level: 6 });
    compressed.set(tile, c);
  }
  return c;
}

/** Packs masks by id: tile references per mask and the pool of distinct non-uniform tiles. */
export function packMasks(masks: ReadonlyMap<string, TiledMask>): {
  masks: Record<string, PackedMask>;
  pool: Uint8Array;
  tileCount: number;
} {
  const index = new Map<Uint8Array, number>();
  const parts: Uint8Array[] = [];
  const out: Record<string, PackedMask> = {};
  for (const [id, mask] of masks) {
    const refs = mask.tiles.map((t) => {
      if (t === 0) return TILE_EMPTY;
      if (t === 255) return TILE_FULL;
      let k = index.get(t);
      if (k === undefined) {
        k = parts.length;
        index.set(t, k);
        parts.push(deflateTile(t));
      }
      return k;
    });
    out[id] = { width: mask.width, height: mask.height, tiles: refs };
  }
  let size = MAGIC.length + 4;
  for (const p of parts) size += 4 + p.byteLength;
  const pool = new Uint8Array(size);
  const view = new DataView(pool.buffer);
  pool.set(MAGIC, 0);
  view.setUint32(MAGIC.length, parts.length, true);
  let at = MAGIC.length + 4;
  for (const p of parts) {
    view.setUint32(at, p.byteLength, true);
    pool.set(p, at + 4);
    at += 4 + p.byteLength;
  }
  return { masks: out, pool, tileCount: parts.length };
}

/** Reads the pool's tiles; throws a plain-language Error when it is damaged. */
export function unpackPool(pool: Uint8Array): Uint8Array[] {
  const bad = (why: string) => new Error(`the mask tiles are damaged (${why})`);
  if (pool.byteLength < MAGIC.length + 4 || MAGIC.some((b, i) => pool[i] !== b)) throw bad('not a tile pool');
  const view = new DataView(pool.buffer, pool.byteOffset, pool.byteLength);
  const n = view.getUint32(MAGIC.length, true);
  if (n > (pool.byteLength - MAGIC.length - 4) / 4) throw bad('count larger than the data');
  const tiles: Uint8Array[] = [];
  let at = MAGIC.length + 4;
  for (let i = 0; i < n; i++) {
    if (at + 4 > pool.byteLength) throw bad(`tile ${i} is cut off`);
    const len = view.getUint32(at, true);
    if (at + 4 + len > pool.byteLength) throw bad(`tile ${i} is cut off`);
    let tile: Uint8Array;
    try {
      // A fixed-size output: a tile can never inflate past TILE_AREA bytes.
      tile = inflateSync(pool.subarray(at + 4, at + 4 + len), { out: new Uint8Array(TILE_AREA) });
    } catch {
      throw bad(`tile ${i} does not decompress`);
    }
    if (tile.byteLength !== TILE_AREA) throw bad(`tile ${i} has ${tile.byteLength} bytes`);
    // The compressed bytes are at hand: the next save of an opened project compresses nothing it read.
    compressed.set(tile, pool.slice(at + 4, at + 4 + len));
    tiles.push(tile);
    at += 4 + len;
  }
  if (at !== pool.byteLength) throw bad('trailing bytes');
  return tiles;
}

/** Rebuilds one mask from its references into the unpacked pool; throws when they do not fit. */
export function unpackMask(packed: PackedMask, tiles: readonly Uint8Array[]): TiledMask {
  const list: Tile[] = packed.tiles.map((r) => {
    if (r === TILE_EMPTY) return 0;
    if (r === TILE_FULL) return 255;
    const t = tiles[r];
    if (!t) throw new Error(`a mask refers to tile ${r}, which is not in the file`);
    return t;
  });
  try {
    return buildMask(packed.width, packed.height, list);
  } catch {
    throw new Error(`a ${packed.width}×${packed.height} mask has ${list.length} tiles`);
  }
}
