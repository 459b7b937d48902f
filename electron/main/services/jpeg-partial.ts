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

const END = Buffer.from([0xff, 0xd9]);

/**
 * Whether the JPEG's picture data reaches its end-of-image marker: the segments are walked to the
 * first start of scan (an EXIF thumbnail's own markers, inside its segment, are skipped), and an end
 * marker is looked for after it — in the scan data every 0xFF is followed by 0 or a restart marker,
 * so one found there is the end. Data after the end (a Motion Photo's video) does not matter.
 */
export function reachesJpegEnd(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return true; // not a marker where one belongs: leave it to the decoder
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda) break;
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(END, at + 2) >= 0;
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
