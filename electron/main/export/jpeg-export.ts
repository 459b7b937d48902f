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
import { MAX_IMAGE_PIXELS } from '../services/image-limits';
import type { RawPatch } from './composite-raw';

export interface JpegPatchExport {
  bytes: Uint8Array;
  /** For the user: what was kept and what was encoded again. */
  note: string;
}

export async function patchedJpegExport(
  src: ExportSource,
  req: ExportRequest,
  composite: () => Promise<Sharp>,
  patches: () => Promise<RawPatch[]>,
): Promise<JpegPatchExport | null> {
  const { meta, extend } = src;
  if (req.format !== 'jpeg' || req.jpegKeepOriginal === false) return null;
  if (meta.format !== 'jpeg' || src.depth !== 8 || src.cmyk || meta.channels !== 3 || (meta.orientation ?? 1) !== 1) return null;
  if (extend.left || extend.top || extend.right || extend.bottom) return null;
  const { width, height } = req.canvas;
  const rgb = async (s: Sharp) => {
    const { data, info } = await s.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.width !== width || info.height !== height || info.channels !== 3) throw new Error('unexpected composite layout');
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  };
  // libvips composites on its threads while the coefficients are read here.
  const after = composite().then(rgb);
  const layers = patches();
  after.catch(() => {});
  layers.catch(() => {});
  const frame = jpegForPatching(src.original, width, height);
  if (!frame) return null;
  const patched = patchJpeg(frame, await layers, await after, src.xmp);
  if (!patched) return null;
  // The promise checked on the result: a file this reader misread (damaged data a decoder repairs
  // its own way) is exported the usual way instead.
  const decoded = await rgb(sharp(patched.bytes, { limitInputPixels: MAX_IMAGE_PIXELS }));
  if (!keptOutside(patched, width, height, await after, decoded)) return null;
  const { changed, total, mcu } = patched;
  const note =
    changed === 0
      ? "JPEG: nothing visible was edited, so the original's image data was kept as it is (only the metadata changed)."
      : `JPEG: the original's image data was kept wherever you did not edit — ${changed} of ${total} blocks of ${mcu.width}×${mcu.height} px were encoded again, at the original's quality (the quality setting applies when the whole picture is re-encoded).`;
  return { bytes: patched.bytes, note };
}
