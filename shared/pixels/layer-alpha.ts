/**
 * Layer opacity and layer mask applied to a layer's pixels: alpha' = round(alpha × mask/255 × opacity),
 * colour untouched. What the layer then contributes is an ordinary Normal ("over") composite, so every
 * writer (export, region for a model, merge down) gets the same pixels from the same rule.
 */

/** A layer's own pixels with what hides them: `mask` is width×height values (255 = shown) or null. */
export interface LayerAlpha {
  opacity: number;
  mask: Uint8Array | null;
}

/** True when the layer shows exactly as its pixels are (opacity 1, no mask). */
export function isPlainLayer(a: LayerAlpha): boolean {
  return a.mask === null && a.opacity >= 1;
}

/** RGBA `rgba` (width×height) with its alpha scaled by the mask and the opacity; a new array. */
export function applyLayerAlpha(rgba: Uint8Array, width: number, height: number, a: LayerAlpha): Uint8Array {
  const n = width * height;
  if (rgba.length !== n * 4) throw new RangeError(`layer pixels are ${rgba.length} bytes, expected ${n * 4}`);
  if (a.mask && a.mask.length !== n) throw new RangeError(`layer mask has ${a.mask.length} values, expected ${n}`);
  const o = Math.min(1, Math.max(0, Number.isFinite(a.opacity) ? a.opacity : 1));
  const out = new Uint8Array(rgba);
  const mask = a.mask;
  // A lookup per mask value keeps the pass to one multiply-free table read per pixel.
  const scale = new Float64Array(256);
  for (let m = 0; m < 256; m++) scale[m] = (m / 255) * o;
  if (!mask) {
    if (o >= 1) return out;
    for (let q = 3; q < out.length; q += 4) out[q] = Math.round(out[q] * o);
    return out;
  }
  for (let i = 0, q = 3; i < n; i++, q += 4) {
    const m = mask[i];
    if (m === 255 && o >= 1) continue;
    out[q] = Math.round(out[q] * scale[m]);
  }
  return out;
}

/**
 * Porter-Duff "over" of `top` onto `bottom` (both RGBA, same size, straight alpha), rounded to 8 bits:
 * the Normal blend. Used to merge two layers into one.
 */
export function overStraight(bottom: Uint8Array, top: Uint8Array): Uint8Array {
  if (bottom.length !== top.length) throw new RangeError('over: both images must be the same size');
  const out = new Uint8Array(bottom);
  for (let q = 0; q < out.length; q += 4) {
    const at = top[q + 3];
    if (at === 0) continue;
    if (at === 255) {
      out[q] = top[q];
      out[q + 1] = top[q + 1];
      out[q + 2] = top[q + 2];
      out[q + 3] = 255;
      continue;
    }
    const ta = at / 255;
    const ba = bottom[q + 3] / 255;
    const oa = ta + ba * (1 - ta);
    for (let c = 0; c < 3; c++) out[q + c] = Math.round((top[q + c] * ta + bottom[q + c] * ba * (1 - ta)) / oa);
    out[q + 3] = Math.round(oa * 255);
  }
  return out;
}
