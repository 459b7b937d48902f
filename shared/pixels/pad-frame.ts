/**
 * A region's pixels padded to its request frame (shared/geometry/region-pad.ts): the border beyond
 * the photo's edge is the photo mirrored about its edge pixel (…c b | a b c…), so the model sees the
 * photo's own texture and colours continue without a seam, streaks or a flat band; a mask is padded
 * with 0 (keep), so the border is never part of the edit.
 */

import type { FramePadding } from '../geometry/region-pad';

/** Index `i` folded into [0, n) by mirroring about the first and last element (no repeat of the edge). */
export function mirrorIndex(i: number, n: number): number {
  if (n <= 1) return 0;
  const period = 2 * (n - 1);
  const m = ((i % period) + period) % period;
  return m < n ? m : period - m;
}

/**
 * `src` (`width × height`, `channels` bytes per pixel) padded by `pad` on each side: mirrored
 * (`'mirror'`) or zero (`'zero'`). Returns a new buffer of the padded size.
 */
export function padFrame(
  src: Uint8Array,
  width: number,
  height: number,
  channels: number,
  pad: FramePadding,
  mode: 'mirror' | 'zero',
): Uint8Array {
  const W = width + pad.left + pad.right;
  const H = height + pad.top + pad.bottom;
  const out = new Uint8Array(W * H * channels);
  const rowBytes = width * channels;
  if (mode === 'zero') {
    for (let y = 0; y < height; y++) out.set(src.subarray(y * rowBytes, (y + 1) * rowBytes), ((y + pad.top) * W + pad.left) * channels);
    return out;
  }
  const cols = new Int32Array(pad.left + pad.right);
  for (let x = 0; x < pad.left; x++) cols[x] = mirrorIndex(x - pad.left, width);
  for (let x = 0; x < pad.right; x++) cols[pad.left + x] = mirrorIndex(width + x, width);
  for (let y = 0; y < H; y++) {
    const s = mirrorIndex(y - pad.top, height) * rowBytes;
    const d = y * W * channels;
    out.set(src.subarray(s, s + rowBytes), d + pad.left * channels);
    for (let x = 0; x < pad.left; x++) copyPixel(src, s + cols[x] * channels, out, d + x * channels, channels);
    const right = d + (pad.left + width) * channels;
    for (let x = 0; x < pad.right; x++) copyPixel(src, s + cols[pad.left + x] * channels, out, right + x * channels, channels);
  }
  return out;
}

function copyPixel(src: Uint8Array, s: number, dst: Uint8Array, d: number, channels: number): void {
  for (let c = 0; c < channels; c++) dst[d + c] = src[s + c];
}
