/**
 * Conversion between tiled masks and flat row-major byte arrays (whole mask or a region).
 * Coordinates are document pixels.
 */
import { intersectRects } from '../geometry/rect';
import { buildMask, collapseTile, TILE_SIZE, TILE_AREA, type Rect, type Tile, type TiledMask } from './tiled-mask';

/**
 * Builds a mask from a full-resolution row-major array of `width*height` values (0..255).
 * Uniform tiles collapse to `0` / `255`; the input array is not retained.
 */
export function maskFromArray(width: number, height: number, data: Uint8Array): TiledMask {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`invalid mask size ${width}x${height}`);
  }
  if (data.length !== width * height) {
    throw new RangeError(`data length ${data.length} does not match ${width}x${height}`);
  }
  const cols = Math.ceil(width / TILE_SIZE);
  const rows = Math.ceil(height / TILE_SIZE);
  const tiles: Tile[] = new Array<Tile>(cols * rows);
  for (let ty = 0; ty < rows; ty++) {
    const y0 = ty * TILE_SIZE;
    const h = Math.min(TILE_SIZE, height - y0);
    for (let tx = 0; tx < cols; tx++) {
      const x0 = tx * TILE_SIZE;
      const w = Math.min(TILE_SIZE, width - x0);
      tiles[ty * cols + tx] = tileFromRows(data, width, x0, y0, w, h);
    }
  }
  return buildMask(width, height, tiles);
}

function tileFromRows(data: Uint8Array, stride: number, x0: number, y0: number, w: number, h: number): Tile {
  // Check uniformity first to avoid allocating for empty / full tiles.
  const first = data[y0 * stride + x0];
  let uniform = first === 0 || first === 255;
  for (let y = 0; uniform && y < h; y++) {
    const row = (y0 + y) * stride + x0;
    for (let x = 0; x < w; x++) {
      if (data[row + x] !== first) {
        uniform = false;
        break;
      }
    }
  }
  if (uniform) return first as 0 | 255;
  const tile = new Uint8Array(TILE_AREA);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * stride + x0;
    tile.set(data.subarray(row, row + w), y * TILE_SIZE);
  }
  return collapseTile(tile, w, h);
}

/**
 * Copies the mask values inside `region` (integer document pixels; x/y are floored) into a new
 * row-major array of `width*height` bytes. Parts of the region outside the mask read as 0.
 */
export function readMaskRegion(mask: TiledMask, region: Rect): Uint8Array {
  const rect = { ...region, x: Math.floor(region.x), y: Math.floor(region.y) };
  const rw = Math.max(0, rect.width | 0);
  const rh = Math.max(0, rect.height | 0);
  const out = new Uint8Array(rw * rh);
  const clip = intersectRects(
    { x: rect.x, y: rect.y, width: rw, height: rh },
    {
      x: 0,
      y: 0,
      width: mask.width,
      height: mask.height,
    },
  );
  if (!clip) return out;
  const tx0 = Math.floor(clip.x / TILE_SIZE);
  const ty0 = Math.floor(clip.y / TILE_SIZE);
  const tx1 = Math.floor((clip.x + clip.width - 1) / TILE_SIZE);
  const ty1 = Math.floor((clip.y + clip.height - 1) / TILE_SIZE);
  for (let ty = ty0; ty <= ty1; ty++) {
    const py0 = Math.max(clip.y, ty * TILE_SIZE);
    const py1 = Math.min(clip.y + clip.height, (ty + 1) * TILE_SIZE);
    for (let tx = tx0; tx <= tx1; tx++) {
      const tile = mask.tiles[ty * mask.cols + tx];
      if (tile === 0) continue;
      const px0 = Math.max(clip.x, tx * TILE_SIZE);
      const px1 = Math.min(clip.x + clip.width, (tx + 1) * TILE_SIZE);
      for (let y = py0; y < py1; y++) {
        const o = (y - rect.y) * rw + (px0 - rect.x);
        if (tile === 255) {
          out.fill(255, o, o + (px1 - px0));
        } else {
          const s = (y - ty * TILE_SIZE) * TILE_SIZE + (px0 - tx * TILE_SIZE);
          out.set(tile.subarray(s, s + (px1 - px0)), o);
        }
      }
    }
  }
  return out;
}

/** The whole mask as a new row-major array of `width*height` values (0..255). */
export function maskToArray(mask: TiledMask): Uint8Array {
  return readMaskRegion(mask, { x: 0, y: 0, width: mask.width, height: mask.height });
}
