/**
 * Outpainting cases for the fill bench, with known truth: the centre half (columns W/4 … 3W/4) of a
 * photo is kept and the rest of its width is the hole, so the result can be scored against the real
 * photo. Also the long-extension case: a 9:16 poster 1080 px high extended to 8:1 (8640 × 1080).
 */
import { HOLE_THRESHOLD, type RgbaImage } from '../../shared/engine';

/** Mask of a centre-half → full-width extension: 255 outside the middle half of the columns. */
export function centreHalfMask(width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const x0 = Math.floor(width / 4),
    x1 = Math.floor((3 * width) / 4);
  for (let y = 0; y < height; y++) {
    mask.fill(255, y * width, y * width + x0);
    mask.fill(255, y * width + x1, (y + 1) * width);
  }
  return mask;
}

/**
 * `image` turned a quarter clockwise (width and height swap): with {@link centreHalfMask} the
 * rotated photo is extended above and below its centre half, a second case with known truth for
 * every photo (top and bottom content differs from left and right), not tuned on.
 */
export function quarterTurn(image: RgbaImage): RgbaImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8ClampedArray(w * h * 4);
  // Output pixel (x, y), in an h-wide image, is input pixel (y, h − 1 − x).
  for (let y = 0; y < w; y++)
    for (let x = 0; x < h; x++) {
      const o = (y * h + x) * 4,
        i = ((h - 1 - x) * w + y) * 4;
      out[o] = data[i];
      out[o + 1] = data[i + 1];
      out[o + 2] = data[i + 2];
      out[o + 3] = data[i + 3];
    }
  return { width: h, height: w, data: out };
}

/**
 * Block-colour error: the photo is cut into `block`×`block` tiles; over tiles that lie entirely in
 * the hole, the mean absolute difference (0..255, averaged over R, G, B) between the tile's mean
 * colour in `result` and in `truth`. Measures whether the new area has the right large-scale colours
 * (sky above, ground below), independent of whether its texture is the true one.
 */
export function blockColourError(result: RgbaImage, truth: RgbaImage, mask: Uint8Array, block = 16): number {
  const { width: w, height: h } = truth;
  let sum = 0,
    n = 0;
  for (let by = 0; by + block <= h; by += block) {
    for (let bx = 0; bx + block <= w; bx += block) {
      const a = [0, 0, 0],
        b = [0, 0, 0];
      let inside = true;
      for (let y = by; y < by + block && inside; y++) {
        for (let x = bx; x < bx + block; x++) {
          const i = y * w + x;
          if (mask[i] <= HOLE_THRESHOLD) {
            inside = false;
            break;
          }
          for (let c = 0; c < 3; c++) {
            a[c] += result.data[i * 4 + c];
            b[c] += truth.data[i * 4 + c];
          }
        }
      }
      if (!inside) continue;
      const k = block * block;
      sum += (Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2])) / (3 * k);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * A 9:16 poster `height` px high cut from the middle of `photo` (scaled by nearest neighbour
 * sampling of a box filter), placed in the middle of an 8:1 canvas. Returns the canvas (unknown
 * area black) and its mask.
 */
export function poster8to1(photo: RgbaImage, height = 1080): { image: RgbaImage; mask: Uint8Array; posterWidth: number } {
  const pw = Math.round((height * 9) / 16);
  const W = height * 8;
  // Crop a 9:16 window from the centre of the photo and box-resample it to pw × height.
  const cropH = Math.min(photo.height, Math.floor((photo.width * 16) / 9));
  const cropW = Math.floor((cropH * 9) / 16);
  const cx0 = Math.floor((photo.width - cropW) / 2),
    cy0 = Math.floor((photo.height - cropH) / 2);
  const data = new Uint8ClampedArray(W * height * 4);
  const mask = new Uint8Array(W * height).fill(255);
  const ox = Math.floor((W - pw) / 2);
  for (let y = 0; y < height; y++) {
    const sy0 = cy0 + Math.floor((y * cropH) / height),
      sy1 = Math.max(sy0 + 1, cy0 + Math.floor(((y + 1) * cropH) / height));
    for (let x = 0; x < pw; x++) {
      const sx0 = cx0 + Math.floor((x * cropW) / pw),
        sx1 = Math.max(sx0 + 1, cx0 + Math.floor(((x + 1) * cropW) / pw));
      const acc = [0, 0, 0];
      let n = 0;
      for (let sy = sy0; sy < sy1; sy++)
        for (let sx = sx0; sx < sx1; sx++) {
          const s = (sy * photo.width + sx) * 4;
          acc[0] += photo.data[s];
          acc[1] += photo.data[s + 1];
          acc[2] += photo.data[s + 2];
          n++;
        }
      const d = (y * W + ox + x) * 4;
      data[d] = acc[0] / n;
      data[d + 1] = acc[1] / n;
      data[d + 2] = acc[2] / n;
      data[d + 3] = 255;
      mask[y * W + ox + x] = 0;
    }
  }
  return { image: { width: W, height, data }, mask, posterWidth: pw };
}
