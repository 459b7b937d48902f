/**
 * Feathering (softening) a mask's edges with a Gaussian-like blur.
 */
import { applyCoverage } from './apply-coverage';
import { gaussianBoxRadii, separableBoxBlur } from './box-blur';
import { maskBounds } from './mask-queries';
import { readMaskRegion } from './mask-region';
import { expandRect, intersectRects } from '../geometry/rect';
import type { TiledMask } from './tiled-mask';

/**
 * Feathers the mask by `px` document pixels: a blur approximating a Gaussian with
 * `sigma = px / 2` (three box-blur passes). Work is restricted to the mask's bounding box grown
 * by the blur's support (≈ 3·sigma), clipped to the document; beyond the document border the
 * mask is treated as extending its edge values, so solid areas touching the border stay 255 and
 * areas far from the mask stay 0. Returns `mask` itself for `px ≤ 0` or an empty mask.
 */
export function featherMask(mask: TiledMask, px: number): TiledMask {
  if (!(px > 0) || !Number.isFinite(px)) return mask;
  const bounds = maskBounds(mask);
  if (!bounds) return mask;
  const radii = gaussianBoxRadii(px / 2, 3);
  // Total support of the passes, +1 so the region border stays exactly 0 during every pass
  // (clamp-to-edge then equals zero padding away from the document border).
  const margin = radii.reduce((s, r) => s + r, 0) + 1;
  const region = intersectRects(expandRect(bounds, margin), {
    x: 0,
    y: 0,
    width: mask.width,
    height: mask.height,
  });
  if (!region) return mask;
  const values = readMaskRegion(mask, region);
  const out = separableBoxBlur(values, region.width, region.height, radii);
  return applyCoverage(mask, { rect: region, data: out }, 'replace');
}
