/**
 * The MCUs a layer reaches but leaves as they were keep the original's data. A layer's reach is
 * where its alpha is above 0, and that is wider than what it changes: the offline engine's outpaint
 * layer covers the 32-px band into the photo with the photo's own pixels, and a feathered edge's
 * faint alpha can round back to the pixel under it. Those MCUs were encoded again, so the band's
 * pixels moved by a few levels in a JPEG where a PNG or TIFF of the same edit kept them exactly.
 */
import type { RawImage } from '../composite-raw';

/** The MCU grid of the exported frame: its size in pixels, the MCU's size and MCUs per row. */
export interface McuGrid {
  width: number;
  height: number;
  mw: number;
  mh: number;
  mcusX: number;
}

/**
 * The original's RGB pixels of every flagged MCU that lies wholly on the original (not one of the
 * extension's, `outside`), taken before the layers are blended over them. `original` is the
 * decoded original (8-bit RGB), at (`left`, `top`) in the frame.
 */
export function originalMcus(
  flags: Uint8Array,
  outside: Uint8Array | null,
  grid: McuGrid,
  original: RawImage,
  left: number,
  top: number,
): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (original.channels !== 3 || original.depth !== 8) return out;
  const src = original.data as Uint8Array;
  for (let m = 0; m < flags.length; m++) {
    if (!flags[m] || outside?.[m]) continue;
    const box = mcuBox(m, grid);
    const ox = box.x0 - left;
    const oy = box.y0 - top;
    if (ox < 0 || oy < 0 || ox + box.w > original.width || oy + box.h > original.height) continue;
    const px = new Uint8Array(box.w * box.h * 3);
    for (let y = 0; y < box.h; y++) {
      const from = ((oy + y) * original.width + ox) * 3;
      px.set(src.subarray(from, from + box.w * 3), y * box.w * 3);
    }
    out.set(m, px);
  }
  return out;
}

/**
 * Clears the flag of every MCU in `before` whose pixels the composite (RGB rows of the frame) has
 * unchanged; returns how many were cleared.
 */
export function keepUnchanged(flags: Uint8Array, before: Map<number, Uint8Array>, grid: McuGrid, composite: Uint8Array): number {
  let cleared = 0;
  for (const [m, px] of before) {
    const box = mcuBox(m, grid);
    const row = box.w * 3;
    let same = true;
    for (let y = 0; y < box.h && same; y++) {
      const from = ((box.y0 + y) * grid.width + box.x0) * 3;
      same = Buffer.compare(composite.subarray(from, from + row), px.subarray(y * row, (y + 1) * row)) === 0;
    }
    if (same) {
      flags[m] = 0;
      cleared++;
    }
  }
  return cleared;
}

/** MCU `m`'s pixels, clipped to the frame. */
function mcuBox(m: number, { width, height, mw, mh, mcusX }: McuGrid) {
  const x0 = (m % mcusX) * mw;
  const y0 = Math.floor(m / mcusX) * mh;
  return { x0, y0, w: Math.min(mw, width - x0), h: Math.min(mh, height - y0) };
}
