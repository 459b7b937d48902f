/**
 * Read-only queries over a tiled mask: bounds, emptiness, pixel counts. Document pixels.
 */
import { TILE_SIZE, tileExtent, type Rect, type TiledMask } from './tiled-mask';
import { MASK_ON } from './threshold';

/**
 * Tight bounding box (document pixels) of all pixels with a value > 0, or `null` if the mask is
 * empty.
 */
export function maskBounds(mask: TiledMask): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let ty = 0; ty < mask.rows; ty++) {
    for (let tx = 0; tx < mask.cols; tx++) {
      const tile = mask.tiles[ty * mask.cols + tx];
      if (tile === 0) continue;
      const ox = tx * TILE_SIZE;
      const oy = ty * TILE_SIZE;
      const { w, h } = tileExtent(mask, tx, ty);
      // Skip tiles that cannot extend the current box.
      if (ox >= minX && oy >= minY && ox + w - 1 <= maxX && oy + h - 1 <= maxY) continue;
      if (tile === 255) {
        minX = Math.min(minX, ox);
        minY = Math.min(minY, oy);
        maxX = Math.max(maxX, ox + w - 1);
        maxY = Math.max(maxY, oy + h - 1);
        continue;
      }
      let tMinX = TILE_SIZE;
      let tMaxX = -1;
      let tMinY = -1;
      let tMaxY = -1;
      for (let y = 0; y < h; y++) {
        const row = y * TILE_SIZE;
        let first = -1;
        for (let x = 0; x < w; x++) {
          if (tile[row + x] !== 0) {
            first = x;
            break;
          }
        }
        if (first < 0) continue;
        let last = first;
        for (let x = w - 1; x > first; x--) {
          if (tile[row + x] !== 0) {
            last = x;
            break;
          }
        }
        if (tMinY < 0) tMinY = y;
        tMaxY = y;
        if (first < tMinX) tMinX = first;
        if (last > tMaxX) tMaxX = last;
      }
      if (tMinY < 0) continue;
      minX = Math.min(minX, ox + tMinX);
      minY = Math.min(minY, oy + tMinY);
      maxX = Math.max(maxX, ox + tMaxX);
      maxY = Math.max(maxY, oy + tMaxY);
    }
  }
  if (maxX < minX) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** True if every value of the mask is 0. */
export function isMaskEmpty(mask: TiledMask): boolean {
  for (let i = 0; i < mask.tiles.length; i++) {
    const tile = mask.tiles[i];
    if (tile === 0) continue;
    if (tile === 255) return false;
    // Non-collapsed data tiles: the outside part is 0 by contract, so scanning all bytes is fine.
    for (let j = 0; j < tile.length; j++) if (tile[j] !== 0) return false;
  }
  return true;
}

/**
 * Number of document pixels whose value is ≥ `threshold` (0..255, default 128).
 * A threshold ≤ 0 counts every pixel.
 */
export function countMaskPixels(mask: TiledMask, threshold = MASK_ON): number {
  if (threshold <= 0) return mask.width * mask.height;
  let count = 0;
  for (let ty = 0; ty < mask.rows; ty++) {
    for (let tx = 0; tx < mask.cols; tx++) {
      const tile = mask.tiles[ty * mask.cols + tx];
      if (tile === 0) continue;
      const { w, h } = tileExtent(mask, tx, ty);
      if (tile === 255) {
        if (threshold <= 255) count += w * h;
        continue;
      }
      for (let y = 0; y < h; y++) {
        const row = y * TILE_SIZE;
        for (let x = 0; x < w; x++) if (tile[row + x] >= threshold) count++;
      }
    }
  }
  return count;
}
