/**
 * Shared types for the local fill engine.
 *
 * Everything here is plain data: typed arrays and numbers, so the engine runs unchanged in Node,
 * a worker and the renderer. Coordinates are integer pixel positions in the image's own space,
 * origin top-left, x to the right, y down.
 */
import { MASK_ON } from '../mask/threshold';
import type { FillLanes } from './lanes';

/** An 8-bit RGBA image, row-major, 4 bytes per pixel, no row padding. */
export interface RgbaImage {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** `width * height * 4` bytes: R, G, B, A per pixel. */
  data: Uint8ClampedArray | Uint8Array;
}

/** An axis-aligned pixel rectangle (the one Rect of shared/geometry). */
export type { Rect } from '../geometry/rect';

/** Options for {@link inpaint}. All optional; defaults are tuned for photos. */
export interface FillOptions {
  /** PRNG seed; the same seed, image and mask give byte-identical output. Default 1. */
  seed?: number;
  /** Patch side in pixels (odd, ≥ 3). Default 7. Even values are rounded up. */
  patchSize?: number;
  /** EM (search + vote) iterations at the finest level; each coarser level runs one more. Default 1. */
  iterations?: number;
  /** Called with a non-decreasing fraction in [0, 1]; the last call is exactly 1. */
  onProgress?: (fraction: number) => void;
  /** Polled frequently; when it returns true the fill throws {@link FillCancelledError}. */
  shouldCancel?: () => boolean;
  /**
   * A second thread for the finest level (see lanes.ts); the result is the same bytes with or
   * without it. Supplied by hosts that have threads (electron/main), never needed.
   */
  lanes?: FillLanes;
}

/** Thrown by {@link inpaint} when `shouldCancel` returns true. */
export class FillCancelledError extends Error {
  constructor() {
    super('fill cancelled');
    this.name = 'FillCancelledError';
  }
}

/** A mask byte above this marks a hole pixel (i.e. ≥ MASK_ON). */
export const HOLE_THRESHOLD = MASK_ON - 1;

/** Value used for RGB when a hole has no known pixel at all to borrow from. */
export const NEUTRAL_GREY = 128;

/**
 * Throws a `RangeError` unless `image` and `mask` describe the same non-empty pixel grid.
 * @param image - the RGBA image
 * @param mask - one byte per pixel; `> 127` means hole
 */
export function assertImageAndMask(image: RgbaImage, mask: Uint8Array): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`invalid image size ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`image data has ${data.length} bytes, expected ${width * height * 4}`);
  }
  if (mask.length !== width * height) {
    throw new RangeError(`mask has ${mask.length} bytes, expected ${width * height}`);
  }
}

/** Returns a deep copy of `image` whose `data` is a fresh `Uint8ClampedArray`. */
export function copyImage(image: RgbaImage): RgbaImage {
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}
