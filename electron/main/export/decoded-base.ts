/**
 * The export's base pixels without decoding the original again, where that gives the same bytes.
 *
 * Edit prep keeps the open original decoded (services/decoded-original.ts: upright RGBA, sharp's
 * default output, which converts a file with an ICC profile to sRGB). The export needs the
 * original's own samples (its profile is attached, never applied). For an 8-bit RGB file without
 * a profile the two are the same samples — libvips converts nothing — so the export can take the
 * kept decode and drop its alpha byte instead of decoding the file a second time. Any other file
 * (a profile, alpha, grey, CMYK, 16-bit) is decoded by the export as before.
 */
import type { Metadata } from 'sharp';
import { recallDecoded } from '../services/decoded-original';

/** Packed RGB rows of the original, cut from the kept RGBA decode. */
export interface DecodedBase {
  width: number;
  height: number;
  channels: 3;
  /** Rows y0 ≤ y < y1 as packed RGB (a new buffer). */
  rows(y0: number, y1: number): Uint8Array;
}

/** Whether the kept decode of `assetId` holds exactly the samples the export would decode from `meta`. */
export function decodedBaseFor(assetId: string, meta: Metadata): DecodedBase | null {
  const kept = recallDecoded(assetId);
  if (!kept) return null;
  const plain =
    !meta.icc && !meta.hasAlpha && meta.channels === 3 && meta.space === 'srgb' && (meta.depth === 'uchar' || meta.depth === undefined);
  if (!plain || kept.rgba.byteLength !== kept.width * kept.height * 4) return null;
  const { width, height, rgba } = kept;
  return {
    width,
    height,
    channels: 3,
    rows: (y0, y1) => rgbRows(rgba, width, y0, y1),
  };
}

/** RGBA rows → packed RGB: four pixels (four 32-bit words) become three words, little-endian. */
export function rgbRows(rgba: Uint8Array, width: number, y0: number, y1: number): Uint8Array {
  const n = (y1 - y0) * width;
  const out = new Uint8Array(n * 3);
  const first = y0 * width;
  let i = 0;
  if (rgba.byteOffset % 4 === 0) {
    const src = new Uint32Array(rgba.buffer, rgba.byteOffset + first * 4, n);
    const dst = new Uint32Array(out.buffer, 0, Math.floor((n * 3) / 4));
    for (let d = 0; i + 4 <= n; i += 4, d += 3) {
      const p0 = src[i];
      const p1 = src[i + 1];
      const p2 = src[i + 2];
      const p3 = src[i + 3];
      dst[d] = (p0 & 0xffffff) | (p1 << 24);
      dst[d + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
      dst[d + 2] = ((p2 >>> 16) & 0xff) | (p3 << 8);
    }
  }
  for (let s = (first + i) * 4, d = i * 3; i < n; i++, s += 4, d += 3) {
    out[d] = rgba[s];
    out[d + 1] = rgba[s + 1];
    out[d + 2] = rgba[s + 2];
  }
  return out;
}
