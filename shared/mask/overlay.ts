/**
 * RGBA (non-premultiplied, canvas `ImageData` layout) overlays of a mask for display.
 */
import { readMaskRegion } from './mask-region';
import { TILE_AREA, type Rect, type Tile, type TiledMask } from './tiled-mask';

/** An RGB colour, each channel 0..255. */
export type RgbColor = readonly [number, number, number];

function alphaLut(opacity: number): Uint8Array {
  const o = Math.min(1, Math.max(0, Number.isFinite(opacity) ? opacity : 0));
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(v * o);
  return lut;
}

/**
 * Overlay pixels of one tile: RGB = `color`, alpha = `value * opacity` (opacity 0..1), for all
 * `TILE_SIZE*TILE_SIZE` tile pixels (row-major, 4 bytes each). Writes into `out` if given
 * (must hold `TILE_SIZE*TILE_SIZE*4` bytes) and returns it.
 */
export function tileToOverlayRGBA(
  tile: Tile,
  color: RgbColor,
  opacity: number,
  out: Uint8ClampedArray = new Uint8ClampedArray(TILE_AREA * 4),
): Uint8ClampedArray {
  if (out.length < TILE_AREA * 4) throw new RangeError('overlay buffer too small');
  const lut = alphaLut(opacity);
  const [r, g, b] = color;
  // Fill the first pixel, then use 32-bit writes when the buffer is aligned.
  if (out.byteOffset % 4 === 0) {
    const px = new Uint32Array(out.buffer, out.byteOffset, TILE_AREA);
    const tmp = new Uint8ClampedArray(4);
    const word = new Uint32Array(tmp.buffer);
    if (!(tile instanceof Uint8Array)) {
      tmp[0] = r;
      tmp[1] = g;
      tmp[2] = b;
      tmp[3] = lut[tile];
      px.fill(word[0]);
      return out;
    }
    const words = new Uint32Array(256);
    for (let v = 0; v < 256; v++) {
      tmp[0] = r;
      tmp[1] = g;
      tmp[2] = b;
      tmp[3] = lut[v];
      words[v] = word[0];
    }
    for (let i = 0; i < TILE_AREA; i++) px[i] = words[tile[i]];
    return out;
  }
  for (let i = 0, o = 0; i < TILE_AREA; i++, o += 4) {
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
    out[o + 3] = lut[tile instanceof Uint8Array ? tile[i] : tile];
  }
  return out;
}

/**
 * Output size (pixels) of {@link maskRegionToRgbaOverlay} for a rect and scale:
 * `ceil(rect.width * scale) × ceil(rect.height * scale)`.
 */
export function overlaySize(rect: Rect, scale: number): { width: number; height: number } {
  const s = scale > 0 ? scale : 1;
  return {
    width: Math.max(0, Math.ceil(rect.width * s - 1e-9)),
    height: Math.max(0, Math.ceil(rect.height * s - 1e-9)),
  };
}

/** For each output index, the source range `[start, end)` (relative, at least one pixel). */
function sourceRanges(outN: number, srcN: number, scale: number): Int32Array {
  const ranges = new Int32Array(outN * 2);
  for (let o = 0; o < outN; o++) {
    const s0 = Math.min(srcN - 1, Math.floor(o / scale + 1e-9));
    const s1 = Math.min(srcN, Math.max(s0 + 1, Math.floor((o + 1) / scale + 1e-9)));
    ranges[2 * o] = s0;
    ranges[2 * o + 1] = s1;
  }
  return ranges;
}

/**
 * RGBA overlay (row-major, 4 bytes per pixel, non-premultiplied) of the mask inside `rect`
 * (document pixels; parts outside the mask read as 0), downsampled by `scale` (output pixels
 * per document pixel, normally ≤ 1) with a box filter. Size is given by {@link overlaySize}.
 * RGB = `color`, alpha = `mean value * opacity` (opacity 0..1).
 */
export function maskRegionToRgbaOverlay(mask: TiledMask, rect: Rect, scale: number, color: RgbColor, opacity: number): Uint8ClampedArray {
  const s = scale > 0 ? scale : 1;
  const { width: ow, height: oh } = overlaySize(rect, s);
  const out = new Uint8ClampedArray(ow * oh * 4);
  if (ow === 0 || oh === 0) return out;
  const lut = alphaLut(opacity);
  const [r, g, b] = color;
  const xr = sourceRanges(ow, rect.width, s);
  const yr = sourceRanges(oh, rect.height, s);
  const colSum = new Uint32Array(rect.width);
  for (let oy = 0; oy < oh; oy++) {
    const y0 = yr[2 * oy];
    const bandH = yr[2 * oy + 1] - y0;
    const band = readMaskRegion(mask, { x: rect.x, y: rect.y + y0, width: rect.width, height: bandH });
    colSum.fill(0);
    for (let y = 0; y < bandH; y++) {
      const o = y * rect.width;
      for (let x = 0; x < rect.width; x++) colSum[x] += band[o + x];
    }
    let o = oy * ow * 4;
    for (let ox = 0; ox < ow; ox++, o += 4) {
      const x0 = xr[2 * ox];
      const x1 = xr[2 * ox + 1];
      let sum = 0;
      for (let x = x0; x < x1; x++) sum += colSum[x];
      const mean = Math.round(sum / ((x1 - x0) * bandH));
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = lut[mean];
    }
  }
  return out;
}
