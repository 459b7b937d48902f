/**
 * A JPEG cut short (an interrupted download or copy) opens as the part that is there, as Photoshop
 * opens it: libvips decodes what the file holds (`failOn: 'none'`) and fills the rows it lacks with
 * grey (128). That picture, with the file's metadata, becomes the original as a lossless PNG — so the
 * edit, the export and the JPEG patch export (which reads the stored file's own blocks) work on
 * exactly what is shown, never on the cut file. Files that are corrupt rather than short, and files
 * with no picture rows at all, are still refused (image-import.ts).
 */
import sharp, { type OutputInfo } from 'sharp';
import { MAX_IMAGE_PIXELS } from './image-limits';
import { isCutShort } from './damage-words';

/** Whether the file ends with the JPEG end-of-image marker (a few bytes of padding after it allowed). */
export function endsWithJpegEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

/**
 * For a JPEG without its end marker: null when it decodes whole after all, or is damaged otherwise
 * than cut short, or holds no more than one block row of picture; else its picture as a PNG (metadata kept) and how many
 * rows at the bottom of the stored image are missing (0 for, e.g., a progressive file whose later,
 * finer scans are missing: its picture is whole but blurred).
 */
export async function partialJpeg(bytes: Uint8Array): Promise<{ png: Uint8Array; missingRows: number } | null> {
  try {
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' }).raw().toBuffer();
    return null;
  } catch (e) {
    if (!isCutShort(e)) return null;
  }
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'none' }).raw().toBuffer({ resolveWithObject: true });
  } catch {
    return null;
  }
  const missingRows = greyRowsAtBottom(raw.data, raw.info.width, raw.info.height, raw.info.channels);
  // Cut at the start of its picture data, the decoder still makes up its first block row: nothing to open.
  if (missingRows + 16 >= raw.info.height) return null;
  const png = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'none' })
    .keepMetadata()
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png: new Uint8Array(png), missingRows };
}

/** Rows at the bottom whose every sample is 128: the grey the decoder puts where the file stopped. */
function greyRowsAtBottom(data: Buffer, width: number, height: number, channels: number): number {
  const stride = width * channels;
  let rows = 0;
  for (let y = height - 1; y >= 0; y--, rows++) {
    for (let i = y * stride; i < (y + 1) * stride; i++) if (data[i] !== 128) return rows;
  }
  return rows;
}
