/**
 * Grow (dilate) or shrink (erode) a mask by a Euclidean distance in document pixels.
 */
import { applyCoverage } from './apply-coverage';
import { squaredDistanceTransform } from './distance-transform';
import { maskBounds } from './mask-queries';
import { readMaskRegion } from './mask-region';
import { expandRect, intersectRects } from '../geometry/rect';
import type { TiledMask } from './tiled-mask';

/** Mask values ≥ this count as "inside" when measuring distances. */
const INSIDE = 128;

/**
 * Grows the mask by `px` document pixels (`px > 0`, dilation) or shrinks it by `-px` (`px < 0`,
 * erosion), using the exact Euclidean distance between pixel centres to the inside set
 * (values ≥ 128), with a 1-px anti-aliased edge for fractional distances.
 *
 * - Dilation: a pixel at distance `d` from the nearest inside pixel gets `clamp(px + 1 - d)`;
 *   the result is the max of that and the original value (so soft tails are kept).
 * - Erosion: an inside pixel at distance `d` from the nearest outside pixel gets
 *   `clamp(d - |px|)`; the result is the min of that and the original. The document border does
 *   not count as outside (a full mask stays full).
 *
 * Work is restricted to the mask's bounding box expanded by `|px|` (clipped to the document),
 * so small masks on big documents are cheap. Returns `mask` itself for `px = 0`, an empty mask,
 * or no change; untouched tiles are shared.
 */
export function growMask(mask: TiledMask, px: number): TiledMask {
  if (!Number.isFinite(px) || px === 0) return mask;
  const bounds = maskBounds(mask);
  if (!bounds) return mask;
  const docRect = { x: 0, y: 0, width: mask.width, height: mask.height };
  const dilate = px > 0;
  const r = Math.abs(px);
  // Dilation reaches up to r + 1 px beyond the bounds; erosion needs one ring of outside pixels
  // around the bounds (the nearest outside pixel is then always inside the region).
  const region = intersectRects(expandRect(bounds, dilate ? Math.ceil(r) + 1 : 1), docRect);
  if (!region) return mask;
  const { width: w, height: h } = region;
  const values = readMaskRegion(mask, region);
  const d2 = squaredDistanceTransform(values, w, h, dilate ? (v) => v >= INSIDE : (v) => v < INSIDE);
  const out = new Uint8Array(w * h);
  const lo2 = r * r;
  const hi2 = (r + 1) * (r + 1);
  if (dilate) {
    for (let i = 0; i < out.length; i++) {
      const dd = d2[i];
      let g: number;
      if (dd <= lo2) g = 255;
      else if (dd >= hi2) g = 0;
      else g = Math.round((r + 1 - Math.sqrt(dd)) * 255);
      const o = values[i];
      out[i] = g > o ? g : o;
    }
  } else {
    for (let i = 0; i < out.length; i++) {
      const dd = d2[i];
      let e: number;
      if (dd >= hi2) e = 255;
      else if (dd <= lo2) e = 0;
      else e = Math.round((Math.sqrt(dd) - r) * 255);
      const o = values[i];
      out[i] = e < o ? e : o;
    }
  }
  return applyCoverage(mask, { rect: region, data: out }, 'replace');
}
