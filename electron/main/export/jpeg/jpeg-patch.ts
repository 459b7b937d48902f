/**
 * A JPEG export that keeps the original's compressed data wherever the edit did not reach. A JPEG
 * stores the picture as 8×8 blocks of quantised DCT coefficients grouped into MCUs (8–32 px square,
 * by the file's chroma sampling); re-encoding the whole picture moves every pixel by a few levels.
 * Here the file is read down to its coefficients (no decode to pixels), only the MCUs whose pixels
 * the edit changed are encoded again — from the export's composite, with the file's own
 * quantisation tables, so they match the quality around them — and every other block is written
 * back as it was: a decoder gives the original's pixels there, bit for bit (for 4:2:0 and 4:2:2
 * files, up to one pixel around an edited MCU can differ, where the decoder's chroma upsampling
 * blends across the boundary). The original's APPn/COM segments (EXIF, ICC profile, IPTC) are kept;
 * the XMP packet is the export's.
 */
import { encodeMcus } from './jpeg-blocks';
import { readJpegCoefficients, type JpegCoefficients, type JpegSegment } from './jpeg-read';
import { writeJpeg } from './jpeg-write';

export interface PatchedJpeg {
  bytes: Uint8Array;
  /** MCUs encoded again, of all. */
  changed: number;
  total: number;
  /** MCU size in pixels. */
  mcu: { width: number; height: number };
  /** One flag per MCU, row by row: encoded again. */
  flags: Uint8Array;
  /** MCUs per row. */
  mcusX: number;
  /** Whether a component is subsampled (a decoder's chroma upsampling reaches a pixel past an MCU). */
  subsampled: boolean;
}

/**
 * Whether `decoded` (the patched file decoded) equals `before` — the export's composite, which is
 * the original's pixels wherever no patch reaches — at every pixel outside the MCUs encoded again
 * (and the pixel around them when chroma is subsampled): the promise the patch makes, checked on
 * the result before it is used.
 */
export function keptOutside(p: PatchedJpeg, width: number, height: number, before: Uint8Array, decoded: Uint8Array): boolean {
  const { flags, mcusX, subsampled } = p;
  const { width: mw, height: mh } = p.mcu;
  const flag = (x: number, y: number) =>
    flags[Math.floor(Math.min(height - 1, Math.max(0, y)) / mh) * mcusX + Math.floor(Math.min(width - 1, Math.max(0, x)) / mw)];
  const r = subsampled ? 1 : 0;
  const stride = width * 3;
  for (let y = 0; y < height; y++) {
    // Most rows are equal throughout: one memcmp each.
    if (Buffer.compare(before.subarray(y * stride, (y + 1) * stride), decoded.subarray(y * stride, (y + 1) * stride)) === 0) continue;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (before[i] === decoded[i] && before[i + 1] === decoded[i + 1] && before[i + 2] === decoded[i + 2]) continue;
      let edited = false;
      for (let dy = -r; dy <= r && !edited; dy++) for (let dx = -r; dx <= r && !edited; dx++) edited = flag(x + dx, y + dy) === 1;
      if (!edited) return false;
    }
  }
  return true;
}

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_EXTENSION = 'http://ns.adobe.com/xmp/extension/\0';

/**
 * Reads the file for patching: null when its coding, components or colour transform are ones this
 * path does not take (then the caller re-encodes the whole picture).
 */
export function jpegForPatching(original: Uint8Array, width: number, height: number): JpegCoefficients | null {
  const frame = readJpegCoefficients(original);
  if (!frame || frame.width !== width || frame.height !== height || frame.components.length !== 3) return null;
  if (frame.components.some((c) => frame.hMax % c.h || frame.vMax % c.v)) return null;
  // An Adobe APP14 segment with transform 0 marks RGB (not YCbCr) components.
  const adobe = frame.meta.find((m) => m.marker === 0xee && startsWith(m.data, 'Adobe'));
  if (adobe && adobe.data[11] === 0) return null;
  return frame;
}

/**
 * The patched file. `flags`: the MCUs to encode again, one per MCU row by row (`coveredMcus`: those
 * the visible layers reach); `rgb`: the export's composite, RGB rows of the picture as the file
 * stores it. `xmp`: the packet to write (undefined keeps none). Null when the XMP is too large for
 * one APP1 segment.
 */
export function patchJpeg(frame: JpegCoefficients, flags: Uint8Array, rgb: Uint8Array, xmp: string | undefined): PatchedJpeg | null {
  encodeMcus(frame, rgb, flags);
  const meta: JpegSegment[] = frame.meta.filter(
    (m) => !(m.marker === 0xe1 && (startsWith(m.data, XMP_HEADER) || startsWith(m.data, XMP_EXTENSION))),
  );
  if (xmp !== undefined) {
    const body = new TextEncoder().encode(XMP_HEADER + xmp);
    if (body.length > 65533) return null;
    // After the EXIF segment (APP1) and any JFIF/APP0, as writers put it.
    const at = meta.findIndex((m) => m.marker > 0xe1);
    meta.splice(at < 0 ? meta.length : at, 0, { marker: 0xe1, data: body });
  }
  let changed = 0;
  for (const f of flags) changed += f;
  return {
    bytes: writeJpeg(frame, meta),
    changed,
    total: flags.length,
    mcu: { width: 8 * frame.hMax, height: 8 * frame.vMax },
    flags,
    mcusX: frame.mcusX,
    subsampled: frame.components.some((c) => c.h !== frame.hMax || c.v !== frame.vMax),
  };
}

function startsWith(data: Uint8Array, text: string): boolean {
  if (data.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (data[i] !== text.charCodeAt(i)) return false;
  return true;
}
