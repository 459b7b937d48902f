/**
 * JPEG → JPEG export that keeps the original's compressed data outside the edit (jpeg/jpeg-patch.ts).
 * Taken when the original is an 8-bit YCbCr JPEG stored upright (EXIF orientation 1), the canvas is
 * the original's size and the request does not ask for a whole re-encode; otherwise (or when the
 * file's coding is one the reader does not take) the caller re-encodes the whole picture as before.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { ExportRequest, ExportSource } from '../services/image-export';
import { jpegForPatching, keptOutside, patchJpeg } from './jpeg/jpeg-patch';
import { coveredMcus, maskedMcus, placeFrame } from './jpeg/jpeg-blocks';
import { MAX_IMAGE_PIXELS } from '../services/image-limits';
import type { RawPatch } from './composite-raw';

export type JpegPatchExport =
  | {
      bytes: Uint8Array;
      /** For the user: what was kept and what was encoded again. */
      note: string;
    }
  /** Not taken, for a reason the user should hear (the export is re-encoded whole). */
  | { reason: string };

/**
 * From the upright picture back to the file's stored layout, for each EXIF orientation (libvips
 * applies flip/flop before the rotation; checked against autoOrient for all eight in the tests).
 */
const TO_STORED: Record<number, (s: Sharp) => Sharp> = {
  1: (s) => s,
  2: (s) => s.flop(),
  3: (s) => s.rotate(180),
  4: (s) => s.flip(),
  5: (s) => s.flip().rotate(90),
  6: (s) => s.rotate(270),
  7: (s) => s.flop().rotate(90),
  8: (s) => s.rotate(90),
};

export async function patchedJpegExport(
  src: ExportSource,
  req: ExportRequest,
  composite: () => Promise<Sharp>,
  patches: () => Promise<RawPatch[]>,
): Promise<JpegPatchExport | null> {
  const { meta, extend } = src;
  const orientation = meta.orientation ?? 1;
  if (req.format !== 'jpeg' || req.jpegKeepOriginal === false || !TO_STORED[orientation]) return null;
  if (meta.format !== 'jpeg' || src.depth !== 8 || src.cmyk || meta.channels !== 3) return null;
  const extended = !!(extend.left || extend.top || extend.right || extend.bottom);
  if (extended && orientation !== 1) return null;
  // The file's blocks are stored as the file has them: an EXIF-rotated original keeps its tag (the
  // whole re-encode writes upright pixels and resets it) and the picture goes back to its layout.
  const upright = req.canvas;
  const { width, height } = orientation >= 5 ? { width: upright.height, height: upright.width } : upright;
  const stored = (s: Sharp) => TO_STORED[orientation](s);
  const raw = async (s: Sharp, channels: 1 | 3) => {
    // (libvips would write a grey mask as RGB.)
    const { data, info } = await (channels === 1 ? s.extractChannel(0) : s).raw().toBuffer({ resolveWithObject: true });
    if (info.width !== width || info.height !== height || (info.channels !== channels && !(channels === 3 && info.channels === 4)))
      throw new Error(`unexpected composite layout ${info.width}x${info.height}x${info.channels} for ${width}x${height}x${channels}`);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // An extended canvas keeps its alpha through removeAlpha (sharp extends after it): dropped here,
    // the transparent extension black, as a whole JPEG re-encode writes it.
    return info.channels === 4 ? dropAlpha(bytes) : bytes;
  };

  // libvips composites on its threads while the coefficients are read here.
  const after = composite().then(async (c) =>
    orientation === 1
      ? raw(c.removeAlpha(), 3)
      : raw(stored(sharp(await c.removeAlpha().raw().toBuffer(), { raw: { ...upright, channels: 3 } })), 3),
  );
  const layers = patches().then(async (ps) => (orientation === 1 ? ps : await coverageStored(ps, upright, stored, raw)));
  after.catch(() => {});
  layers.catch(() => {});
  const file = jpegForPatching(src.original, extended ? meta.width! : width, extended ? meta.height! : height);
  if (!file) return null;
  // An extended canvas keeps the original's blocks when the original lands on the block grid.
  let frame = file;
  let outside: Uint8Array | null = null;
  if (extended) {
    const mw = 8 * file.hMax;
    const mh = 8 * file.vMax;
    if (extend.left % mw || extend.top % mh)
      return {
        reason: `JPEG: the whole picture was re-encoded — the extension moves the original by ${extend.left}×${extend.top} px, off its ${mw}×${mh} px blocks (extend on the right and bottom, or by multiples of ${mw} px on the left and ${mh} px on top, to keep its data).`,
      };
    ({ frame, outside } = placeFrame(file, width, height, extend.left, extend.top));
  }
  const cover = await layers;
  const flags = cover instanceof Uint8Array ? maskedMcus(frame, cover) : coveredMcus(frame, cover);
  if (outside) for (let i = 0; i < flags.length; i++) flags[i] |= outside[i];
  const patched = patchJpeg(frame, flags, await after, src.xmp);
  if (!patched) return null;
  // The promise checked on the result: a file this reader misread (damaged data a decoder repairs
  // its own way) is exported the usual way instead.
  const decoded = await raw(sharp(patched.bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).removeAlpha(), 3);
  if (!keptOutside(patched, width, height, await after, decoded)) return null;
  const { changed, total, mcu } = patched;
  const note =
    changed === 0
      ? "JPEG: nothing visible was edited, so the original's image data was kept as it is (only the metadata changed)."
      : `JPEG: the original's image data was kept wherever you did not edit — ${changed} of ${total} blocks of ${mcu.width}×${mcu.height} px were encoded again, at the original's quality (the quality setting applies when the whole picture is re-encoded).`;
  return { bytes: patched.bytes, note };
}

/** Where any patch reaches (alpha > 0), one byte per pixel in the file's stored layout. */
async function coverageStored(
  patches: RawPatch[],
  upright: { width: number; height: number },
  stored: (s: Sharp) => Sharp,
  raw: (s: Sharp, channels: 1 | 3) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const mask = new Uint8Array(upright.width * upright.height);
  for (const p of patches)
    for (let y = Math.max(0, p.y); y < Math.min(upright.height, p.y + p.height); y++)
      for (let x = Math.max(0, p.x); x < Math.min(upright.width, p.x + p.width); x++)
        if (p.rgba[((y - p.y) * p.width + (x - p.x)) * 4 + 3]) mask[y * upright.width + x] = 255;
  return raw(stored(sharp(mask, { raw: { ...upright, channels: 1 } })), 1);
}

function dropAlpha(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    out[o] = rgba[i];
    out[o + 1] = rgba[i + 1];
    out[o + 2] = rgba[i + 2];
  }
  return out;
}
